'use client';
// Trusted Devices → "Add a passkey or security key": a name, then the browser's registration
// ceremony (@simplewebauthn/browser), then its JSON answer to the server, which adds the key as a
// trusted device at once (the ceremony is its proof) and reloads the page with a notice.
import { useActionState } from 'react';
import { startRegistration } from '@simplewebauthn/browser';
import { ceremonyErrorSentence } from '@/src/passkeys/ceremony-errors.ts';
import { addPasskeyAction, passkeyRegistrationOptionsAction } from '../../../actions/passkeys.ts';
import { Field, errorProps } from '../../../components/field.tsx';
import { FormMessages, useAnswerKey } from '../../../components/form-messages.tsx';
import { SubmitButton } from '../../../components/submit-button.tsx';
import { EMPTY_FORM, type FormState } from '../../../lib/form-state.ts';
import styles from './devices.module.css';

async function addPasskey(_prev: FormState, formData: FormData): Promise<FormState> {
  const name = String(formData.get('name') ?? '');
  if (!name.trim()) return { fieldErrors: { name: 'Enter a name for the passkey or security key, such as “YubiKey 5C”.' } };
  const asked = await passkeyRegistrationOptionsAction();
  if ('error' in asked) return { error: asked.error, values: { name } };
  let answer: unknown;
  try {
    answer = await startRegistration({ optionsJSON: asked.options });
  } catch (e) {
    return { error: ceremonyErrorSentence(e), values: { name } };
  }
  return addPasskeyAction(name, JSON.stringify(answer));
}

function AddPasskeyForm() {
  const [state, action] = useActionState(addPasskey, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form key={useAnswerKey(state)} action={action} noValidate aria-label="Add a passkey or security key">
      <FormMessages state={state} />
      <Field name="name" label="Name" error={e.name} hint="So you can tell it apart in your list, such as “YubiKey 5C” or “MacBook”.">
        <input type="text" maxLength={60} autoComplete="off" defaultValue={state.values?.name} {...errorProps('name', e.name)} />
      </Field>
      <SubmitButton label="Add Passkey or Security Key" pendingLabel="Waiting for your passkey or security key…" />
    </form>
  );
}

/** The page's section for it, apart so the page keeps its structure. */
export function AddPasskeySection({ formKey }: { formKey: string }) {
  return (
    <section className="panel" aria-labelledby="passkey-heading">
      <h2 id="passkey-heading">Add a Passkey or Security Key</h2>
      <p className={styles.hint}>
        A passkey on this device or a security key proves it&apos;s you with a signature instead of a code, and can&apos;t be phished. You still need a trusted
        phone number.
      </p>
      <div className={styles.formSpace}>
        <AddPasskeyForm key={formKey} />
      </div>
    </section>
  );
}
