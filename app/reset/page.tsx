import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { runtime } from '@/src/runtime.ts';
import { openPasswordReset } from '@/src/password-reset/by-link.ts';
import { resetToken } from '../lib/reset-cookie.ts';
import { ResetForm } from './reset-form.tsx';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reset.link'))('title') };
}

// Reset a forgotten password (two-step off): the link from the email (its token now in the reset
// cookie, see open/route.ts) AND the answers to two security questions. No birth date.
export default async function ResetPasswordPage() {
  const opened = await openPasswordReset(runtime(), await resetToken());
  const t = await getTranslations('reset.link');
  return (
    <main className="narrow">
      <h1>{t('heading')}</h1>
      {opened.ok ? (
        <>
          <p className="lead">{t('lead')}</p>
          <div className="panel">
            <ResetForm questions={opened.questions.map((q) => q.text)} />
          </div>
        </>
      ) : (
        <>
          <p className="form-error" role="alert">
            {opened.error}
          </p>
          <p>
            <Link className="button" href="/forgot">
              {t('newLink')}
            </Link>
          </p>
        </>
      )}
    </main>
  );
}
