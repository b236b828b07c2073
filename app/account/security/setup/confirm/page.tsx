import Link from 'next/link';
import { loadSetup, requireStep, StepList, SetupStopped } from '../setup-ui.tsx';
import { ConfirmKeyForm } from './confirm-key-form.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Set Up: Confirm Your Recovery Key' };

// Step 3: the holder types the Recovery Key back from the printed copy, so we know they have it
// before two-step turns on.
export default async function ConfirmKeyPage() {
  const { progress, locale } = await loadSetup();
  if (progress.step === 'stopped') {
    return (
      <main className="narrow">
        <h1>Confirm Your Recovery Key</h1>
        <SetupStopped stop={progress.stop} locale={locale} />
      </main>
    );
  }
  requireStep(progress, 'confirm-key');
  return (
    <main className="narrow">
      <p className="small">
        <Link href="/account/security/setup">← Set Up Two-Step Verification</Link>
      </p>
      <h1>Confirm Your Recovery Key</h1>
      <p className="lead">Step 3 of 4</p>
      <StepList progress={progress} showing="confirm-key" />
      <div className="panel">
        <p>Type in the Recovery Key from your printed copy. Spaces, dashes and upper or lower case don&apos;t matter.</p>
        <ConfirmKeyForm />
        <p className="small muted">
          Lost it already? <Link href="/account/security/setup/recovery-key">Get a new Recovery Key</Link>: it replaces the one you got
          before.
        </p>
      </div>
    </main>
  );
}
