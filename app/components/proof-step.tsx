// The second step of every flow that asks for one (signing in, a fresh code before a change, an app
// signing in through the portal, the Recovery Key reset, the support PIN): one component, whatever
// kinds of trusted device the account holds, and one pair of actions (app/actions/proof.ts) bound to
// the page's purpose. Devices that take a typed code are offered in the code form; devices that sign
// (src/kinds/: proof by signature) get their button, where the flow takes a signature.
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { TrustedDeviceView } from '@/src/devices/trusted-devices.ts';
import { askAction, proveAction } from '../actions/proof.ts';
import { CodeStep } from './code-step.tsx';
import { PasskeyButton } from './passkey-button.tsx';
import { codeDevices, hasPasskeyAmong } from '../lib/code-devices.ts';
import { proofFlow, type ProofPurpose } from '../lib/proof-purposes.ts';
import type { FormState } from '../lib/form-state.ts';
import type { Options } from '../lib/passkey-options.ts';

/** A flow's two pairs of actions: ask for and check a code; ask for and check a signature. */
export interface ProofActions {
  send: (prev: FormState, formData: FormData) => Promise<FormState>;
  check: (prev: FormState, formData: FormData) => Promise<FormState>;
  signOptions: () => Promise<Options<PublicKeyCredentialRequestOptionsJSON>>;
  sign: (response: string) => Promise<FormState>;
}

/** The page's flow, and what its finish needs (an app's interaction, the page to go back to), bound to both actions. */
type Purpose = { purpose: ProofPurpose; bound?: string | null } | { actions: ProofActions };

function actionsFor(p: Purpose): { actions: ProofActions; signs: boolean } {
  if ('actions' in p) return { actions: p.actions, signs: true };
  // One action asks for both (app/actions/proof.ts): the code form's send gets the form's state, the
  // passkey button's call (no form) the challenge's options.
  const ask = askAction.bind(null, p.purpose);
  const bound = p.bound ?? null;
  return {
    actions: {
      send: ask as ProofActions['send'],
      check: proveAction.bind(null, p.purpose, bound),
      signOptions: ask as ProofActions['signOptions'],
      sign: proveAction.bind(null, p.purpose, bound, null),
    },
    signs: Boolean(proofFlow(p.purpose)?.challenge),
  };
}

export function ProofStep({
  devices,
  digits,
  verifyLabel,
  noDevice,
  ...purpose
}: Purpose & {
  devices: TrustedDeviceView[];
  digits: number;
  verifyLabel?: string;
  /** What to say when the account has no trusted device left; without it the code form shows anyway. */
  noDevice?: string;
}) {
  const { actions, signs } = actionsFor(purpose);
  return (
    <>
      <div className="panel">
        {devices.length > 0 || !noDevice ? (
          <CodeStep devices={codeDevices(devices)} digits={digits} send={actions.send} check={actions.check} {...(verifyLabel ? { verifyLabel } : {})} />
        ) : (
          <p>{noDevice}</p>
        )}
      </div>
      {signs && hasPasskeyAmong(devices) ? (
        <div className="panel">
          <PasskeyButton options={actions.signOptions} finish={actions.sign} />
        </div>
      ) : null}
    </>
  );
}
