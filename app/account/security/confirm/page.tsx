import Link from 'next/link';
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { signInDevices } from '@/src/sign-in/code.ts';
import { FRESH_CODE_MS } from '@/src/step-up/fresh-code.ts';
import { requireSecurityPass } from '../../../lib/security-pass.ts';
import { freshCodePage, pageNeedsFreshCode } from '../../../lib/fresh-code.ts';
import { ProofStep } from '../../../components/proof-step.tsx';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { durationIn } from '@/src/i18n/durations.ts';
import { requestLocale } from '../../../i18n/locale.ts';
import { formattingLocale } from '@/src/i18n/translate.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('security.confirm'))('title') };
}

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
  const t = await getTranslations('security.confirm');
  const fresh = durationIn(formattingLocale(await requestLocale()), FRESH_CODE_MS);
  return (
    <main className="narrow">
      <p className="small">
        <Link href="/account/security">{t('back')}</Link>
      </p>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead', { fresh })}</p>
      <ProofStep devices={devices} digits={rt.codeDigits} purpose="fresh-code" bound={next} verifyLabel={t('continue')} />
    </main>
  );
}
