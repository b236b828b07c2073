import Link from 'next/link';
import { runtime } from '@/src/runtime.ts';
import { getTranslations } from 'next-intl/server';
import { pageDateLocale } from '../../../i18n/page-dates.ts';
import { listDevices } from '@/src/devices/trusted-devices.ts';
import { setupStepOf } from '@/src/two-step/turn-on.ts';
import { kindOf } from '@/src/kinds/registry.ts';
import { DEVICES_PAGE, stagePolicy } from '@/src/sessions/stage-policy.ts';
import { requireSecurityPass } from '../../../lib/security-pass.ts';
import { requireFreshCode } from '../../../lib/fresh-code.ts';
import { TrustedDeviceRow } from './device-rows.tsx';
import { PendingSection } from './pending-section.tsx';
import { CodeView } from './code-view.tsx';
import { DeviceName } from '../../../components/device-name.tsx';
import { AddOtherKinds } from './add-other-kinds.tsx';
import { kindUis } from '../../../_kinds/registry.tsx';
import type { AddProps } from '../../../_kinds/kind-ui.ts';
import { waysToConfirm } from '../../../_kinds/wording.ts';
import { kindWords } from '../../../_kinds/kind-words.ts';
import { STEP_KEYS, STEP_PATHS } from '../setup/setup-ui.tsx';
import { SetupContinue } from '../setup/setup-continue.tsx';
import styles from './devices.module.css';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('devices'))('title') };
}

// Trusted Devices: the devices that receive verification codes (docs/rules.md#trusted-devices), and
// the ones that make their own or sign (docs/rules.md#other-kinds-of-trusted-device). A device is
// trusted only once verified. Behind the Password and Security pass, like every security setting.
// Each kind adds its own part (app/_kinds/registry.tsx): a panel of its own, or a part of the panel
// of the kinds beside the phone numbers.
export default async function TrustedDevicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const current = await requireSecurityPass(DEVICES_PAGE);
  const { account, session } = current;
  const stage = stagePolicy(session.stage);
  // With two-step on, adding or removing devices needs a fresh code (a Recovery Key session may add one without).
  if (stage.devicesNeedFreshCode) requireFreshCode(current, '/account/security/devices');
  const rt = runtime();
  const devices = await listDevices(rt.db, account.id);
  const { trusted, pending } = devices;
  const params = await searchParams;
  const locale = await pageDateLocale(account.countryCode);
  const t = await getTranslations('devices');
  const ts = await getTranslations('setup');
  const words = await kindWords();

  // Once a code was sent to a device being added, its code is the page's only question.
  const verifying = typeof params.verify === 'string' ? pending.find((d) => d.id === params.verify) : undefined;
  if (verifying && verifying.shows.proof === 'sent-code') {
    return <CodeView device={verifying} digits={rt.codeDigits} sent={params.sent === '1'} />;
  }

  // After a code was entered or a device removed the page is reloaded with what happened.
  const added = typeof params.added === 'string' ? trusted.find((d) => d.id === params.added) : undefined;
  const notice = added ? t.rich('added', { device: () => <DeviceName label={added.label} /> }) : params.removed ? t('removed') : null;
  // The trusted phones are the listed trusted devices that take texts (src/devices/trusted-phones.ts counts the same).
  const trustedPhones = trusted.filter((d) => kindOf(d.kind).trustedPhone).length;
  const needsPhone = trustedPhones === 0;
  // During setup, a verified device leads on to the next step (a Recovery Key session is finishing its sign-in instead).
  const setupStep = stage.finishesWithNewDevice ? null : await setupStepOf(account, async () => trustedPhones);
  const setupNext = setupStep && setupStep !== 'devices' ? setupStep : null;
  const uis = kindUis();
  const adding: AddProps = { countryCode: account.countryCode, formKey: `${params.added ?? ''}-${params.removed ?? ''}`, devices };

  return (
    <main className="section-list">
      <p className="small">
        <Link href="/account/security">{t('backToSecurity')}</Link>
      </p>
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead', { ways: waysToConfirm(uis, rt.codeDigits, words) })}</p>
      {stage.finishesWithNewDevice ? (
        <p className="notice" role="status" data-testid="recovery-notice">
          {t('recoveryNotice')}
        </p>
      ) : null}
      {notice ? (
        <p className="notice success" role="status">
          {notice}
        </p>
      ) : null}
      {setupNext ? (
        <SetupContinue
          sentence={t(added && kindOf(added.kind).trustedPhone ? 'setupNextPhoneSetUp' : 'setupNext', {
            step: ts(`steps.${STEP_KEYS[setupNext]}.inSentence`),
          })}
          href={STEP_PATHS[setupNext]}
          justVerified={Boolean(added)}
        />
      ) : null}

      <section className="panel" aria-labelledby="trusted-heading">
        <h2 id="trusted-heading">{t('trustedHeading')}</h2>
        {trusted.length === 0 ? (
          <p className="muted">{t('noDevices')}</p>
        ) : (
          <>
            <ul className={styles.list} aria-labelledby="trusted-heading">
              {trusted.map((d) => (
                <TrustedDeviceRow
                  key={d.id}
                  {...{ id: d.id, kind: d.shows, label: d.label, locale }}
                  createdAt={d.createdAt.toISOString()}
                  verifiedAt={d.verifiedAt!.toISOString()}
                  lastUsedAt={d.lastUsedAt?.toISOString() ?? null}
                />
              ))}
            </ul>
            {needsPhone ? <p className="small muted">{t('needsPhone')}</p> : null}
          </>
        )}
      </section>

      <PendingSection pending={pending} digits={rt.codeDigits} />

      {uis.flatMap(({ id, adding: a }) => ('panel' in a ? [<a.panel key={id} {...adding} />] : []))}

      <AddOtherKinds kinds={uis.flatMap(({ id, adding: a }) => ('beside' in a ? [{ id, ...a.beside }] : []))} words={words} {...adding} />
    </main>
  );
}
