// Shared parts of the two-step setup pages: where the holder is in the four steps, and why setup
// cannot proceed when the eligibility engine says so.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { explainEligibility } from '@/src/eligibility/explain.ts';
import {
  SETUP_NOT_STARTED,
  SETUP_STEPS,
  setupProgress,
  type SetupProgress,
  type SetupStep,
  type SetupStop,
} from '@/src/two-step/turn-on.ts';
import { startDueWaitingPeriod } from '@/src/eligibility/waiting-periods.ts';
import { requireSecurityPass } from '../../../lib/security-pass.ts';
import { requestContext } from '../../../lib/request.ts';
import { Explained } from '../../../components/explained.tsx';
import { pageDateLocale } from '../../../i18n/page-dates.ts';
import { useTranslations } from 'next-intl';
import styles from './setup.module.css';

/**
 * Each step's key in the setup catalogue: `setup.steps.<key>.title` ("Confirm your Recovery Key") and
 * `setup.steps.<key>.inSentence`, its name inside a sentence ("Next: confirm your Recovery Key.").
 */
export const STEP_KEYS: Record<SetupStep, 'devices' | 'recoveryKey' | 'confirmKey' | 'conditions'> = {
  devices: 'devices',
  'recovery-key': 'recoveryKey',
  'confirm-key': 'confirmKey',
  conditions: 'conditions',
};

export const STEP_PATHS: Record<SetupStep, string> = {
  devices: '/account/security/setup',
  'recovery-key': '/account/security/setup/recovery-key',
  'confirm-key': '/account/security/setup/confirm',
  conditions: '/account/security/setup/conditions',
};

export const stepIndex = (s: SetupStep) => SETUP_STEPS.indexOf(s);

/** The holder's account and setup progress, for every setup page (behind the Password and Security pass). */
export async function loadSetup() {
  const { account, actor } = await requireSecurityPass();
  const rt = runtime();
  // Writes when a 30-day setup window ran out, as the Password and Security page does (its comment
  // says why): these pages show the same state, so the period they show must be the stored one.
  await startDueWaitingPeriod(rt, account.id, await requestContext());
  const progress = await setupProgress(rt, account.id);
  return { account, actor, progress, locale: await pageDateLocale(account.countryCode) };
}

/**
 * For a step page: the step may be shown once every earlier step is done (a later step can be
 * revisited: getting a new key, say). Otherwise back to the overview, which says what comes first.
 */
export function requireStep(progress: SetupProgress, step: SetupStep): void {
  if (progress.step !== 'stopped' && stepIndex(progress.step) < stepIndex(step)) redirect('/account/security/setup');
}

/** The four steps as a list: done, current or still to come. `showing` is the step on this page. */
export function StepList({ progress, showing }: { progress: Exclude<SetupProgress, { step: 'stopped' }>; showing?: SetupStep }) {
  const t = useTranslations('setup');
  const current = stepIndex(progress.step);
  return (
    <ol className={styles.steps} aria-label={t('stepList.label')}>
      {SETUP_STEPS.map((s, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        const here = s === showing;
        return (
          <li
            key={s}
            className={`${styles.step} ${styles[state]} ${here ? styles.here : ''}`}
            data-state={state}
            aria-current={here ? 'step' : undefined}
          >
            <span className={styles.number} aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span>
              <span className="visually-hidden">{t('stepList.step', { number: i + 1 })} </span>
              {i <= current && !here ? (
                <Link href={STEP_PATHS[s]}>{t(`steps.${STEP_KEYS[s]}.title`)}</Link>
              ) : (
                t(`steps.${STEP_KEYS[s]}.title`)
              )}
              <span className={styles.stepState}>
                {state === 'done' ? t('stepList.done') : state === 'current' ? t('stepList.next') : ''}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** Why setup cannot proceed now (the eligibility engine's reason), with the way back. */
export function SetupStopped({ stop, locale }: { stop: SetupStop; locale: string }) {
  const t = useTranslations('setup');
  return (
    <div className="panel" data-testid="setup-stopped" data-state={stop.state}>
      <p className="state-sentence">
        <StopSentence stop={stop} locale={locale} />
      </p>
      <p>
        <Link href="/account/security">{t('backToSecurity')}</Link>
      </p>
    </div>
  );
}

function StopSentence({ stop, locale }: { stop: SetupStop; locale: string }) {
  if (stop.state === 'not-started') return <>{SETUP_NOT_STARTED}</>;
  return <Explained said={explainEligibility(stop, 'setup', { locale }).sentence} locale={locale} />;
}
