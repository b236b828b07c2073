import Link from 'next/link';
import { runtime } from '@/src/runtime.ts';
import { listDevices } from '@/src/devices/trusted-devices.ts';
import { needsTrustedPhone } from '@/src/devices/trusted-phones.ts';
import { kindOf } from '@/src/kinds/registry.ts';
import { explainEligibility } from '@/src/eligibility/explain.ts';
import { aDigits } from '@/src/format.ts';
import { SETUP_STEPS } from '@/src/two-step/turn-on.ts';
import { Explained } from '../../../components/explained.tsx';
import { DeviceName } from '../../../components/device-name.tsx';
import { loadSetup, STEP_IN_SENTENCE, STEP_PATHS, STEP_TITLES, StepList, SetupStopped, stepIndex } from './setup-ui.tsx';
import styles from './setup.module.css';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Set Up Two-Step Verification' };

// Two-step setup (docs/rules.md#turning-it-on): Get Started → trusted devices → Recovery Key →
// confirm it → conditions → on. This page shows the four steps, where the holder is, and step 1:
// the verified devices, with the way to the Trusted Devices page. If setup cannot proceed (a
// waiting period, the 30 days ran out, ...) it says why instead.
export default async function SetupPage() {
  const { account, progress, locale } = await loadSetup();
  if (progress.step === 'stopped') {
    return (
      <main className="narrow">
        <h1>Set Up Two-Step Verification</h1>
        <SetupStopped stop={progress.stop} locale={locale} />
      </main>
    );
  }
  const { db, codeDigits } = runtime();
  const { trusted } = await listDevices(db, account.id);
  const needsPhone = await needsTrustedPhone(db, account.id);
  // The trusted phone numbers first (the ones two-step needs), then the others.
  const phones = trusted.filter((d) => kindOf(d.kind).trustedPhone);
  const others = trusted.filter((d) => !kindOf(d.kind).trustedPhone);
  const next = progress.step;
  return (
    <main className="narrow">
      <p className="small">
        <Link href="/account/security">← Password and Security</Link>
      </p>
      <h1>Set Up Two-Step Verification</h1>
      <p className="lead">
        Step {stepIndex(next) + 1} of {SETUP_STEPS.length}: {STEP_IN_SENTENCE[next]}
      </p>
      <StepList progress={progress} showing={next === 'devices' ? 'devices' : undefined} />
      <div className="panel">
        <p>
          <Explained said={explainEligibility({ state: 'available', completeBy: progress.completeBy }, 'setup').sentence} locale={locale} />
        </p>
        <h2>1. Trusted devices</h2>
        <p className="muted">
          A trusted device receives {aDigits(codeDigits)} verification code whenever you sign in. You need at least one phone number that
          can receive text messages, verified with the code we text to it.
        </p>
        {trusted.length === 0 ? (
          <p className="muted">No trusted devices yet.</p>
        ) : (
          <>
            <ul className={styles.devices} aria-label="Your trusted devices" data-testid="setup-devices">
              {[...phones, ...others].map((d) => (
                <li key={d.id}>
                  ✓ <DeviceName label={d.label} /> <span className="muted small">({d.shows.channel}, verified)</span>
                </li>
              ))}
            </ul>
            {needsPhone ? <p className="small muted">Add a phone number too: two-step verification needs at least one.</p> : null}
          </>
        )}
        <div className="actions">
          {next === 'devices' ? (
            <Link className="button" href="/account/security/devices">
              Add trusted devices
            </Link>
          ) : (
            <>
              <Link className="button" href={STEP_PATHS[next]}>
                Continue: {STEP_TITLES[next]}
              </Link>
              <Link className="button secondary" href="/account/security/devices">
                Add trusted devices
              </Link>
            </>
          )}
        </div>
      </div>
    </main>
  );
}
