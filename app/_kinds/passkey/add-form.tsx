'use client';
// Trusted Devices → "Add a passkey or security key": a name, then the browser's registration
// ceremony (@simplewebauthn/browser), then its JSON answer to the server, which adds the key as a
// trusted device at once (the ceremony is its proof) and reloads the page with a notice.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { startRegistration } from '@simplewebauthn/browser';
import { PASSKEY_NAME_EMPTY } from '@/src/kinds/passkey/ceremony-errors.ts';
import { addPasskeyAction, passkeyRegistrationOptionsAction } from './actions.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages, useAnswerKey } from '../../components/form-messages.tsx';
import { runCeremony } from './passkey-ceremony.ts';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM, type FormState } from '../../lib/form-state.ts';
import styles from '../../account/security/devices/devices.module.css';

// The field is "passkeyName": the page's iOS device form already has a field "name" (ids are unique).
const FIELD = 'passkeyName';

async function addPasskey(_prev: FormState, formData: FormData): Promise<FormState> {
  const name = String(formData.get(FIELD) ?? '');
  if (!name.trim()) return { fieldErrors: { [FIELD]: PASSKEY_NAME_EMPTY } }; // before the ceremony, not after it
  const added = await runCeremony(
    passkeyRegistrationOptionsAction,
    (optionsJSON) => startRegistration({ optionsJSON }),
    (response) => addPasskeyAction(name, response),
  );
  return { ...added, fieldErrors: added.fieldErrors?.name ? { [FIELD]: added.fieldErrors.name } : undefined, values: { [FIELD]: name } };
}

function AddPasskeyForm() {
  const t = useTranslations('clientDevices.kinds.passkey');
  const [state, action] = useActionState(addPasskey, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form key={useAnswerKey(state)} action={action} noValidate aria-label={t('form')}>
      <FormMessages state={state} />
      <Field name={FIELD} label={t('name')} error={e[FIELD]} hint={t('nameHint')}>
        <input type="text" maxLength={60} autoComplete="off" defaultValue={state.values?.[FIELD]} {...errorProps(FIELD, e[FIELD])} />
      </Field>
      <SubmitButton label={t('add')} pendingLabel={t('waiting')} />
    </form>
  );
}

/** Its part of the Trusted Devices panel of the kinds beside the phone numbers (app/account/security/devices/add-other-kinds.tsx). */
export function AddPasskeyBlock({ formKey }: { formKey: string }) {
  const t = useTranslations('clientDevices.kinds.passkey');
  return (
    <div className={`${styles.formSpace} ${styles.divided}`}>
      <h3 id="passkey-heading">{t('heading')}</h3>
      <AddPasskeyForm key={`passkey-${formKey}`} />
    </div>
  );
}
