import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { runtime } from '@/src/runtime.ts';
import { signInDevices } from '@/src/sign-in/code.ts';
import { currentAccount } from '../../lib/session.ts';
import { refuseStaff } from '../../lib/staff-session.ts';
import { afterSignIn, appRequest, interactionParam, withInteraction } from '../../lib/app-sign-in.ts';
import { ProofStep } from '../../components/proof-step.tsx';
import { AppRequestBanner, AppRequestEnded } from '../../components/app-request.tsx';
import { SECOND_STEP_REASONS, type SecondStepReason } from '@/src/oidc/authentication.ts';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signIn.confirm'))('title') };
}

// An app's sign-in needs the second step again in a live session (src/oidc/authentication.ts): this
// browser never completed a sign-in to the account (Apple's FAQ: a new device), the app asked for a
// fresh check (max_age: a purchase), or it requires a sign-in with a trusted device. The same
// code step as before a sensitive change; then back to the app's sign-in.
/** The sentence (signIn.confirm) that says why, as the bridge named it (?why=): a hint for the reader, never a decision. */
const WHY: Record<SecondStepReason, 'newBrowser' | 'tooOld' | 'needsDevice'> = {
  'new-browser': 'newBrowser',
  'too-old': 'tooOld',
  'needs-device': 'needsDevice',
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
  const t = await getTranslations('signIn.confirm');
  return (
    <main className="narrow">
      <h1>{t('heading')}</h1>
      {request ? <AppRequestBanner request={request} doing="confirm" /> : <AppRequestEnded />}
      <p className="lead">{t(WHY[why], { app: request?.appName ?? t('theApp') })}</p>
      <ProofStep devices={devices} digits={rt.codeDigits} purpose="app-sign-in" bound={uid} verifyLabel={t('continue')} />
    </main>
  );
}
