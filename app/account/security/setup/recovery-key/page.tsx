import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SETUP_STEPS } from '@/src/two-step/turn-on.ts';
import { loadSetup, requireStep, StepList, SetupStopped, stepIndex } from '../setup-ui.tsx';
import { RecoveryKeyStep } from './recovery-key-step.tsx';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('setup'))('titles.recoveryKey') };
}

// Step 2: the Recovery Key (Apple's FAQ: "a 14-character Recovery Key to print and keep in a safe
// place"). The key is made only when the holder asks for it, shown once in the action's answer,
// and printed from this page: on paper only the key sheet appears (print rules in print-sheet.css).
export default async function RecoveryKeyPage() {
  const { account, progress, locale } = await loadSetup();
  const t = await getTranslations('setup');
  if (progress.step === 'stopped') {
    return (
      <main className="narrow">
        <h1>{t('recoveryKey.heading')}</h1>
        <SetupStopped stop={progress.stop} locale={locale} />
      </main>
    );
  }
  requireStep(progress, 'recovery-key');
  return (
    <main className="narrow">
      <p className="small">
        <Link href="/account/security/setup">{t('backToSetup')}</Link>
      </p>
      <h1>{t('recoveryKey.heading')}</h1>
      <p className="lead">{t('stepOf', { number: stepIndex('recovery-key') + 1, count: SETUP_STEPS.length })}</p>
      <StepList progress={progress} showing="recovery-key" />
      <RecoveryKeyStep appleId={account.appleId} locale={locale} hadKey={progress.recoveryKeyCreatedAt !== null} />
    </main>
  );
}
