'use client';
// What both error pages say (app/error.tsx, app/global-error.tsx): never the error itself (no
// message, no stack, nothing an attacker could read), only a reference the operator finds in the
// server log. Plain links: the app's router may be what failed.
import { useEffect } from 'react';
import { useTranslations } from 'next-intl';
import { pageTitle } from '../lib/page-title.ts';

export function SomethingWentWrong({ digest, reset }: { digest?: string; reset: () => void }) {
  const t = useTranslations('clientForms.somethingWentWrong');
  const heading = t('heading');
  // A client component cannot export metadata: the title is set here (the layout's template).
  useEffect(() => {
    document.title = pageTitle(heading);
  }, [heading]);
  return (
    <main className="narrow">
      <h1>{heading}</h1>
      <p className="lead">{t('lead')}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => reset()}>
          {t('tryAgain')}
        </button>
        <a className="button secondary" href="/account">
          {t('manageAccount')}
        </a>
      </div>
      {digest ? <p className="small muted">{t('reference', { digest })}</p> : null}
    </main>
  );
}
