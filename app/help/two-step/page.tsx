import type { Metadata } from 'next';
import Link from 'next/link';
import { runtime } from '@/src/runtime.ts';
import { Contents } from './question.tsx';
import { GettingStarted } from './getting-started.tsx';
import { KeepingAccess } from './keeping-access.tsx';
import { Rules } from './rules.tsx';

export const metadata: Metadata = { title: 'About Two-Step Verification' };
// Rendered per request, not at build: the code length it names (CODE_DIGITS) is set when the server starts.
export const dynamic = 'force-dynamic';

// "Learn more": the questions of the vendor's FAQ (docs/rules.md#where-the-rules-come-from),
// answered in our own words for this portal: where things are here, what the rules are here (every
// number from its rule). Public: no sign-in needed.
export default function LearnMoreTwoStepPage() {
  return (
    <main className="narrow help">
      <p className="small">
        <Link href="/account/security">← Password and Security</Link>
      </p>
      <h1>About two-step verification</h1>
      <p className="lead">
        Two-step verification keeps other people out of your account even if they learn your password: besides the password, they would need
        a code sent to a device that only you have.
      </p>
      <Contents />
      <GettingStarted codeDigits={runtime().codeDigits} />
      <KeepingAccess />
      <Rules />
    </main>
  );
}
