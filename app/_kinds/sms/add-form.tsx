'use client';
// The phone number's form on the Trusted Devices page: a country and a mobile number, which is sent
// a code (./actions.ts). Its panel is ./add-panel.tsx.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('clientDevices.kinds.sms');
  const [state, action] = useActionState(addPhoneNumberAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  const v = state.done ? {} : (state.values ?? {});
  return (
    <form key={useAnswerKey(state)} action={action} noValidate aria-label={t('form')}>
      <FormMessages state={state} />
      <div className={styles.phone}>
        <Field name="countryCode" label={t('country')} error={e.countryCode}>
          <select defaultValue={v.countryCode || defaultCountry} {...errorProps('countryCode', e.countryCode)}>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.callingCode})
              </option>
            ))}
          </select>
        </Field>
        <Field name="phoneNumber" label={t('number')} error={e.phoneNumber} hint={t('numberHint')}>
          <input type="tel" autoComplete="tel" defaultValue={v.phoneNumber} {...errorProps('phoneNumber', e.phoneNumber)} />
        </Field>
      </div>
      <SubmitButton label={t('send')} pendingLabel={t('checking')} />
    </form>
  );
}
