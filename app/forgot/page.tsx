import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ForgotForm } from './forgot-form.tsx';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forgot'))('title') };
}

// "Forgot your password?": asks only for the Apple ID and emails a link to the addresses on file.
// Never the birth date: with it, the 2013 hole (docs/rules.md#forgot-password) is back.
export default async function ForgotPasswordPage() {
  const t = await getTranslations('forgot');
  return (
    <main className="narrow">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <div className="panel">
        <ForgotForm />
      </div>
      <p className="small">{t.rich('twoStepOn', { link: (text) => <Link href="/reset/recovery-key">{text}</Link> })}</p>
      <p className="small muted">{t.rich('remembered', { link: (text) => <Link href="/sign-in">{text}</Link> })}</p>
    </main>
  );
}
