import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { signInDevices } from '@/src/sign-in/code.ts';
import { currentAccount } from '../../lib/session.ts';
import { refuseStaff } from '../../lib/staff-session.ts';
import { afterSignIn, appRequest, interactionParam, withInteraction } from '../../lib/app-sign-in.ts';
import { ProofStep } from '../../components/proof-step.tsx';
import { AppRequestBanner, AppRequestEnded } from '../../components/app-request.tsx';
import { SECOND_STEP_REASONS, type SecondStepReason } from '@/src/oidc/authentication.ts';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Verify Your Identity' };

// An app's sign-in needs the second step again in a live session (src/oidc/authentication.ts): this
// browser never completed a sign-in to the account (Apple's FAQ: a new device), the app asked for a
// fresh check (max_age: a purchase), or it requires a sign-in with a trusted device. The same
// code step as before a sensitive change; then back to the app's sign-in.
/** What the page says of why, as the bridge named it (?why=): a hint for the reader, never a decision. */
const WHY: Record<SecondStepReason, (app: string) => string> = {
  'new-browser': () =>
    'You are signed in, but this browser has not been used with your Apple ID before. Confirm it’s you with a code from one of your trusted devices.',
  'too-old': (app) => `${app} asks you to confirm it’s still you, with a code from one of your trusted devices.`,
  'needs-device': (app) => `${app} accepts only sign-ins with a trusted device. Confirm it’s you with one of yours.`,
};

export default async function ConfirmForAppPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await refuseStaff();
  const params = await searchParams;
  const uid = interactionParam(params.interaction);
  const why = SECOND_STEP_REASONS.find((r) => r === params.why) ?? 'too-old';
  const current = await currentAccount();
  if (!current) redirect(withInteraction('/sign-in', uid));
  // Two-step off: there is no trusted device to ask; the app's sign-in decides what it needs instead.
  if (!current.account.twoStepEnabledAt) redirect(await afterSignIn(uid));
  const rt = runtime();
  const [request, devices] = await Promise.all([appRequest(uid), signInDevices(rt.db, current.account.id)]);
  return (
    <main className="narrow">
      <h1>Verify Your Identity</h1>
      {request ? <AppRequestBanner request={request} doing="Confirm it's you" /> : <AppRequestEnded />}
      <p className="lead">{WHY[why](request?.appName ?? 'The app')}</p>
      <ProofStep devices={devices} digits={rt.codeDigits} purpose="app-sign-in" bound={uid} verifyLabel="Continue" />
    </main>
  );
}
