'use client';
// Registering an iOS device on the Trusted Devices page (./actions.ts): its name, as the device
// calls itself. Its panel is ./add-panel.tsx.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { registerDeviceAction } from './actions.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages, useAnswerKey } from '../../components/form-messages.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';
import styles from '../../account/security/devices/devices.module.css';

export function RegisterDeviceForm() {
  const t = useTranslations('clientDevices.kinds.push');
  const [state, action] = useActionState(registerDeviceAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form key={useAnswerKey(state)} action={action} noValidate aria-label={t('registerForm')}>
      <FormMessages state={state} />
      <div className={styles.nameField}>
        <Field name="name" label={t('name')} error={e.name} hint={t('nameHint')}>
          <input
            type="text"
            autoComplete="off"
            maxLength={60}
            defaultValue={state.done ? '' : state.values?.name}
            {...errorProps('name', e.name)}
          />
        </Field>
      </div>
      <SubmitButton label={t('register')} pendingLabel={t('registering')} />
    </form>
  );
}
