import Link from 'next/link';
import type { DetailsView } from '@/src/support/console.ts';
import { ActivityTable } from '../../components/activity-table.tsx';
import { AppPasswordsTable, AppsTable, TrustedDevicesTable } from './device-tables.tsx';
import { TwoStepFacts } from './two-step-facts.tsx';
import { When } from './when.tsx';

/** The known browsers (src/sessions/known-browsers.ts), as a count: support sees no browser's id. */
function rememberedBrowsersText(count: number): string {
  const browsers = count === 0 ? 'No browser is' : count === 1 ? '1 browser is' : `${count} browsers are`;
  return `${browsers} remembered after a completed sign-in. Sign Out Everywhere or a password change forgets them all.`;
}

/** The security settings of an account support may see: two-step off, or unlocked by the holder's PIN. */
export function Details({ view }: { view: DetailsView }) {
  return (
    <main className="section-list">
      <h1 className="account-id">{view.appleId}</h1>
      <p className="lead">
        {view.name} · {view.country} · account created <When d={view.createdAt} show="date" />
      </p>
      <p className="notice small">View only. Support can&apos;t change the password, trusted devices or Recovery Key of an account.</p>

      <TwoStepFacts view={view} />

      <section className="panel" aria-labelledby="s-devices">
        <h2 id="s-devices">Trusted Devices</h2>
        <TrustedDevicesTable devices={view.devices} />
      </section>

      <section className="panel" aria-labelledby="s-key">
        <h2 id="s-key">Recovery Key</h2>
        <p data-testid="support-recovery-key">
          {view.recoveryKeyCreatedAt ? (
            <>
              Last created <When d={view.recoveryKeyCreatedAt} />.
            </>
          ) : (
            'No Recovery Key.'
          )}
        </p>
      </section>

      <section className="panel" aria-labelledby="s-app-passwords">
        <h2 id="s-app-passwords">App-Specific Passwords</h2>
        <AppPasswordsTable appPasswords={view.appPasswords} />
      </section>

      <section className="panel" aria-labelledby="s-apps">
        <h2 id="s-apps">Apps Using This Apple ID</h2>
        <AppsTable apps={view.apps} />
      </section>

      <section className="panel" aria-labelledby="s-browsers">
        <h2 id="s-browsers">Remembered Browsers</h2>
        <p data-testid="support-remembered-browsers">{rememberedBrowsersText(view.rememberedBrowsers)}</p>
      </section>

      <section className="panel" aria-labelledby="s-events">
        <h2 id="s-events">Recent Security Events</h2>
        <ActivityTable items={view.events} testId="support-events" reader="agent" />
      </section>
      <p className="small">
        <Link href="/support">Find another account</Link>
      </p>
    </main>
  );
}
