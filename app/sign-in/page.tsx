import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { currentAccount } from '../lib/session.ts';
import { SignInForm } from './sign-in-form.tsx';
import { appRequest, interactionParam } from '../lib/app-sign-in.ts';
import { AppRequestBanner, AppRequestEnded } from '../components/app-request.tsx';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signIn.password'))('title') };
}

// With ?interaction=, the sign-in an app asked for (app/lib/app-sign-in.ts): shown even to a
// signed-in browser, since the app may want a fresh sign-in, or the password again from a browser
// new to the account; when it is done the browser goes back to the app's sign-in.
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const uid = interactionParam(params.interaction);
  const request = await appRequest(uid);
  const signedIn = await currentAccount();
  if (signedIn && !uid) redirect('/account');
  const signedOut = params['signed-out'];
  const t = await getTranslations('signIn.password');
  return (
    <main className="narrow">
      <h1>{t('heading')}</h1>
      {request ? (
        <AppRequestBanner request={request} doing={signedIn ? 'passwordAgain' : 'signIn'} />
      ) : uid ? (
        <AppRequestEnded />
      ) : (
        <p className="lead">{t('lead')}</p>
      )}
      {signedOut ? (
        <p className="notice" role="status">
          {signedOut === 'everywhere' ? t('signedOutEverywhere') : t('signedOut')}
        </p>
      ) : null}
      {params.reset === '1' ? (
        <p className="notice" role="status">
          {t('passwordReset')}
        </p>
      ) : null}
      <div className="panel">
        <SignInForm interaction={request ? request.uid : null} appleId={signedIn && request ? signedIn.account.appleId : undefined} />
      </div>
      <p className="small">
        <Link href="/forgot">{t('forgot')}</Link>
      </p>
      <p className="small muted">{t.rich('noAccount', { link: (text) => <Link href="/create">{text}</Link> })}</p>
    </main>
  );
}
