import Link from 'next/link';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PendingButton } from '../components/submit-button.tsx';
import { requireAccount } from '../lib/session.ts';
import { signOutEverywhereAction } from '../actions/account.ts';
import { requestLocale } from '../i18n/locale.ts';
import { LanguageForm } from './language-form.tsx';
import { regionName } from '@/src/eligibility/regions.ts';
import { BROWSER_LANGUAGE } from '@/src/accounts/language.ts';
import { LANGUAGE_NAMES, LOCALES, offeredLocale } from '@/src/i18n/locales.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { account } = await requireAccount();
  const t = await getTranslations('account');
  const params = await searchParams;
  const welcome = params.welcome;
  const chosen = offeredLocale(account.language);
  const shown = await requestLocale();
  const shownName = LANGUAGE_NAMES[offeredLocale(shown) ?? 'en'];
  return (
    <main>
      <h1>{t('heading')}</h1>
      <p className="lead">{account.name}</p>
      {params.recovered ? (
        <p className="notice success" role="status" data-testid="recovered-notice">
          {t.rich('recovered', { link: (text) => <Link href="/account/security/recovery-key">{text}</Link> })}
        </p>
      ) : null}
      {welcome ? (
        <p className="notice" role="status">
          {t('welcome', { appleId: account.appleId })}
        </p>
      ) : null}
      <div className="panel">
        <header>
          <h2>{t('accountHeading')}</h2>
        </header>
        <dl className="facts">
          <dt>{t('appleId')}</dt>
          <dd>{account.appleId}</dd>
          <dt>{t('name')}</dt>
          <dd>{account.name}</dd>
          <dt>{t('country')}</dt>
          <dd>{regionName(account.countryCode, shown)}</dd>
        </dl>
      </div>
      <div className="panel">
        <header>
          <h2>{t('securityHeading')}</h2>
          <Link className="button" href="/account/security">
            {t('securityLink')}
          </Link>
        </header>
        <p className="muted">{t('securitySummary')}</p>
      </div>
      <section className="panel" aria-labelledby="language-heading">
        <h2 id="language-heading">{t('languageHeading')}</h2>
        <p className="muted" data-testid="language">
          {chosen ? t('languageChosen', { language: LANGUAGE_NAMES[chosen] }) : t('languageFollowsBrowser', { language: shownName })}
        </p>
        <details className="change">
          <summary>{t('languageChange')}</summary>
          <LanguageForm
            current={chosen ?? BROWSER_LANGUAGE}
            choices={[{ value: BROWSER_LANGUAGE, name: '' }, ...LOCALES.map((l) => ({ value: l, name: LANGUAGE_NAMES[l], lang: l }))]}
            text={{
              form: t('languageForm'),
              label: t('languageLabel'),
              hint: t('languageHint'),
              browser: t('languageBrowserOption'),
              save: t('languageSave'),
              saving: t('languageSaving'),
            }}
          />
        </details>
      </section>
      <div className="panel">
        <h2>{t('sessionsHeading')}</h2>
        <p className="muted">{t('sessionsSummary')}</p>
        <form action={signOutEverywhereAction}>
          <PendingButton className="button secondary" label={t('signOutEverywhere')} pendingLabel={t('signingOut')} />
        </form>
      </div>
    </main>
  );
}
