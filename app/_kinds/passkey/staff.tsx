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
import { useTranslations } from 'next-intl';

const KIND = 'passkey';

export function PasskeyStaffSetUp() {
  const t = useTranslations('clientStaffFactors.passkey');
  return (
    <>
      <p>{t('intro')}</p>
      <SetUpPasskeyForm
        begin={beginStaffFactorAction.bind(null, KIND) as () => Promise<Options<PublicKeyCredentialCreationOptionsJSON>>}
        confirm={confirmStaffFactorAction.bind(null, KIND, null)}
      />
    </>
  );
}

/** `only`: the staff member has no other factor, so this is the page's main button. */
export function PasskeyStaffVerify({ only }: { only: boolean }) {
  const t = useTranslations('clientStaffFactors.passkey');
  return (
    <PasskeyButton
      options={challengeStaffFactorAction.bind(null, KIND) as () => Promise<Options<PublicKeyCredentialRequestOptionsJSON>>}
      finish={proveStaffFactorAction.bind(null, KIND, null)}
      label={t('use')}
      note={t('useNote')}
      ceremonyErrors={STAFF_CEREMONY_ERRORS}
      primary={only}
    />
  );
}
