import Link from 'next/link';
import { PendingButton } from '../components/submit-button.tsx';
import { requireAccount } from '../lib/session.ts';
import { signOutEverywhereAction } from '../actions/account.ts';
import { regionName } from '@/src/eligibility/regions.ts';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Manage Your Account' };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { account } = await requireAccount();
  const params = await searchParams;
  const welcome = params.welcome;
  return (
    <main>
      <h1>Manage your account</h1>
      <p className="lead">{account.name}</p>
      {params.recovered ? (
        <p className="notice success" role="status" data-testid="recovered-notice">
          You are signed in, and your new trusted device is on your account. If your Recovery Key may have been seen by someone else,{' '}
          <Link href="/account/security/recovery-key">replace it</Link>.
        </p>
      ) : null}
      {welcome ? (
        <p className="notice" role="status">
          Your account is ready. We sent a welcome email to {account.appleId}.
        </p>
      ) : null}
      <div className="panel">
        <header>
          <h2>Account</h2>
        </header>
        <dl className="facts">
          <dt>Apple ID</dt>
          <dd>{account.appleId}</dd>
          <dt>Name</dt>
          <dd>{account.name}</dd>
          <dt>Country or region</dt>
          <dd>{regionName(account.countryCode)}</dd>
        </dl>
      </div>
      <div className="panel">
        <header>
          <h2>Password and Security</h2>
          <Link className="button" href="/account/security">
            Password and Security
          </Link>
        </header>
        <p className="muted">Two-step verification, your password, security questions, rescue email and birth date.</p>
      </div>
      <div className="panel">
        <h2>Sessions</h2>
        <p className="muted">Signed in on a browser you no longer use? Sign out everywhere, this browser included.</p>
        <form action={signOutEverywhereAction}>
          <PendingButton className="button secondary" label="Sign Out Everywhere" pendingLabel="Signing out…" />
        </form>
      </div>
    </main>
  );
}
