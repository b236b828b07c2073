import type { Metadata } from 'next';
import { Fragment, type ReactNode } from 'react';
import Link from 'next/link';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { PendingButton } from './components/submit-button.tsx';
import './globals.css';
import { currentAccount, signingIn } from './lib/session.ts';
import { cancelSignInAction, signOutAction } from './actions/account.ts';
import { config } from '@/src/config.ts';
import { devInboxes } from './_kinds/inbox-registry.ts';
import { listed } from './_kinds/wording.ts';
import { TITLE_TEMPLATE } from './lib/page-title.ts';
import { requestLocale } from './i18n/locale.ts';
import { clientMessages } from './i18n/client-namespaces.ts';
import { LanguageLinks } from './i18n/language-links.tsx';
import { messagesFor } from '@/src/i18n/catalogue.ts';

// Every page depends on the signed-in session and the environment: render on request, never at build.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('layout');
  return {
    // Every page names itself; an error in a form puts "Error: " before it (app/components/form-messages.tsx).
    title: { template: TITLE_TEMPLATE, default: t('titleDefault') },
    description: t('description'),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const current = await currentAccount();
  const midSignIn = !current && (await signingIn());
  const standins = config().STANDINS === 'on';
  const locale = await requestLocale();
  const t = await getTranslations('layout');
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider messages={clientMessages(messagesFor(locale))}>
          <a className="skip-link" href="#main-content">
            {t('skipLink')}
          </a>
          {standins ? (
            // The stand-ins are the developer's, named as the developer knows them: this banner is not translated.
            <div className="dev-banner" lang="en">
              Local stand-ins are on: {listed(devInboxes().map((i) => i.carries))} go to the{' '}
              {devInboxes().map((inbox, n, all) => (
                <Fragment key={inbox.slug}>
                  {n === 0 ? '' : n === all.length - 1 ? ' and ' : ', '}
                  <Link href={`/dev/${inbox.slug}`}>{inbox.inbox}</Link>
                </Fragment>
              ))}{' '}
              inboxes, not to real phones.
            </div>
          ) : null}
          <nav className="topbar">
            <div className="topbar-inner">
              <Link className="brand" href="/">
                {t('brand')}
              </Link>
              <span className="spacer" />
              {current ? (
                <>
                  <Link href="/account">{t('manageAccount')}</Link>
                  <form action={signOutAction}>
                    <PendingButton className="" label={t('signOut')} pendingLabel={t('signingOut')} />
                  </form>
                </>
              ) : midSignIn ? (
                // The password was right and the code is still to come: signing in or creating another account would be beside the point.
                <form action={cancelSignInAction}>
                  <PendingButton className="" label={t('cancelSignIn')} pendingLabel={t('cancelling')} />
                </form>
              ) : (
                <>
                  <Link href="/sign-in">{t('signIn')}</Link>
                  <Link href="/create">{t('createAccount')}</Link>
                </>
              )}
            </div>
          </nav>
          <div id="main-content" tabIndex={-1}>
            {children}
          </div>
          {current ? null : <LanguageLinks current={locale} label={t('languages')} />}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
