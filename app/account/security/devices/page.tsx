import Link from 'next/link';
import { runtime } from '@/src/runtime.ts';
import { accountLocale } from '@/src/format.ts';
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
import { STEP_IN_SENTENCE, STEP_PATHS } from '../setup/setup-ui.tsx';
import { SetupContinue } from '../setup/setup-continue.tsx';
import styles from './devices.module.css';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Trusted Devices' };

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
  const locale = accountLocale(account.countryCode);

  // Once a code was sent to a device being added, its code is the page's only question.
  const verifying = typeof params.verify === 'string' ? pending.find((d) => d.id === params.verify) : undefined;
  if (verifying && verifying.shows.proof === 'sent-code') {
    return <CodeView device={verifying} digits={rt.codeDigits} sent={params.sent === '1'} />;
  }

  // After a code was entered or a device removed the page is reloaded with what happened.
  const added = typeof params.added === 'string' ? trusted.find((d) => d.id === params.added) : undefined;
  const notice = added ? (
    <>
      <DeviceName label={added.label} /> is now a trusted device.
    </>
  ) : params.removed ? (
    'The device was removed. It can no longer be used to verify your identity.'
  ) : null;
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
        <Link href="/account/security">← Password and Security</Link>
      </p>
      <h1>Trusted Devices</h1>
      <p className="lead">
        When you sign in, you confirm it&apos;s you with a device you trust: {waysToConfirm(uis, rt.codeDigits)}. You need at least one
        phone number that can receive text messages.
      </p>
      {stage.finishesWithNewDevice ? (
        <p className="notice" role="status" data-testid="recovery-notice">
          You signed in with your Recovery Key. Verify a new trusted device to finish signing in: until then, nothing else on your account
          can be used.
        </p>
      ) : null}
      {notice ? (
        <p className="notice success" role="status">
          {notice}
        </p>
      ) : null}
      {setupNext ? (
        <SetupContinue
          sentence={[
            added && kindOf(added.kind).trustedPhone ? 'Your trusted phone number is set up.' : '',
            `Next in setting up two-step verification: ${STEP_IN_SENTENCE[setupNext]}.`,
            'You can add more trusted devices later.',
          ]
            .filter(Boolean)
            .join(' ')}
          href={STEP_PATHS[setupNext]}
          justVerified={Boolean(added)}
        />
      ) : null}

      <section className="panel" aria-labelledby="trusted-heading">
        <h2 id="trusted-heading">Your Trusted Devices</h2>
        {trusted.length === 0 ? (
          <p className="muted">No trusted devices yet. Add a phone number below and enter the code we text to it.</p>
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
            {needsPhone ? <p className="small muted">Add a phone number too: two-step verification needs at least one.</p> : null}
          </>
        )}
      </section>

      <PendingSection pending={pending} digits={rt.codeDigits} />

      {uis.flatMap(({ id, adding: a }) => ('panel' in a ? [<a.panel key={id} {...adding} />] : []))}

      <AddOtherKinds kinds={uis.flatMap(({ adding: a }) => ('beside' in a ? [a.beside] : []))} {...adding} />
    </main>
  );
}
