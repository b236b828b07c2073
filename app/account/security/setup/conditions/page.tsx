import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SETUP_STEPS } from '@/src/two-step/turn-on.ts';
import { loadSetup, requireStep, StepList, SetupStopped, stepIndex } from '../setup-ui.tsx';
import { ConditionsForm } from './conditions-form.tsx';
import styles from '../setup.module.css';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('setup'))('titles.conditions') };
}

// Step 4: the conditions of two-step verification (Apple's FAQ, "What do I need to remember when I
// use two-step verification?"), accepted with a checkbox, then the switch.
export default async function ConditionsPage() {
  const { progress, locale } = await loadSetup();
  const t = await getTranslations('setup');
  if (progress.step === 'stopped') {
    return (
      <main className="narrow">
        <h1>{t('conditions.heading')}</h1>
        <SetupStopped stop={progress.stop} locale={locale} />
      </main>
    );
  }
  requireStep(progress, 'conditions');
  return (
    <main className="narrow">
      <p className="small">
        <Link href="/account/security/setup">{t('backToSetup')}</Link>
      </p>
      <h1>{t('conditions.heading')}</h1>
      <p className="lead">{t('stepOf', { number: stepIndex('conditions') + 1, count: SETUP_STEPS.length })}</p>
      <StepList progress={progress} showing="conditions" />
      <div className="panel">
        <ConditionsForm text={{ accept: t('conditions.accept'), turnOn: t('conditions.turnOn'), turningOn: t('conditions.turningOn') }}>
          <h2 id="conditions-heading">{t('conditions.before')}</h2>
          <p>{t('conditions.intro')}</p>
          <ul className={styles.conditions} aria-labelledby="conditions-heading" data-testid="conditions">
            <li>{t('conditions.support')}</li>
            <li>{t('conditions.responsible')}</li>
            <li>{t('conditions.lockedOut')}</li>
            <li>{t('conditions.questionsDeleted')}</li>
          </ul>
        </ConditionsForm>
      </div>
    </main>
  );
}
