'use client';
// The phone number's form on the Trusted Devices page: a country and a mobile number, which is sent
// a code (./actions.ts). Its panel is ./add-panel.tsx.
import { useActionState } from 'react';
import { addPhoneNumberAction } from './actions.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages, useAnswerKey } from '../../components/form-messages.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';
import styles from '../../account/security/devices/devices.module.css';

export interface CountryOption {
  code: string;
  name: string;
  callingCode: string;
}

export function AddPhoneNumberForm({ countries, defaultCountry }: { countries: CountryOption[]; defaultCountry: string }) {
  const [state, action] = useActionState(addPhoneNumberAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  const v = state.done ? {} : (state.values ?? {});
  return (
    <form key={useAnswerKey(state)} action={action} noValidate aria-label="Add a phone number">
      <FormMessages state={state} />
      <div className={styles.phone}>
        <Field name="countryCode" label="Country or region" error={e.countryCode}>
          <select defaultValue={v.countryCode || defaultCountry} {...errorProps('countryCode', e.countryCode)}>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.callingCode})
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="phoneNumber"
          label="Phone number"
          error={e.phoneNumber}
          hint="A mobile number that can receive text messages. Landline and web-based (VoIP) numbers can't be used."
        >
          <input type="tel" autoComplete="tel" defaultValue={v.phoneNumber} {...errorProps('phoneNumber', e.phoneNumber)} />
        </Field>
      </div>
      <SubmitButton label="Send Code" pendingLabel="Checking the number…" />
    </form>
  );
}
