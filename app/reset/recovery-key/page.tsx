import Link from 'next/link';
import { RecoveryKeyForm } from './key-forms.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Reset Your Password with Your Recovery Key' };

// Forgot password with two-step on (docs/rules.md#forgot-password): the Recovery Key and one
// trusted device. Support cannot do it, and there is no other way.
export default function RecoveryKeyResetPage() {
  return (
    <main className="narrow">
      <h1>Reset your password</h1>
      <p className="lead">
        Two-step verification is on for your account: enter your Recovery Key, then a code from one of your trusted devices.
      </p>
      <div className="panel">
        <RecoveryKeyForm />
      </div>
      <p className="small muted">
        Without your Recovery Key, or without any of your trusted devices, your password cannot be reset: support cannot do it for you.{' '}
        <Link href="/forgot">Two-step verification is off?</Link>
      </p>
    </main>
  );
}
