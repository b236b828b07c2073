import { redirect } from 'next/navigation';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { runtime } from '@/src/runtime.ts';
import { staffFactorKinds } from '@/src/support/staff-factors.ts';
import { requireSecondFactorStep, SECOND_FACTOR_PAGE } from '../../../lib/staff-session.ts';
import { STAFF_FACTOR_PAGES } from '../../../_kinds/staff-registry.tsx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('support.setUp'))('title') };
}

// The first sign-in (or the first after the operator reset the factor): the password was right,
// and the staff member sets up the second factor they will use at every sign-in, then proves it
// once (src/support/staff-factors.ts). Each kind of factor offers itself in its own section
// (app/_kinds/staff-registry.tsx).
export default async function StaffSetUpPage() {
  const session = await requireSecondFactorStep();
  if ((await staffFactorKinds(runtime().db, session.staff.id)).length > 0) redirect(SECOND_FACTOR_PAGE);
  const t = await getTranslations('support.setUp');
  return (
    <main className="narrow">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      {STAFF_FACTOR_PAGES.map(({ id, heading, SetUp }) => (
        <section key={id} className="panel" aria-labelledby={`${id}-heading`}>
          <h2 id={`${id}-heading`}>{heading}</h2>
          <SetUp session={session} />
        </section>
      ))}
    </main>
  );
}
