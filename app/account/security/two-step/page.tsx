import Link from 'next/link';
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { listDevices } from '@/src/devices/trusted-devices.ts';
import { listAppPasswords } from '@/src/app-passwords/app-passwords.ts';
import { kindUis } from '../../../_kinds/registry.tsx';
import { codeOrSignature } from '../../../_kinds/wording.ts';
import { kindWords } from '../../../_kinds/kind-words.ts';
import { requireSecurityPass } from '../../../lib/security-pass.ts';
import { LocalTime } from '../../../components/local-time.tsx';
import { DeviceName } from '../../../components/device-name.tsx';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { dateLocale } from '../../../i18n/date-locale.ts';
import { requestLocale } from '../../../i18n/locale.ts';
import { sentenceGap } from '@/src/eligibility/explain.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('security.manage'))('title') };
}

// Manage two-step verification once it is on (docs/rules.md#turning-it-on): trusted devices, the
// Recovery Key, app-specific passwords, turning it off. Each change asks for a fresh code on its
// own page.
export default async function ManageTwoStepPage() {
  const { account } = await requireSecurityPass();
  const enabledAt = account.twoStepEnabledAt;
  if (!enabledAt) redirect('/account/security');
  const rt = runtime();
  const locale = await dateLocale(account.countryCode);
  const t = await getTranslations('security.manage');
  const gap = sentenceGap(await requestLocale());
  const keyCreatedAt = account.recoveryKeyCreatedAt;
  const [{ trusted }, appPasswords] = await Promise.all([listDevices(rt.db, account.id), listAppPasswords(rt.db, account.id)]);
  return (
    <main className="section-list">
      <p className="small">
        <Link href="/account/security">{t('back')}</Link>
      </p>
      <h1>{t('title')}</h1>
      <p className="lead" data-testid="two-step-since">
        {t.rich('since', {
          since: () => <LocalTime iso={enabledAt.toISOString()} show="date" locale={locale} />,
          ways: codeOrSignature(kindUis(), await kindWords()),
        })}
      </p>

      <section className="panel" aria-labelledby="devices-heading">
        <h2 id="devices-heading">{t('devicesHeading')}</h2>
        <ul className="plain-list" data-testid="manage-devices">
          {trusted.map((d) => (
            <li key={d.id}>
              <DeviceName label={d.label} /> <span className="muted small">{d.shows.channel}</span>
            </li>
          ))}
        </ul>
        <Link className="button secondary" href="/account/security/devices">
          {t('devicesLink')}
        </Link>
      </section>

      <section className="panel" aria-labelledby="key-heading">
        <h2 id="key-heading">{t('keyHeading')}</h2>
        <p className="muted">
          {keyCreatedAt ? (
            <>
              {t.rich('keyCreated', { created: () => <LocalTime iso={keyCreatedAt.toISOString()} show="date" locale={locale} /> })}
              {gap}
            </>
          ) : null}
          {t('keyNeeded')}
        </p>
        <Link className="button secondary" href="/account/security/recovery-key">
          {t('keyReplace')}
        </Link>
      </section>

      <section className="panel" aria-labelledby="apps-heading">
        <h2 id="apps-heading">{t('appsHeading')}</h2>
        <p className="muted">
          {t('appsCount', { count: appPasswords.length })}
          {gap}
          {t('appsWhy')}
        </p>
        <Link className="button secondary" href="/account/security/app-passwords">
          {t('appsLink')}
        </Link>
      </section>

      <section className="panel" aria-labelledby="off-heading">
        <h2 id="off-heading">{t('offHeading')}</h2>
        <p className="muted">{t('offWhy')}</p>
        <Link className="button danger" href="/account/security/turn-off">
          {t('offLink')}
        </Link>
      </section>
    </main>
  );
}
