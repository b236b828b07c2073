import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentAccount } from './lib/session.ts';
import { runtime } from '@/src/runtime.ts';
import { aDigits } from '@/src/format.ts';
import type { Metadata } from 'next';

// The home page: the layout's default title (a layout's title template is not for its own page).
export const metadata: Metadata = { title: { absolute: 'Two-Step — Manage your account' } };

export default async function Home() {
  if (await currentAccount()) redirect('/account');
  return (
    <main>
      <h1>Manage your account</h1>
      <p className="lead">
        Sign in to change your password, security questions and rescue email, and to turn on two-step verification: your password plus{' '}
        {aDigits(runtime().codeDigits)} code from a device you trust.
      </p>
      <div className="actions">
        <Link className="button" href="/sign-in">
          Sign In
        </Link>
        <Link className="button secondary" href="/create">
          Create Your Account
        </Link>
      </div>
    </main>
  );
}
