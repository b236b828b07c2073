import { getTranslations } from 'next-intl/server';
import { requireStaff } from '../lib/staff-session.ts';
import { SearchForm } from './search-form.tsx';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('support.home'))('title') };
}

// Find an account by Apple ID. The search is recorded in the account's security activity.
export default async function SupportHomePage() {
  await requireStaff();
  const t = await getTranslations('support.home');
  return (
    <main className="narrow">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <div className="panel">
        <SearchForm text={{ form: t('form'), appleId: t('appleId'), find: t('find'), finding: t('finding') }} />
      </div>
      <p className="small muted">{t('recorded')}</p>
    </main>
  );
}
