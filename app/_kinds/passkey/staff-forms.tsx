'use client';
// Setting up a staff member's passkey or security key: the browser's registration ceremony
// (@simplewebauthn/browser), whose answer opens the console at once.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { STAFF_CEREMONY_ERRORS } from '@/src/kinds/passkey/ceremony-errors.ts';
import { FormMessages } from '../../components/form-messages.tsx';
import { runCeremony } from './passkey-ceremony.ts';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM, type FormState } from '../../lib/form-state.ts';
import type { Options } from '../../lib/signature-options.ts';

export function SetUpPasskeyForm({
  begin,
  confirm,
}: {
  begin: () => Promise<Options<PublicKeyCredentialCreationOptionsJSON>>;
  confirm: (response: string) => Promise<FormState>;
}) {
  const t = useTranslations('clientStaffFactors.passkey');
  const [state, action] = useActionState(
    (): Promise<FormState> => runCeremony(begin, (optionsJSON) => startRegistration({ optionsJSON }), confirm, STAFF_CEREMONY_ERRORS),
    EMPTY_FORM,
  );
  return (
    <form action={action} aria-label={t('setUpForm')}>
      <FormMessages state={state} />
      <SubmitButton label={t('setUp')} pendingLabel={t('waiting')} />
    </form>
  );
}
