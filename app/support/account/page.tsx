import Link from 'next/link';
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { viewAccount } from '@/src/support/console.ts';
import { SUPPORT_PIN_DIGITS, SUPPORT_PIN_TTL_MS } from '@/src/support/pin.ts';
import { durationText } from '@/src/clock.ts';
import { requireStaff } from '../../lib/staff-session.ts';
import { requestContext } from '../../lib/request.ts';
import { Details } from './details.tsx';
import { PinForm } from './pin-form.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Account Details · Support' };

// The account the staff session found (src/support/console.ts). View only: there is no button here
// that changes anything, and no action behind the page that could (Apple's FAQ: support can't
// update or recover the password, the trusted devices or the Recovery Key).
export default async function SupportAccountPage() {
  const session = await requireStaff();
  const view = await viewAccount(runtime(), session, await requestContext());
  if (!view) redirect('/support');
  if (view.kind === 'locked') {
    return (
      <main className="narrow">
        <h1 className="account-id">{view.appleId}</h1>
        <p className="lead">This account exists.</p>
        <div className="panel" data-testid="locked-account">
          <p className="state-sentence">
            Two-step verification: <span className="badge on">On</span>
          </p>
          <p>
            To see this account&apos;s security settings, ask the holder for their <strong>support PIN</strong>. They make it on their
            account page, in Password and Security, with a code from one of their trusted devices. It works for{' '}
            {durationText(SUPPORT_PIN_TTL_MS)}, for you only.
          </p>
          <PinForm digits={SUPPORT_PIN_DIGITS} />
        </div>
        <p className="small">
          <Link href="/support">Find another account</Link>
        </p>
      </main>
    );
  }
  return <Details view={view} />;
}
