'use client';
// Registering an iOS device on the Trusted Devices page (./actions.ts): its name, as the device
// calls itself. Its panel is ./add-panel.tsx.
import { useActionState } from 'react';
import { registerDeviceAction } from './actions.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages, useAnswerKey } from '../../components/form-messages.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';
import styles from '../../account/security/devices/devices.module.css';

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
