import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RecoveryKeyForm } from './key-forms.tsx';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reset.recoveryKey'))('title') };
}

// Forgot password with two-step on (docs/rules.md#forgot-password): the Recovery Key and one
// trusted device. Support cannot do it, and there is no other way.
export default async function RecoveryKeyResetPage() {
  const t = await getTranslations('reset.recoveryKey');
  return (
    <main className="narrow">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <div className="panel">
        <RecoveryKeyForm />
      </div>
      <p className="small muted">{t.rich('noWay', { link: (text) => <Link href="/forgot">{text}</Link> })}</p>
    </main>
  );
}
