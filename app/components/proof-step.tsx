// The second step of every flow that asks for one (signing in, a fresh code before a change, an app
// signing in through the portal, the Recovery Key reset, the support PIN): one component, whatever
// kinds of trusted device the account holds, and one pair of actions (app/actions/proof.ts) bound to
// the page's purpose. Devices that take a typed code are offered in the code form; devices that sign
// (src/kinds/: proof by signature) get their kind's button (app/_kinds/proof-registry.tsx), where
// the flow takes a signature.
import type { ReactNode } from 'react';
import type { TrustedDeviceView } from '@/src/devices/trusted-devices.ts';
import { askAction, proveAction } from '../actions/proof.ts';
import { CodeStep } from './code-step.tsx';
import { codeDevices, signingKindsAmong } from '../lib/code-devices.ts';
import { signStepOf } from '../_kinds/proof-registry.tsx';
import { proofFlow, type Challenge, type ProofPurpose } from '../lib/proof-purposes.ts';
import type { FormState } from '../lib/form-state.ts';

export function ProofStep({
  purpose,
  bound = null,
  devices,
  digits,
  verifyLabel,
  noDevice,
  intro,
}: {
  /** The page's flow (app/lib/proof-purposes.ts). */
  purpose: ProofPurpose;
  /** What the flow's finish needs from the page (an app's interaction, the page to go back to), bound to the check. */
  bound?: string | null;
  devices: TrustedDeviceView[];
  digits: number;
  verifyLabel?: string;
  /** What to say when the account has no trusted device left; without it the code form shows anyway. */
  noDevice?: string;
  /** A sentence above the device choice. */
  intro?: ReactNode;
}) {
  // One action asks for both: the code form's send gets the form's state back, the signing button's
  // call (no form) the challenge's options (app/actions/proof.ts).
  const ask = askAction.bind(null, purpose);
  const send = ask as (prev: FormState, formData: FormData) => Promise<FormState>;
  const challenge = ask as () => Promise<Challenge>;
  const signs = Boolean(proofFlow(purpose)?.challenge);
  const buttons = signs ? signingKindsAmong(devices).flatMap((kind) => signStepOf(kind) ?? []) : [];
  return (
    <>
      <div className="panel">
        {devices.length > 0 || !noDevice ? (
          <CodeStep
            devices={codeDevices(devices)}
            digits={digits}
            send={send}
            check={proveAction.bind(null, purpose, bound)}
            {...(verifyLabel ? { verifyLabel } : {})}
            {...(intro ? { intro } : {})}
          />
        ) : (
          <p>{noDevice}</p>
        )}
      </div>
      {buttons.map(({ id, Button }) => (
        <div key={id} className="panel">
          <Button options={challenge} finish={proveAction.bind(null, purpose, bound, null)} />
        </div>
      ))}
    </>
  );
}
