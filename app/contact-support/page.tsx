// "Contact support" (docs/rules.md#waiting-period): where the waiting-period texts and emails send
// someone who thinks another person is changing their account. Signed in, the holder gets the way
// support can see their account (the Apple Support PIN page, which says when no PIN is needed);
// anyone else gets the support address. Support can look, never change a password, trusted devices
// or Recovery Key.
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { currentAccount } from '../lib/session.ts';
import { SUPPORT_ADDRESS } from '@/src/mail/templates.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pages.contactSupport'))('title') };
}

export default async function ContactSupportPage() {
  const current = await currentAccount();
  const t = await getTranslations('pages.contactSupport');
  const mail = (text: ReactNode) => <a href={`mailto:${SUPPORT_ADDRESS}`}>{text}</a>;
  return (
    <main className="narrow">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <div className="panel">
        {current ? (
          <>
            <p>{t.rich('pin', { link: (text) => <Link href="/account/security/support-pin">{text}</Link> })}</p>
            <p>{t.rich('write', { address: SUPPORT_ADDRESS, mail, link: (text) => <Link href="/account/security">{text}</Link> })}</p>
          </>
        ) : (
          <p>{t.rich('writeSignedOut', { address: SUPPORT_ADDRESS, mail, link: (text) => <Link href="/sign-in">{text}</Link> })}</p>
        )}
      </div>
      <p className="small muted">{t('never')}</p>
    </main>
  );
}
