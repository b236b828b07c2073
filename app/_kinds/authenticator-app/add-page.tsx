import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
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
  const t = await getTranslations('kinds.totp.page');

  return (
    <main className="section-list">
      <p className="small">
        <Link href="/account/security/devices">{t('back')}</Link>
      </p>
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead', { digits: TOTP_DIGITS, seconds: TOTP_STEP_SECONDS })}</p>
      {typeof id === 'string' && !setup ? (
        <p className="notice" role="status">
          {t('gone')}
        </p>
      ) : null}
      {setup ? (
        <section className="panel" aria-labelledby="scan-heading">
          <h2 id="scan-heading">{t('setUp', { label: setup.label })}</h2>
          <ol className={styles.steps}>
            <li>{t('open')}</li>
            <li>{t('scan')}</li>
            <li>{t('enter', { digits: TOTP_DIGITS })}</li>
          </ol>
          <TotpKey uri={setup.uri} secret={setup.secret} note={t('keyNote')} />
          <AppCodeForm trustedDeviceId={setup.trustedDeviceId} label={setup.label} digits={TOTP_DIGITS} />
        </section>
      ) : (
        <section className="panel" aria-labelledby="name-heading">
          <h2 id="name-heading">{t('nameHeading')}</h2>
          <NameAppForm />
        </section>
      )}
    </main>
  );
}
