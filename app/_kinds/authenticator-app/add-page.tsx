import Link from 'next/link';
import type { Metadata } from 'next';
import { runtime } from '@/src/runtime.ts';
import { pendingAppSetup } from '@/src/kinds/authenticator-app/add.ts';
import { TOTP_DIGITS, TOTP_STEP_SECONDS } from '@/src/kinds/authenticator-app/totp.ts';
import { DEVICES_PAGE, stagePolicy } from '@/src/sessions/stage-policy.ts';
import { requireSecurityPass } from '../../lib/security-pass.ts';
import { requireFreshCode } from '../../lib/fresh-code.ts';
import { TotpKey } from './totp-key.tsx';
import { AUTHENTICATOR_PAGE } from './paths.ts';
import { AppCodeForm, NameAppForm } from './add-forms.tsx';
import styles from './add-page.module.css';

export const metadata: Metadata = { title: 'Add an Authenticator App' };

// Add an authenticator app (RFC 6238), at /account/security/devices/authenticator (./paths.ts):
// name it, scan the QR code (or type the secret), enter the code it shows. The secret is shown only
// while the app is pending, on this account's page; once the app is verified it is never shown
// again (src/kinds/authenticator-app/add.ts).
export default async function AddAuthenticatorAppPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const current = await requireSecurityPass(DEVICES_PAGE);
  if (stagePolicy(current.session.stage).devicesNeedFreshCode) requireFreshCode(current, AUTHENTICATOR_PAGE);
  const rt = runtime();
  const { id } = await searchParams;
  const setup = typeof id === 'string' ? await pendingAppSetup(rt, current.account.id, id) : null;

  return (
    <main className="section-list">
      <p className="small">
        <Link href="/account/security/devices">← Trusted Devices</Link>
      </p>
      <h1>Add an Authenticator App</h1>
      <p className="lead">
        An authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator or 1Password, makes a new {TOTP_DIGITS}
        -digit code every {TOTP_STEP_SECONDS} seconds. Nothing is sent to it, so it works without signal.
      </p>
      {typeof id === 'string' && !setup ? (
        <p className="notice" role="status">
          This app is already set up or was removed. Its secret is not shown again. Start again below to add another.
        </p>
      ) : null}
      {setup ? (
        <section className="panel" aria-labelledby="scan-heading">
          <h2 id="scan-heading">Set Up {setup.label}</h2>
          <ol className={styles.steps}>
            <li>Open your authenticator app and choose to add an account.</li>
            <li>Scan this QR code, or type the key shown next to it.</li>
            <li>Enter the {TOTP_DIGITS}-digit code the app shows for “Two-Step”.</li>
          </ol>
          <TotpKey uri={setup.uri} secret={setup.secret} note="Keep this key to yourself. It is shown only until the app is verified." />
          <AppCodeForm trustedDeviceId={setup.trustedDeviceId} label={setup.label} digits={TOTP_DIGITS} />
        </section>
      ) : (
        <section className="panel" aria-labelledby="name-heading">
          <h2 id="name-heading">Name the App</h2>
          <NameAppForm />
        </section>
      )}
    </main>
  );
}
