import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SETUP_STEPS } from '@/src/two-step/turn-on.ts';
import { RECOVERY_KEY_LENGTH } from '@/src/recovery-key/key-length.ts';
import { loadSetup, requireStep, StepList, SetupStopped, stepIndex } from '../setup-ui.tsx';
import { ConfirmKeyForm } from './confirm-key-form.tsx';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('setup'))('titles.confirm') };
}

// Step 3: the holder types the Recovery Key back from the printed copy, so we know they have it
// before two-step turns on.
export default async function ConfirmKeyPage() {
  const { progress, locale } = await loadSetup();
  const t = await getTranslations('setup');
  if (progress.step === 'stopped') {
    return (
      <main className="narrow">
        <h1>{t('confirm.heading')}</h1>
        <SetupStopped stop={progress.stop} locale={locale} />
      </main>
    );
  }
  requireStep(progress, 'confirm-key');
  return (
    <main className="narrow">
      <p className="small">
        <Link href="/account/security/setup">{t('backToSetup')}</Link>
      </p>
      <h1>{t('confirm.heading')}</h1>
      <p className="lead">{t('stepOf', { number: stepIndex('confirm-key') + 1, count: SETUP_STEPS.length })}</p>
      <StepList progress={progress} showing="confirm-key" />
      <div className="panel">
        <p>{t('confirm.typeIn')}</p>
        <ConfirmKeyForm
          text={{
            label: t('confirm.label'),
            hint: t('confirm.hint', { length: RECOVERY_KEY_LENGTH }),
            confirm: t('confirm.confirm'),
            checking: t('confirm.checking'),
          }}
        />
        <p className="small muted">
          {t.rich('confirm.lost', { link: (text) => <Link href="/account/security/setup/recovery-key">{text}</Link> })}
        </p>
      </div>
    </main>
  );
}
