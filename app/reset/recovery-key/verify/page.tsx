import Link from 'next/link';
import { runtime } from '@/src/runtime.ts';
import { keyResetState } from '@/src/password-reset/by-recovery-key.ts';
import { resetToken } from '../../../lib/reset-cookie.ts';
import { ProofStep } from '../../../components/proof-step.tsx';
import { NewPasswordForm } from '../key-forms.tsx';
import type { Metadata } from 'next';

const STEP_TITLES = {
  code: 'Reset Your Password: Enter a Code',
  password: 'Reset Your Password: Choose a New Password',
  expired: 'Reset Your Password',
} as const;

/** The title says which step the page shows: after the code, the new password (the code is done). */
export async function generateMetadata(): Promise<Metadata> {
  const state = await keyResetState(runtime(), await resetToken());
  return { title: STEP_TITLES[state.step] };
}

// After the Recovery Key: a code from a trusted device, then the new password.
export default async function KeyResetVerifyPage() {
  const rt = runtime();
  const state = await keyResetState(rt, await resetToken());
  return (
    <main className="narrow">
      <h1>Reset your password</h1>
      {state.step === 'code' ? (
        <>
          <p className="lead">Your Recovery Key is right. Now confirm it&apos;s you with one of your trusted devices.</p>
          <ProofStep
            devices={state.devices}
            digits={rt.codeDigits}
            purpose="recovery-key-reset"
            noDevice="This account has no trusted device left, so its password cannot be reset."
          />
        </>
      ) : state.step === 'password' ? (
        <>
          <p className="lead">Choose a new password for {state.appleId}.</p>
          <div className="panel">
            <NewPasswordForm />
          </div>
        </>
      ) : (
        <>
          <p className="form-error" role="alert">
            This password reset has expired. Start again with your Recovery Key.
          </p>
          <p>
            <Link className="button" href="/reset/recovery-key">
              Start Again
            </Link>
          </p>
        </>
      )}
    </main>
  );
}
