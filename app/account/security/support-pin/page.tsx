import Link from 'next/link';
import { runtime } from '@/src/runtime.ts';
import { listDevices } from '@/src/devices/trusted-devices.ts';
import { SUPPORT_PIN_DIGITS, SUPPORT_PIN_TTL_MS } from '@/src/support/pin.ts';
import { durationText } from '@/src/clock.ts';
import { requireSecurityPass } from '../../../lib/security-pass.ts';
import { ProofStep } from '../../../components/proof-step.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Apple Support PIN' };

// Apple Support PIN (docs/rules.md#support-console): with two-step on, support sees only that the
// account exists until the holder reads them this PIN. Making one needs a code from a trusted device.
export default async function SupportPinPage() {
  const { account } = await requireSecurityPass();
  const rt = runtime();
  const devices = account.twoStepEnabledAt ? (await listDevices(rt.db, account.id)).trusted : [];
  return (
    <main className="narrow">
      <h1>Apple Support PIN</h1>
      {account.twoStepEnabledAt ? (
        <>
          <p className="lead">
            When you contact Apple Support, they can see your account&apos;s security settings only after you read them this PIN. They can
            never change your password, trusted devices or Recovery Key.
          </p>
          <ProofStep
            purpose="support-pin"
            devices={devices}
            digits={rt.codeDigits}
            verifyLabel="Make PIN"
            intro={<p>To make a {SUPPORT_PIN_DIGITS}-digit support PIN, first enter a code from one of your trusted devices.</p>}
            noDevice="Your account has no trusted device to send a code to. Add one in Trusted Devices first."
          />
          <p className="small muted">
            A PIN works for {durationText(SUPPORT_PIN_TTL_MS)}, for the first support staff member who enters it. Making a new PIN replaces
            the old one. Every look by support shows in your Recent Security Activity.
          </p>
        </>
      ) : (
        <div className="panel">
          <p data-testid="support-pin-not-needed">
            Two-step verification is off, so Apple Support can see your account&apos;s security settings (never your password) when you
            contact them, without a PIN. Every look shows in your Recent Security Activity.
          </p>
        </div>
      )}
      <p className="small">
        <Link href="/account/security">Back to Password and Security</Link>
      </p>
    </main>
  );
}
