import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { DetailsView } from '@/src/support/console.ts';
import { regionName } from '@/src/eligibility/regions.ts';
import { ActivityTable } from '../../components/activity-table.tsx';
import { AppPasswordsTable, AppsTable, TrustedDevicesTable } from './device-tables.tsx';
import { TwoStepFacts } from './two-step-facts.tsx';
import { When } from './when.tsx';

/** The security settings of an account support may see: two-step off, or unlocked by the holder's PIN. */
export function Details({ view }: { view: DetailsView }) {
  const t = useTranslations('support.details');
  const findAnother = useTranslations('support.account')('findAnother');
  const country = regionName(view.countryCode, useLocale()) ?? view.country;
  return (
    <main className="section-list">
      <h1 className="account-id">{view.appleId}</h1>
      <p className="lead">{t.rich('lead', { name: view.name, country, date: () => <When d={view.createdAt} show="date" /> })}</p>
      <p className="notice small">{t('viewOnly')}</p>

      <TwoStepFacts view={view} />

      <section className="panel" aria-labelledby="s-devices">
        <h2 id="s-devices">{t('devicesHeading')}</h2>
        <TrustedDevicesTable devices={view.devices} />
      </section>

      <section className="panel" aria-labelledby="s-key">
        <h2 id="s-key">{t('recoveryKeyHeading')}</h2>
        <p data-testid="support-recovery-key">
          {view.recoveryKeyCreatedAt
            ? t.rich('recoveryKeyCreated', { date: () => <When d={view.recoveryKeyCreatedAt} /> })
            : t('noRecoveryKey')}
        </p>
      </section>

      <section className="panel" aria-labelledby="s-app-passwords">
        <h2 id="s-app-passwords">{t('appPasswordsHeading')}</h2>
        <AppPasswordsTable appPasswords={view.appPasswords} />
      </section>

      <section className="panel" aria-labelledby="s-apps">
        <h2 id="s-apps">{t('appsHeading')}</h2>
        <AppsTable apps={view.apps} />
      </section>

      <section className="panel" aria-labelledby="s-browsers">
        <h2 id="s-browsers">{t('browsersHeading')}</h2>
        {/* The known browsers (src/sessions/known-browsers.ts), as a count: support sees no browser's id. */}
        <p data-testid="support-remembered-browsers">{t('rememberedBrowsers', { count: view.rememberedBrowsers })}</p>
      </section>

      <section className="panel" aria-labelledby="s-events">
        <h2 id="s-events">{t('eventsHeading')}</h2>
        <ActivityTable items={view.events} testId="support-events" reader="agent" />
      </section>
      <p className="small">
        <Link href="/support">{findAnother}</Link>
      </p>
    </main>
  );
}
