import Link from 'next/link';
import { accountLocale } from '@/src/format.ts';
import { redirect } from 'next/navigation';
import { requireSecurityPass } from '../../../lib/security-pass.ts';
import { LocalTime } from '../../../components/local-time.tsx';

// Managing two-step verification once it is on: trusted devices, Recovery Key, app-specific
// passwords and turning it off come with the lifecycle work.
export default async function ManageTwoStepPage() {
  const { account } = await requireSecurityPass();
  if (!account.twoStepEnabledAt) redirect('/account/security');
  return (
    <main className="narrow">
      <h1>Two-Step Verification</h1>
      <div className="panel">
        <p>
          On since <LocalTime iso={account.twoStepEnabledAt.toISOString()} show="date" locale={accountLocale(account.countryCode)} />.
        </p>
        <p>
          <Link href="/account/security/devices">Trusted devices</Link>
        </p>
        <Link href="/account/security">Back to Password and Security</Link>
      </div>
    </main>
  );
}
