import { redirect } from 'next/navigation';
import type { Metadata } from 'next';
import { runtime } from '@/src/runtime.ts';
import { staffFactorKinds } from '@/src/support/staff-factors.ts';
import { requireSecondFactorStep, SECOND_FACTOR_SETUP_PAGE } from '../../../lib/staff-session.ts';
import { STAFF_FACTOR_PAGES } from '../../../_kinds/staff-registry.tsx';

export const metadata: Metadata = { title: 'Support Sign In: Second Factor' };

// After the password: the staff member's second factor (src/support/staff-factors.ts), the one
// they set up at their first sign-in, each kind they have in its panel (app/_kinds/staff-registry.tsx).
// Without one, they set one up first.
export default async function StaffSecondFactorPage() {
  const session = await requireSecondFactorStep();
  const kinds = await staffFactorKinds(runtime().db, session.staff.id);
  if (kinds.length === 0) redirect(SECOND_FACTOR_SETUP_PAGE);
  const theirs = STAFF_FACTOR_PAGES.filter((p) => kinds.includes(p.id));
  return (
    <main className="narrow">
      <h1>Verify It&apos;s You</h1>
      <p className="lead">Your password is right. The support console also needs your second factor.</p>
      {theirs.map(({ id, Verify }) => (
        <div key={id} className="panel">
          <Verify only={theirs.length === 1} />
        </div>
      ))}
      <p className="small muted">Lost it? Ask the operator to reset your second factor; you then set up a new one when you sign in.</p>
    </main>
  );
}
