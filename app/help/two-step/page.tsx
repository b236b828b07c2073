import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { runtime } from '@/src/runtime.ts';
import { Contents } from './question.tsx';
import { GettingStarted } from './getting-started.tsx';
import { KeepingAccess } from './keeping-access.tsx';
import { Rules } from './rules.tsx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('helpTwoStep'))('title') };
}
// Rendered per request, not at build: the code length it names (CODE_DIGITS) is set when the server starts.
export const dynamic = 'force-dynamic';

// "Learn more": the questions of the vendor's FAQ (docs/rules.md#where-the-rules-come-from),
// answered in our own words for this portal: where things are here, what the rules are here (every
// number from its rule). Public: no sign-in needed.
export default async function LearnMoreTwoStepPage() {
  const t = await getTranslations('helpTwoStep');
  return (
    <main className="narrow help">
      <p className="small">
        <Link href="/account/security">{t('back')}</Link>
      </p>
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <Contents />
      <GettingStarted codeDigits={runtime().codeDigits} />
      <KeepingAccess />
      <Rules />
    </main>
  );
}
