import { redirect } from 'next/navigation';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { runtime } from '@/src/runtime.ts';
import { staffFactorKinds } from '@/src/support/staff-factors.ts';
import { requireSecondFactorStep, SECOND_FACTOR_SETUP_PAGE } from '../../../lib/staff-session.ts';
import { STAFF_FACTOR_PAGES } from '../../../_kinds/staff-registry.tsx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('support.verify'))('title') };
}

// After the password: the staff member's second factor (src/support/staff-factors.ts), the one
// they set up at their first sign-in, each kind they have in its panel (app/_kinds/staff-registry.tsx).
// Without one, they set one up first.
export default async function StaffSecondFactorPage() {
  const session = await requireSecondFactorStep();
  const kinds = await staffFactorKinds(runtime().db, session.staff.id);
  if (kinds.length === 0) redirect(SECOND_FACTOR_SETUP_PAGE);
  const theirs = STAFF_FACTOR_PAGES.filter((p) => kinds.includes(p.id));
  const t = await getTranslations('support.verify');
  return (
    <main className="narrow">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      {theirs.map(({ id, Verify }) => (
        <div key={id} className="panel">
          <Verify only={theirs.length === 1} />
        </div>
      ))}
      <p className="small muted">{t('lost')}</p>
    </main>
  );
}
