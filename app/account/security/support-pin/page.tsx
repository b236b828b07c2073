import Link from 'next/link';
import { runtime } from '@/src/runtime.ts';
import { listDevices } from '@/src/devices/trusted-devices.ts';
import { SUPPORT_PIN_DIGITS, SUPPORT_PIN_TTL_MS } from '@/src/support/pin.ts';
import { requireSecurityPass } from '../../../lib/security-pass.ts';
import { ProofStep } from '../../../components/proof-step.tsx';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { durationIn } from '@/src/i18n/durations.ts';
import { formattingLocale } from '@/src/i18n/translate.ts';
import { requestLocale } from '../../../i18n/locale.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('security.pin'))('title') };
}

// Apple Support PIN (docs/rules.md#support-console): with two-step on, support sees only that the
// account exists until the holder reads them this PIN. Making one needs a code from a trusted device.
export default async function SupportPinPage() {
  const { account } = await requireSecurityPass();
  const rt = runtime();
  const t = await getTranslations('security.pin');
  const ttl = durationIn(formattingLocale(await requestLocale()), SUPPORT_PIN_TTL_MS);
  const devices = account.twoStepEnabledAt ? (await listDevices(rt.db, account.id)).trusted : [];
  return (
    <main className="narrow">
      <h1>{t('title')}</h1>
      {account.twoStepEnabledAt ? (
        <>
          <p className="lead">{t('lead')}</p>
          <ProofStep
            purpose="support-pin"
            devices={devices}
            digits={rt.codeDigits}
            verifyLabel={t('make')}
            intro={<p>{t('intro', { digits: SUPPORT_PIN_DIGITS })}</p>}
            noDevice={t('noDevice')}
          />
          <p className="small muted">{t('lasts', { ttl })}</p>
        </>
      ) : (
        <div className="panel">
          <p data-testid="support-pin-not-needed">{t('notNeeded')}</p>
        </div>
      )}
      <p className="small">
        <Link href="/account/security">{t('back')}</Link>
      </p>
    </main>
  );
}
