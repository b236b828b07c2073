import Link from 'next/link';
import { runtime } from '@/src/runtime.ts';
import { openPasswordReset } from '@/src/password-reset/by-link.ts';
import { resetToken } from '../lib/reset-cookie.ts';
import { ResetForm } from './reset-form.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Reset Your Password' };

// Reset a forgotten password (two-step off): the link from the email (its token now in the reset
// cookie, see open/route.ts) AND the answers to two security questions. No birth date.
export default async function ResetPasswordPage() {
  const opened = await openPasswordReset(runtime(), await resetToken());
  return (
    <main className="narrow">
      <h1>Reset your password</h1>
      {opened.ok ? (
        <>
          <p className="lead">Answer your security questions, then choose a new password.</p>
          <div className="panel">
            <ResetForm questions={opened.questions.map((q) => q.text)} />
          </div>
        </>
      ) : (
        <>
          <p className="form-error" role="alert">
            {opened.error}
          </p>
          <p>
            <Link className="button" href="/forgot">
              Ask for a new link
            </Link>
          </p>
        </>
      )}
    </main>
  );
}
