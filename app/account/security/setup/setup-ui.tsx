// Shared parts of the two-step setup pages: where the holder is in the four steps, and why setup
// cannot proceed when the eligibility engine says so.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { accountLocale } from '@/src/format.ts';
import { CHANGE_NAMES } from '@/src/mail/templates.ts';
import { regionName } from '@/src/eligibility/regions.ts';
import { SETUP_STEPS, setupProgress, type SetupProgress, type SetupStep, type SetupStop } from '@/src/two-step/turn-on.ts';
import { requireSecurityPass } from '../../../lib/security-pass.ts';
import { requestContext } from '../../../lib/request.ts';
import { LocalTime } from '../../../components/local-time.tsx';
import styles from './setup.module.css';

export const STEP_TITLES: Record<SetupStep, string> = {
  devices: 'Trusted devices',
  'recovery-key': 'Recovery Key',
  'confirm-key': 'Confirm your Recovery Key',
  conditions: 'Conditions',
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
  const progress = await setupProgress(runtime(), account.id, await requestContext());
  return { account, actor, progress, locale: accountLocale(account.countryCode) };
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
  const current = stepIndex(progress.step);
  return (
    <ol className={styles.steps} aria-label="Setup steps">
      {SETUP_STEPS.map((s, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        const here = s === showing;
        return (
          <li key={s} className={`${styles.step} ${styles[state]} ${here ? styles.here : ''}`} data-state={state} aria-current={here ? 'step' : undefined}>
            <span className={styles.number} aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span>
              <span className={styles.srOnly}>Step {i + 1}: </span>
              {i <= current && !here ? <Link href={STEP_PATHS[s]}>{STEP_TITLES[s]}</Link> : STEP_TITLES[s]}
              <span className={styles.stepState}>{state === 'done' ? ' — done' : state === 'current' ? ' — next' : ''}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** Why setup cannot proceed now (the eligibility engine's reason), with the way back. */
export function SetupStopped({ stop, locale }: { stop: SetupStop; locale: string }) {
  return (
    <div className="panel" data-testid="setup-stopped" data-state={stop.state}>
      <p className="state-sentence">
        <StopSentence stop={stop} locale={locale} />
      </p>
      <p>
        <Link href="/account/security">Back to Password and Security</Link>
      </p>
    </div>
  );
}

function StopSentence({ stop, locale }: { stop: SetupStop; locale: string }) {
  const at = (d: Date, show: 'date' | 'dateTime' = 'dateTime') => <LocalTime iso={d.toISOString()} show={show} locale={locale} />;
  switch (stop.state) {
    case 'on':
      return <>Two-step verification is already on, since {at(stop.since, 'date')}.</>;
    case 'not-started':
      return <>No setup is in progress. Choose Get Started on the Password and Security page first.</>;
    case 'country-unavailable': {
      const country = regionName(stop.countryCode) ?? stop.countryCode;
      return stop.availableFrom ? (
        <>
          Setup cannot continue: two-step verification is not yet offered in {country}. It becomes available there on {at(stop.availableFrom, 'date')}.
        </>
      ) : (
        <>Setup cannot continue: two-step verification is not offered in {country}, the country or region of your account.</>
      );
    }
    case 'waiting':
      return (
        <>
          Setup stopped: {CHANGE_NAMES[stop.reason]} on {at(stop.reasonAt)}, so setup is paused until {at(stop.endsAt)}. After that, choose Get Started
          again.
        </>
      );
    case 'window-expired':
      return (
        <>
          Setup stopped: the 30 days to complete it ended on {at(stop.windowEndedAt)}, so a new waiting period started. You can set up two-step
          verification after {at(stop.endsAt)}.
        </>
      );
  }
}
