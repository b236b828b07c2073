// A staff member's passkey or security key on the staff sign-in pages (app/_kinds/staff-registry.tsx
// lists it): its part of the setup page, and its button after the password. Both steps are the
// browser's ceremonies, whose options and answers go through the staff factor's actions bound to
// this kind.
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { STAFF_CEREMONY_ERRORS } from '@/src/kinds/passkey/ceremony-errors.ts';
import {
  beginStaffFactorAction,
  challengeStaffFactorAction,
  confirmStaffFactorAction,
  proveStaffFactorAction,
} from '../../actions/staff-second-factor.ts';
import { PasskeyButton } from './passkey-button.tsx';
import type { Options } from '../../lib/signature-options.ts';
import { SetUpPasskeyForm } from './staff-forms.tsx';

const KIND = 'passkey';

export function PasskeyStaffSetUp() {
  return (
    <>
      <p>A passkey on this computer or your phone, or a security key such as a YubiKey: nothing to type, and it can&apos;t be phished.</p>
      <SetUpPasskeyForm
        begin={beginStaffFactorAction.bind(null, KIND) as () => Promise<Options<PublicKeyCredentialCreationOptionsJSON>>}
        confirm={confirmStaffFactorAction.bind(null, KIND, null)}
      />
    </>
  );
}

/** `only`: the staff member has no other factor, so this is the page's main button. */
export function PasskeyStaffVerify({ only }: { only: boolean }) {
  return (
    <PasskeyButton
      options={challengeStaffFactorAction.bind(null, KIND) as () => Promise<Options<PublicKeyCredentialRequestOptionsJSON>>}
      finish={proveStaffFactorAction.bind(null, KIND, null)}
      label="Use your passkey or security key"
      note="Use the passkey or security key you set up for the support console."
      ceremonyErrors={STAFF_CEREMONY_ERRORS}
      primary={only}
    />
  );
}
