import Link from 'next/link';
import { accountLocale } from '@/src/format.ts';
import { requireTwoStepChange } from '../../../lib/fresh-code.ts';
import { RecoveryKeyStep } from '../setup/recovery-key/recovery-key-step.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Your Recovery Key' };

// Replace Lost Key (docs/rules.md#recovery-key): signed in with the password and a trusted device
// (a code in the last 10 minutes) → a new key, shown once and printable; the old one stops working
// at once.
export default async function ReplaceRecoveryKeyPage() {
  const { account } = await requireTwoStepChange('/account/security/recovery-key');
  return (
    <main className="narrow">
      <p className="small">
        <Link href="/account/security/two-step">← Two-Step Verification</Link>
      </p>
      <h1>Your Recovery Key</h1>
      <RecoveryKeyStep appleId={account.appleId} locale={accountLocale(account.countryCode)} hadKey mode="replace" />
    </main>
  );
}
