import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentAccount } from './lib/session.ts';
import { runtime } from '@/src/runtime.ts';
import type { Metadata } from 'next';

// The home page: the layout's default title (a layout's title template is not for its own page).
export async function generateMetadata(): Promise<Metadata> {
  return { title: { absolute: (await getTranslations('layout'))('titleDefault') } };
}

export default async function Home() {
  if (await currentAccount()) redirect('/account');
  const t = await getTranslations('pages.home');
  return (
    <main>
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead', { digits: runtime().codeDigits })}</p>
      <div className="actions">
        <Link className="button" href="/sign-in">
          {t('signIn')}
        </Link>
        <Link className="button secondary" href="/create">
          {t('createAccount')}
        </Link>
      </div>
    </main>
  );
}
