import { redirect } from 'next/navigation';
import { currentStaff, staffSessionEnded } from '../../lib/staff-session.ts';
import { STAFF_IDLE_MS } from '@/src/support/staff.ts';
import { durationText } from '@/src/clock.ts';
import { StaffSignInForm } from './staff-sign-in-form.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Support Sign In' };

// Staff sign in here, with their staff email and password: never with an Apple ID.
export default async function StaffSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (await currentStaff()) redirect('/support');
  const params = await searchParams;
  // From a console page (?ended=) or this page itself: a session that ended by itself says why.
  const ended = (await staffSessionEnded()) ?? params.ended;
  return (
    <main className="narrow">
      <h1>Support Sign In</h1>
      <p className="lead">For Apple Support staff. Customers sign in on the account page.</p>
      {ended === 'idle' ? (
        <p className="notice" role="status" data-testid="staff-idle-notice">
          You were signed out after {durationText(STAFF_IDLE_MS)} without activity. Sign in again to go on.
        </p>
      ) : ended === 'time-limit' ? (
        <p className="notice" role="status">
          Your support session reached its time limit. Sign in again to go on.
        </p>
      ) : null}
      {params['signed-out'] ? (
        <p className="notice" role="status">
          You are signed out of the support console.
        </p>
      ) : null}
      <div className="panel">
        <StaffSignInForm />
      </div>
    </main>
  );
}
