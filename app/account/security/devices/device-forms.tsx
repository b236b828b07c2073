'use client';
// The forms of the Trusted Devices page that add a device: a phone number, or an iOS device to
// register. The rows of the devices already added are device-rows.tsx.
import { useActionState } from 'react';
import { addPhoneNumberAction, registerDeviceAction } from '../../../actions/devices.ts';
import { Field, errorProps } from '../../../components/field.tsx';
import { FormMessages, useAnswerKey } from '../../../components/form-messages.tsx';
import { SubmitButton } from '../../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../../lib/form-state.ts';
import styles from './devices.module.css';

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

export function RegisterDeviceForm() {
  const [state, action] = useActionState(registerDeviceAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form key={useAnswerKey(state)} action={action} noValidate aria-label="Register a device">
      <FormMessages state={state} />
      <div className={styles.nameField}>
        <Field name="name" label="Device name" error={e.name} hint="As the device calls itself, such as “Jamie’s iPhone”.">
          <input
            type="text"
            autoComplete="off"
            maxLength={60}
            defaultValue={state.done ? '' : state.values?.name}
            {...errorProps('name', e.name)}
          />
        </Field>
      </div>
      <SubmitButton label="Register Device" pendingLabel="Registering…" />
    </form>
  );
}
