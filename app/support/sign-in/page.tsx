import { redirect } from 'next/navigation';
import { currentStaff } from '../../lib/staff-session.ts';
import { StaffSignInForm } from './staff-sign-in-form.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Support Sign In' };

// Staff sign in here, with their staff email and password: never with an Apple ID.
export default async function StaffSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (await currentStaff()) redirect('/support');
  const params = await searchParams;
  return (
    <main className="narrow">
      <h1>Support Sign In</h1>
      <p className="lead">For Apple Support staff. Customers sign in on the account page.</p>
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
