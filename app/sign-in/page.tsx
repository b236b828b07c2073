import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentAccount } from '../lib/session.ts';
import { SignInForm } from './sign-in-form.tsx';
import { appRequest, interactionParam } from '../lib/app-sign-in.ts';
import { AppRequestBanner, AppRequestEnded } from '../components/app-request.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Sign In' };

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
  return (
    <main className="narrow">
      <h1>Sign In</h1>
      {request ? (
        <AppRequestBanner request={request} doing={signedIn ? 'Enter your Apple ID password again' : 'Sign in with your Apple ID'} />
      ) : uid ? (
        <AppRequestEnded />
      ) : (
        <p className="lead">Manage your account.</p>
      )}
      {signedOut ? (
        <p className="notice" role="status">
          {signedOut === 'everywhere' ? 'You are signed out on every browser and device.' : 'You are signed out.'}
        </p>
      ) : null}
      {params.reset === '1' ? (
        <p className="notice" role="status">
          Your password was reset. Sign in with your new password.
        </p>
      ) : null}
      <div className="panel">
        <SignInForm interaction={request ? request.uid : null} appleId={signedIn && request ? signedIn.account.appleId : undefined} />
      </div>
      <p className="small">
        <Link href="/forgot">Forgot password?</Link>
      </p>
      <p className="small muted">
        Don&apos;t have an account? <Link href="/create">Create yours now.</Link>
      </p>
    </main>
  );
}
