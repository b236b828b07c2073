import Link from 'next/link';
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { viewAccount, type DetailsView } from '@/src/support/console.ts';
import { SUPPORT_PIN_DIGITS } from '@/src/support/pin.ts';
import { activityLabel } from '@/src/security-events/activity.ts';
import type { Eligibility } from '@/src/eligibility/eligibility.ts';
import { requireStaff } from '../../lib/staff-session.ts';
import { requestContext } from '../../lib/request.ts';
import { ActivityTable } from '../../components/activity-table.tsx';
import { LocalTime } from '../../components/local-time.tsx';
import { PinForm } from './pin-form.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Account Details · Support' };

// The account the staff session found (src/support/console.ts). View only: there is no button here
// that changes anything, and no action behind the page that could (seed 001: support can't update
// or recover the password, the trusted devices or the Recovery Key).
export default async function SupportAccountPage() {
  const session = await requireStaff();
  const view = await viewAccount(runtime(), session, await requestContext());
  if (!view) redirect('/support');
  if (view.kind === 'locked') {
    return (
      <main className="narrow">
        <h1 className="account-id">{view.appleId}</h1>
        <p className="lead">This account exists.</p>
        <div className="panel" data-testid="locked-account">
          <p className="state-sentence">
            Two-step verification: <span className="badge on">On</span>
          </p>
          <p>
            To see this account&apos;s security settings, ask the holder for their <strong>support PIN</strong>. They make it on their account page,
            in Password and Security, with a code from one of their trusted devices. It works for 30 minutes, for you only.
          </p>
          <PinForm digits={SUPPORT_PIN_DIGITS} />
        </div>
        <p className="small">
          <Link href="/support">Find another account</Link>
        </p>
      </main>
    );
  }
  return <Details view={view} />;
}

const T = ({ d, show = 'dateTime' }: { d: Date | null; show?: 'date' | 'dateTime' }) =>
  d ? <LocalTime iso={d.toISOString()} show={show} /> : <span className="muted">—</span>;

function Details({ view }: { view: DetailsView }) {
  return (
    <main className="section-list">
      <h1 className="account-id">{view.appleId}</h1>
      <p className="lead">
        {view.name} · {view.country} · account created <T d={view.createdAt} show="date" />
      </p>
      <p className="notice small">View only. Support can&apos;t change the password, trusted devices or Recovery Key of an account.</p>

      <section className="panel" aria-labelledby="s-two-step">
        <h2 id="s-two-step">Two-Step Verification</h2>
        <p className="state-sentence" data-testid="support-two-step">
          {view.twoStepSince ? (
            <>
              <span className="badge on">On</span> since <T d={view.twoStepSince} />
            </>
          ) : (
            <span className="badge off">Off</span>
          )}
        </p>
        <EligibilitySentence e={view.eligibility} />
        {view.waitingPeriod ? (
          <dl className="facts small" data-testid="support-waiting-period">
            <dt>Latest waiting period</dt>
            <dd>{reasonText(view.waitingPeriod.reason)}</dd>
            <dt>Change made</dt>
            <dd>
              <T d={view.waitingPeriod.reasonAt} />
            </dd>
            <dt>Waiting period</dt>
            <dd>
              <T d={view.waitingPeriod.startedAt} /> to <T d={view.waitingPeriod.endsAt} />
            </dd>
            <dt>Setup window ends</dt>
            <dd>
              <T d={view.waitingPeriod.windowEndsAt} />
            </dd>
          </dl>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="s-devices">
        <h2 id="s-devices">Trusted Devices</h2>
        {view.devices.length === 0 ? (
          <p className="muted">No trusted devices.</p>
        ) : (
          <table className="inbox" data-testid="support-devices">
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">Kind</th>
                <th scope="col">Added</th>
                <th scope="col">Verified</th>
              </tr>
            </thead>
            <tbody>
              {view.devices.map((d, i) => (
                <tr key={i}>
                  <td>{d.label}</td>
                  <td>{d.kind === 'sms' ? 'Phone number (text messages)' : 'iOS device (notifications)'}</td>
                  <td>
                    <T d={d.addedAt} show="date" />
                  </td>
                  <td>{d.verifiedAt ? <T d={d.verifiedAt} show="date" /> : <span className="muted">Pending</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="panel" aria-labelledby="s-key">
        <h2 id="s-key">Recovery Key</h2>
        <p data-testid="support-recovery-key">
          {view.recoveryKeyCreatedAt ? (
            <>
              Last created <T d={view.recoveryKeyCreatedAt} />.
            </>
          ) : (
            'No Recovery Key.'
          )}
        </p>
      </section>

      <section className="panel" aria-labelledby="s-app-passwords">
        <h2 id="s-app-passwords">App-Specific Passwords</h2>
        {view.appPasswords.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <table className="inbox" data-testid="support-app-passwords">
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Revoked</th>
              </tr>
            </thead>
            <tbody>
              {view.appPasswords.map((p, i) => (
                <tr key={i}>
                  <td>{p.label}</td>
                  <td>
                    <T d={p.createdAt} />
                  </td>
                  <td>
                    <T d={p.lastUsedAt} />
                  </td>
                  <td>
                    <T d={p.revokedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="panel" aria-labelledby="s-events">
        <h2 id="s-events">Recent Security Events</h2>
        <ActivityTable items={view.events} testId="support-events" />
      </section>
      <p className="small">
        <Link href="/support">Find another account</Link>
      </p>
    </main>
  );
}

/** What caused a waiting period, as the holder's activity list names the change. */
function reasonText(reason: string): string {
  return reason === 'setup-window-expired' ? 'The 30 days to complete setup ran out' : activityLabel(reason);
}

/** The eligibility state in one sentence for staff: why two-step can or cannot be set up, and until when. */
function EligibilitySentence({ e }: { e: Eligibility }) {
  const text = (() => {
    switch (e.state) {
      case 'on':
        return null;
      case 'available':
        return (
          <>
            Setup is available{e.completeBy ? <> and must be completed by <T d={e.completeBy} /></> : null}.
          </>
        );
      case 'country-unavailable':
        return (
          <>
            Not offered in the account&apos;s country or region ({e.countryCode}) {e.availableFrom ? <>until <T d={e.availableFrom} show="date" /></> : 'yet'}.
          </>
        );
      case 'waiting':
        return (
          <>
            Waiting period: setup paused until <T d={e.endsAt} />. Cause: {reasonText(e.reason).toLowerCase()} on <T d={e.reasonAt} />.
          </>
        );
      case 'window-expired':
        return (
          <>
            The 30 days to complete setup ended on <T d={e.windowEndedAt} />; a new waiting period runs until <T d={e.endsAt} />.
          </>
        );
    }
  })();
  return text ? (
    <p data-testid="support-eligibility" data-state={e.state}>
      {text}
    </p>
  ) : null;
}
