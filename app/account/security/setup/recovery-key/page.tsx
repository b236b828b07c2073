import Link from 'next/link';
import { loadSetup, requireStep, StepList, SetupStopped } from '../setup-ui.tsx';
import { RecoveryKeyStep } from './recovery-key-step.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Set Up: Your Recovery Key' };

// Step 2: the Recovery Key (Apple's FAQ: "a 14-character Recovery Key to print and keep in a safe
// place"). The key is made only when the holder asks for it, shown once in the action's answer,
// and printed from this page: on paper only the key sheet appears (print rules in print-sheet.css).
export default async function RecoveryKeyPage() {
  const { account, progress, locale } = await loadSetup();
  if (progress.step === 'stopped') {
    return (
      <main className="narrow">
        <h1>Your Recovery Key</h1>
        <SetupStopped stop={progress.stop} locale={locale} />
      </main>
    );
  }
  requireStep(progress, 'recovery-key');
  return (
    <main className="narrow">
      <p className="small">
        <Link href="/account/security/setup">← Set Up Two-Step Verification</Link>
      </p>
      <h1>Your Recovery Key</h1>
      <p className="lead">Step 2 of 4</p>
      <StepList progress={progress} showing="recovery-key" />
      <RecoveryKeyStep appleId={account.appleId} locale={locale} hadKey={progress.recoveryKeyCreatedAt !== null} />
    </main>
  );
}
