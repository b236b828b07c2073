import Link from 'next/link';
import { accountLocale } from '@/src/format.ts';
import { redirect } from 'next/navigation';
import { requireSecurityPass } from '../../../lib/security-pass.ts';
import { LocalTime } from '../../../components/local-time.tsx';

// Two-step setup, step 1. The steps themselves (trusted devices, Recovery Key, conditions) come
// with the trusted-devices and lifecycle work; this page holds the setup's place and deadline.
export default async function SetupPage() {
  const { account } = await requireSecurityPass();
  if (!account.setupStartedAt || !account.setupDeadline) redirect('/account/security');
  return (
    <main className="narrow">
      <h1>Set Up Two-Step Verification</h1>
      <p className="lead">Step 1 of 4: trusted devices</p>
      <div className="panel">
        <p>
          You started setting up two-step verification. Complete it by <LocalTime iso={account.setupDeadline.toISOString()} locale={accountLocale(account.countryCode)} />: after that,
          a new waiting period starts.
        </p>
        <p className="muted">Verifying trusted phone numbers and devices comes next.</p>
        <p>
          <Link className="button" href="/account/security/devices">
            Add trusted devices
          </Link>
        </p>
        <Link href="/account/security">Back to Password and Security</Link>
      </div>
    </main>
  );
}
