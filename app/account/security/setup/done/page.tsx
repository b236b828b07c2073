import Link from 'next/link';
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { getTranslations } from 'next-intl/server';
import { pageDateLocale } from '../../../../i18n/page-dates.ts';
import { listDevices } from '@/src/devices/trusted-devices.ts';
import { requireSecurityPass } from '../../../../lib/security-pass.ts';
import { LocalTime } from '../../../../components/local-time.tsx';
import { FocusHeading } from '../../../../components/focus-on-mount.tsx';
import { DeviceName } from '../../../../components/device-name.tsx';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('setup'))('titles.done') };
}

// After the switch: what changes now (Apple's FAQ: signing in with a code, the Recovery Key,
// app-specific passwords). Focus starts on the heading, so the outcome is the first thing read out.
export default async function TwoStepOnPage() {
  const { account } = await requireSecurityPass();
  const since = account.twoStepEnabledAt;
  if (!since) redirect('/account/security');
  const locale = await pageDateLocale(account.countryCode);
  const t = await getTranslations('setup');
  const { trusted } = await listDevices(runtime().db, account.id);
  return (
    <main className="narrow">
      <FocusHeading id="two-step-on-heading">{t('done.heading')}</FocusHeading>
      <p className="lead" data-testid="two-step-on-since">
        {t.rich('done.since', { when: () => <LocalTime iso={since.toISOString()} locale={locale} /> })}
      </p>
      <div className="panel">
        <h2>{t('done.changes')}</h2>
        <h3>{t('done.codeHeading')}</h3>
        <p>{t('done.code', { digits: runtime().codeDigits })}</p>
        <ul className="plain-list" data-testid="done-devices">
          {trusted.map((d) => (
            <li key={d.id}>
              <DeviceName label={d.label} />
            </li>
          ))}
        </ul>
        <p>{t('done.changesAskCode')}</p>
        <h3>{t('done.keepKeyHeading')}</h3>
        <p>{t('done.keepKey')}</p>
        <h3>{t('done.appsHeading')}</h3>
        <p>{t('done.apps')}</p>
        <h3>{t('done.questionsHeading')}</h3>
        <p>{t('done.questions')}</p>
        <div className="actions">
          <Link className="button" href="/account/security/two-step">
            {t('done.manage')}
          </Link>
          <Link className="button secondary" href="/account/security/app-passwords">
            {t('done.appPasswords')}
          </Link>
          <Link className="button secondary" href="/account/security">
            {t('done.security')}
          </Link>
        </div>
        <p className="small">
          <Link href="/help/two-step">{t('done.learnMore')}</Link>
        </p>
      </div>
    </main>
  );
}
