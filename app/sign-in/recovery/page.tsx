import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { pendingSignIn } from '@/src/sign-in/code.ts';
import { sessionToken } from '../../lib/session.ts';
import { RecoveryKeyForm } from './recovery-form.tsx';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signIn.recovery'))('title') };
}

// Apple's FAQ (docs/rules.md#lost-devices): "If you can't access any of your trusted devices, you
// can still access your account using your password and Recovery Key. You should then verify a new
// trusted device."
export default async function RecoverySignInPage() {
  const token = await sessionToken();
  if (!token || !(await pendingSignIn(runtime(), token))) redirect('/sign-in');
  const t = await getTranslations('signIn.recovery');
  return (
    <main className="narrow">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <div className="panel">
        <RecoveryKeyForm />
      </div>
      <p className="small">
        <Link href="/sign-in/verify">{t('useDevice')}</Link>
      </p>
    </main>
  );
}
