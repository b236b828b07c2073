import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { pendingSignIn, signInDevices } from '@/src/sign-in/code.ts';
import { sessionToken } from '../../lib/session.ts';
import { ProofStep } from '../../components/proof-step.tsx';
import { appRequest, interactionParam, withInteraction } from '../../lib/app-sign-in.ts';
import { AppRequestBanner } from '../../components/app-request.tsx';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signIn.verify'))('title') };
}

// Two-step verification on: the password is not enough to sign in
// (docs/rules.md#sign-in-and-lockouts).
export default async function VerifySignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const uid = interactionParam((await searchParams).interaction);
  const token = await sessionToken();
  const rt = runtime();
  const session = token ? await pendingSignIn(rt, token) : null;
  if (!session) redirect(withInteraction('/sign-in', uid));
  const [devices, request] = await Promise.all([signInDevices(rt.db, session.accountId), appRequest(uid)]);
  const t = await getTranslations('signIn.verify');
  return (
    <main className="narrow">
      <h1>{t('heading')}</h1>
      {request ? <AppRequestBanner request={request} doing="confirmWithDevice" /> : null}
      <p className="lead">{t('lead')}</p>
      <ProofStep devices={devices} digits={rt.codeDigits} purpose="sign-in" bound={uid} noDevice={t('noDevice')} />
      <p className="small">
        <Link href="/sign-in/recovery">{t('cantUseDevices')}</Link>
      </p>
    </main>
  );
}
