import Link from 'next/link';
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { pendingSignIn, signInDevices } from '@/src/sign-in/code.ts';
import { sessionToken } from '../../lib/session.ts';
import { ProofStep } from '../../components/proof-step.tsx';
import { appRequest, interactionParam, withInteraction } from '../../lib/app-sign-in.ts';
import { AppRequestBanner } from '../../components/app-request.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Sign In: Enter Your Code' };

// Two-step verification on: the password is not enough to sign in
// (docs/rules.md#sign-in-and-lockouts).
export default async function VerifySignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const uid = interactionParam((await searchParams).interaction);
  const token = await sessionToken();
  const rt = runtime();
  const session = token ? await pendingSignIn(rt, token) : null;
  if (!session) redirect(withInteraction('/sign-in', uid));
  const [devices, request] = await Promise.all([signInDevices(rt.db, session.accountId), appRequest(uid)]);
  return (
    <main className="narrow">
      <h1>Verify Your Identity</h1>
      {request ? <AppRequestBanner request={request} doing="Confirm it's you with one of your trusted devices" /> : null}
      <p className="lead">Two-step verification is on. Confirm it&apos;s you with one of your trusted devices.</p>
      <ProofStep
        devices={devices}
        digits={rt.codeDigits}
        purpose="sign-in"
        bound={uid}
        noDevice="This account has no trusted device left."
      />
      <p className="small">
        <Link href="/sign-in/recovery">Can&apos;t use any of your devices?</Link>
      </p>
    </main>
  );
}
