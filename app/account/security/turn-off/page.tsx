import Link from 'next/link';
import { WAITING_PERIOD_MS } from '@/src/eligibility/eligibility.ts';
import { requireTwoStepChange } from '../../../lib/fresh-code.ts';
import { TurnOffForm } from './turn-off-form.tsx';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { wholeDays } from '@/src/eligibility/explain.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('security.turnOff'))('title') };
}

// Turn Off (docs/rules.md#turning-it-off): signed in with password + code → new security questions
// and the birth date → off. What goes with it is said before, not after.
export default async function TurnOffPage() {
  await requireTwoStepChange('/account/security/turn-off');
  const t = await getTranslations('security.turnOff');
  return (
    <main className="narrow">
      <p className="small">
        <Link href="/account/security/two-step">{t('back')}</Link>
      </p>
      <h1>{t('title')}</h1>
      <div className="panel">
        <p className="lead">{t('whenOff')}</p>
        <ul>
          <li>{t('passwordOnly')}</li>
          <li>{t('deleted')}</li>
          <li>{t('signedOut')}</li>
          <li>{t('newWait', { waitDays: wholeDays(WAITING_PERIOD_MS) })}</li>
        </ul>
        <TurnOffForm />
      </div>
    </main>
  );
}
