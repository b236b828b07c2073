import Link from 'next/link';
import { ForgotForm } from './forgot-form.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Forgot Your Password?' };

// "Forgot your password?": asks only for the Apple ID and emails a link to the addresses on file.
// Never the birth date: with it, the 2013 hole (docs/rules.md#forgot-password) is back.
export default function ForgotPasswordPage() {
  return (
    <main className="narrow">
      <h1>Forgot your password?</h1>
      <p className="lead">Enter your Apple ID. We will email the addresses on file how to reset your password.</p>
      <div className="panel">
        <ForgotForm />
      </div>
      <p className="small">
        Two-step verification on? Your password is reset with your Recovery Key and a trusted device:{' '}
        <Link href="/reset/recovery-key">reset with your Recovery Key</Link>.
      </p>
      <p className="small muted">
        Remembered it? <Link href="/sign-in">Sign in.</Link>
      </p>
    </main>
  );
}
