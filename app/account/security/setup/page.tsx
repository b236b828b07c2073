import Link from 'next/link';
import { runtime } from '@/src/runtime.ts';
import { listDevices } from '@/src/devices/trusted-devices.ts';
import { needsTrustedPhone } from '@/src/devices/trusted-phones.ts';
import { kindOf } from '@/src/kinds/registry.ts';
import { kindKey } from '../../../_kinds/kind-key.ts';
import { explainEligibility } from '@/src/eligibility/explain.ts';
import { SETUP_STEPS } from '@/src/two-step/turn-on.ts';
import { Explained } from '../../../components/explained.tsx';
import { DeviceName } from '../../../components/device-name.tsx';
import { getTranslations } from 'next-intl/server';
import { loadSetup, STEP_KEYS, STEP_PATHS, StepList, SetupStopped, stepIndex } from './setup-ui.tsx';
import styles from './setup.module.css';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('setup'))('titles.overview') };
}

// Two-step setup (docs/rules.md#turning-it-on): Get Started → trusted devices → Recovery Key →
// confirm it → conditions → on. This page shows the four steps, where the holder is, and step 1:
// the verified devices, with the way to the Trusted Devices page. If setup cannot proceed (a
// waiting period, the 30 days ran out, ...) it says why instead.
export default async function SetupPage() {
  const { account, progress, locale } = await loadSetup();
  const t = await getTranslations('setup');
  if (progress.step === 'stopped') {
    return (
      <main className="narrow">
        <h1>{t('overview.heading')}</h1>
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
  const tk = await getTranslations('clientDevices');
  return (
    <main className="narrow">
      <p className="small">
        <Link href="/account/security">{t('backToSecurityArrow')}</Link>
      </p>
      <h1>{t('overview.heading')}</h1>
      <p className="lead">
        {t('overview.stepOf', { number: stepIndex(next) + 1, count: SETUP_STEPS.length, step: t(`steps.${STEP_KEYS[next]}.inSentence`) })}
      </p>
      <StepList progress={progress} showing={next === 'devices' ? 'devices' : undefined} />
      <div className="panel">
        <p>
          <Explained said={explainEligibility({ state: 'available', completeBy: progress.completeBy }, 'setup').sentence} locale={locale} />
        </p>
        <h2>{t('overview.devicesHeading')}</h2>
        <p className="muted">{t('overview.devicesHint', { digits: codeDigits })}</p>
        {trusted.length === 0 ? (
          <p className="muted">{t('overview.noDevices')}</p>
        ) : (
          <>
            <ul className={styles.devices} aria-label={t('overview.devicesLabel')} data-testid="setup-devices">
              {[...phones, ...others].map((d) => (
                <li key={d.id}>
                  ✓ <DeviceName label={d.label} />{' '}
                  <span className="muted small">{t('overview.verified', { channel: tk(`kinds.${kindKey(d.kind)}.channel`) })}</span>
                </li>
              ))}
            </ul>
            {needsPhone ? <p className="small muted">{t('overview.needsPhone')}</p> : null}
          </>
        )}
        <div className="actions">
          {next === 'devices' ? (
            <Link className="button" href="/account/security/devices">
              {t('overview.addDevices')}
            </Link>
          ) : (
            <>
              <Link className="button" href={STEP_PATHS[next]}>
                {t('overview.continue', { step: t(`steps.${STEP_KEYS[next]}.title`) })}
              </Link>
              <Link className="button secondary" href="/account/security/devices">
                {t('overview.addDevices')}
              </Link>
            </>
          )}
        </div>
      </div>
    </main>
  );
}
