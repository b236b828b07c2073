import Link from 'next/link';
import { durationAdjective } from '@/src/clock.ts';
import { WAITING_PERIOD_MS } from '@/src/eligibility/eligibility.ts';
import { requireTwoStepChange } from '../../../lib/fresh-code.ts';
import { TurnOffForm } from './turn-off-form.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Turn Off Two-Step Verification' };

// Turn Off (docs/rules.md#turning-it-off): signed in with password + code → new security questions
// and the birth date → off. What goes with it is said before, not after.
export default async function TurnOffPage() {
  const { account } = await requireTwoStepChange('/account/security/turn-off');
  return (
    <main className="narrow">
      <p className="small">
        <Link href="/account/security/two-step">← Two-Step Verification</Link>
      </p>
      <h1>Turn Off Two-Step Verification</h1>
      <div className="panel">
        <p className="lead">When you turn it off:</p>
        <ul>
          <li>signing in needs only your password;</li>
          <li>your Recovery Key, your app-specific passwords and your trusted devices are deleted;</li>
          <li>every other browser signed in to your account is signed out;</li>
          <li>
            turning it on again starts with a {durationAdjective(WAITING_PERIOD_MS)} waiting period, because your security questions change.
          </li>
        </ul>
        <TurnOffForm />
      </div>
    </main>
  );
}
