// The second step of every flow that asks for one (signing in, a fresh code before a change, an app
// signing in through the portal, the Recovery Key reset): one component, whatever kinds of trusted
// device the account holds. Devices that take a typed code are offered in the code form; devices
// that sign (src/kinds/: proof by signature) get their button. The page passes its flow's actions.
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { TrustedDeviceView } from '@/src/devices/trusted-devices.ts';
import { CodeStep } from './code-step.tsx';
import { PasskeyButton } from './passkey-button.tsx';
import { codeDevices, hasPasskeyAmong } from '../lib/code-devices.ts';
import type { FormState } from '../lib/form-state.ts';
import type { Options } from '../lib/passkey-options.ts';

/** A flow's two pairs of actions: ask for and check a code; ask for and check a signature. */
export interface ProofActions {
  send: (prev: FormState, formData: FormData) => Promise<FormState>;
  check: (prev: FormState, formData: FormData) => Promise<FormState>;
  signOptions: () => Promise<Options<PublicKeyCredentialRequestOptionsJSON>>;
  sign: (response: string) => Promise<FormState>;
}

export function ProofStep({
  devices,
  digits,
  actions,
  verifyLabel,
  noDevice,
}: {
  devices: TrustedDeviceView[];
  digits: number;
  actions: ProofActions;
  verifyLabel?: string;
  /** What to say when the account has no trusted device left; without it the code form shows anyway. */
  noDevice?: string;
}) {
  return (
    <>
      <div className="panel">
        {devices.length > 0 || !noDevice ? (
          <CodeStep devices={codeDevices(devices)} digits={digits} send={actions.send} check={actions.check} {...(verifyLabel ? { verifyLabel } : {})} />
        ) : (
          <p>{noDevice}</p>
        )}
      </div>
      {hasPasskeyAmong(devices) ? (
        <div className="panel">
          <PasskeyButton options={actions.signOptions} finish={actions.sign} />
        </div>
      ) : null}
    </>
  );
}
