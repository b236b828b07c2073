import Link from 'next/link';
import { loadSetup, requireStep, StepList, SetupStopped } from '../setup-ui.tsx';
import { ConditionsForm } from './conditions-form.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Set Up: Turn On Two-Step Verification' };

// Step 4: the conditions of two-step verification (Apple's FAQ, "What do I need to remember when I
// use two-step verification?"), accepted with a checkbox, then the switch.
export default async function ConditionsPage() {
  const { progress, locale } = await loadSetup();
  if (progress.step === 'stopped') {
    return (
      <main className="narrow">
        <h1>Turn On Two-Step Verification</h1>
        <SetupStopped stop={progress.stop} locale={locale} />
      </main>
    );
  }
  requireStep(progress, 'conditions');
  return (
    <main className="narrow">
      <p className="small">
        <Link href="/account/security/setup">← Set Up Two-Step Verification</Link>
      </p>
      <h1>Turn On Two-Step Verification</h1>
      <p className="lead">Step 4 of 4</p>
      <StepList progress={progress} showing="conditions" />
      <div className="panel">
        <ConditionsForm />
      </div>
    </main>
  );
}
