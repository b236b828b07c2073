import { redirect } from 'next/navigation';
import type { Metadata } from 'next';
import { runtime } from '@/src/runtime.ts';
import { staffFactorKinds } from '@/src/support/staff-factors.ts';
import { requireSecondFactorStep, SECOND_FACTOR_PAGE } from '../../../lib/staff-session.ts';
import { STAFF_FACTOR_PAGES } from '../../../_kinds/staff-registry.tsx';

export const metadata: Metadata = { title: 'Support Sign In: Set Up a Second Factor' };

// The first sign-in (or the first after the operator reset the factor): the password was right,
// and the staff member sets up the second factor they will use at every sign-in, then proves it
// once (src/support/staff-factors.ts). Each kind of factor offers itself in its own section
// (app/_kinds/staff-registry.tsx).
export default async function StaffSetUpPage() {
  const session = await requireSecondFactorStep();
  if ((await staffFactorKinds(runtime().db, session.staff.id)).length > 0) redirect(SECOND_FACTOR_PAGE);
  return (
    <main className="narrow">
      <h1>Set Up a Second Factor</h1>
      <p className="lead">
        The support console shows the security settings of every account, so signing in to it takes your password and a second factor. Set
        one up now; you will use it every time you sign in.
      </p>
      {STAFF_FACTOR_PAGES.map(({ id, heading, SetUp }) => (
        <section key={id} className="panel" aria-labelledby={`${id}-heading`}>
          <h2 id={`${id}-heading`}>{heading}</h2>
          <SetUp session={session} />
        </section>
      ))}
    </main>
  );
}
