import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentAccount } from '../lib/session.ts';
import { SignInForm } from './sign-in-form.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Sign In' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (await currentAccount()) redirect('/account');
  const params = await searchParams;
  const signedOut = params['signed-out'];
  return (
    <main className="narrow">
      <h1>Sign In</h1>
      <p className="lead">Manage your account.</p>
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
        <SignInForm />
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
