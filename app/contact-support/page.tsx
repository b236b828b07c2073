// "Contact support" (docs/rules.md#waiting-period): where the waiting-period texts and emails send
// someone who thinks another person is changing their account. Signed in, the holder gets the way
// support can see their account (the Apple Support PIN page, which says when no PIN is needed);
// anyone else gets the support address. Support can look, never change a password, trusted devices
// or Recovery Key.
import Link from 'next/link';
import type { Metadata } from 'next';
import { currentAccount } from '../lib/session.ts';
import { SUPPORT_ADDRESS } from '@/src/mail/templates.ts';

export const metadata: Metadata = { title: 'Contact Apple Support' };

export default async function ContactSupportPage() {
  const current = await currentAccount();
  return (
    <main className="narrow">
      <h1>Contact Apple Support</h1>
      <p className="lead">
        If you think someone else is changing your account (a password, security questions, rescue email or birth date you did not change),
        contact Apple Support now. A waiting period is there so that you can stop them before two-step verification can be set up.
      </p>
      <div className="panel">
        {current ? (
          <>
            <p>
              Support can look at your account&apos;s security settings to help you. Before you call or write, open{' '}
              <Link href="/account/security/support-pin">Apple Support PIN</Link>: it makes the PIN you read to support when two-step
              verification is on, and says when no PIN is needed.
            </p>
            <p>
              Write to <a href={`mailto:${SUPPORT_ADDRESS}`}>{SUPPORT_ADDRESS}</a> from an address on file and say what changed. You can
              also change your password yourself in <Link href="/account/security">Password and Security</Link>.
            </p>
          </>
        ) : (
          <p>
            Write to <a href={`mailto:${SUPPORT_ADDRESS}`}>{SUPPORT_ADDRESS}</a> from an address on file of your account and say what
            changed. If you can still sign in, <Link href="/sign-in">sign in</Link> and come back to this page: it then shows how support
            can see your account.
          </p>
        )}
      </div>
      <p className="small muted">
        Apple Support never asks for your password, a verification code or your Recovery Key, and cannot reset your password, trusted
        devices or Recovery Key for you.
      </p>
    </main>
  );
}
