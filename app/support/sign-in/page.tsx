import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentStaff, staffSessionEnded } from '../../lib/staff-session.ts';
import { requestLocale } from '../../i18n/locale.ts';
import { STAFF_IDLE_MS } from '@/src/support/staff.ts';
import { durationIn } from '@/src/i18n/durations.ts';
import { formattingLocale } from '@/src/i18n/translate.ts';
import { StaffSignInForm } from './staff-sign-in-form.tsx';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('support.signIn'))('title') };
}

// Staff sign in here, with their staff email and password: never with an Apple ID.
export default async function StaffSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (await currentStaff()) redirect('/support');
  const params = await searchParams;
  const t = await getTranslations('support.signIn');
  const locale = formattingLocale(await requestLocale());
  // From a console page (?ended=) or this page itself: a session that ended by itself says why.
  const ended = (await staffSessionEnded()) ?? params.ended;
  return (
    <main className="narrow">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      {ended === 'idle' ? (
        <p className="notice" role="status" data-testid="staff-idle-notice">
          {t('idle', { duration: durationIn(locale, STAFF_IDLE_MS) })}
        </p>
      ) : ended === 'time-limit' ? (
        <p className="notice" role="status">
          {t('timeLimit')}
        </p>
      ) : null}
      {params['signed-out'] ? (
        <p className="notice" role="status">
          {t('signedOut')}
        </p>
      ) : null}
      <div className="panel">
        <StaffSignInForm
          text={{ form: t('form'), email: t('email'), password: t('password'), submit: t('submit'), submitting: t('submitting') }}
        />
      </div>
    </main>
  );
}
