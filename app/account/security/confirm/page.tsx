import Link from 'next/link';
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { signInDevices } from '@/src/sign-in/code.ts';
import { FRESH_CODE_MS } from '@/src/step-up/fresh-code.ts';
import { durationText } from '@/src/clock.ts';
import { requireSecurityPass } from '../../../lib/security-pass.ts';
import { freshCodePage, pageNeedsFreshCode } from '../../../lib/fresh-code.ts';
import { ProofStep } from '../../../components/proof-step.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Verify Your Identity' };

// Fresh authentication (ASVS 3.7.1): before a sensitive change, a code from a trusted device
// entered within the last 10 minutes. Then back to the page the holder came for.
export default async function ConfirmIdentityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const current = await requireSecurityPass();
  const { actor } = current;
  const next = freshCodePage.parse((await searchParams).next);
  const rt = runtime();
  if (!pageNeedsFreshCode(current)) redirect(next);
  const devices = await signInDevices(rt.db, actor.accountId);
  return (
    <main className="narrow">
      <p className="small">
        <Link href="/account/security">← Password and Security</Link>
      </p>
      <h1>Verify Your Identity</h1>
      <p className="lead">
        This change needs a verification code from one of your trusted devices, entered in the last {durationText(FRESH_CODE_MS)}. It keeps
        someone who finds your browser signed in from taking over your account.
      </p>
      <ProofStep devices={devices} digits={rt.codeDigits} purpose="fresh-code" bound={next} verifyLabel="Continue" />
    </main>
  );
}
