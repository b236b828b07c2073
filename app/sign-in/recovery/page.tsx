import Link from 'next/link';
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { pendingSignIn } from '@/src/sign-in/code.ts';
import { sessionToken } from '../../lib/session.ts';
import { RecoveryKeyForm } from './recovery-form.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Sign In with Your Recovery Key' };

// Apple's FAQ (docs/rules.md#lost-devices): "If you can't access any of your trusted devices, you
// can still access your account using your password and Recovery Key. You should then verify a new
// trusted device."
export default async function RecoverySignInPage() {
  const token = await sessionToken();
  if (!token || !(await pendingSignIn(runtime(), token))) redirect('/sign-in');
  return (
    <main className="narrow">
      <h1>Use Your Recovery Key</h1>
      <p className="lead">Enter your Recovery Key. Then verify a new trusted device before you use your account.</p>
      <div className="panel">
        <RecoveryKeyForm />
      </div>
      <p className="small">
        <Link href="/sign-in/verify">Use a trusted device instead</Link>
      </p>
    </main>
  );
}
