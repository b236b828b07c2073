import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pages.notFound'))('title') };
}

// Any address the portal does not have, and every notFound(): a plain page in the portal's look,
// inside the root layout (top bar and all), with a way back.
export default async function NotFound() {
  const t = await getTranslations('pages.notFound');
  return (
    <main className="narrow">
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <div className="actions">
        <Link className="button" href="/account">
          {t('manageAccount')}
        </Link>
        <Link className="button secondary" href="/">
          {t('home')}
        </Link>
      </div>
    </main>
  );
}
