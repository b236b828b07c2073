'use client';
// The two forms of adding an authenticator app: its name (which makes the secret), then the code
// it shows (which makes it trusted, through the Trusted Devices page's confirm action).
import { useActionState } from 'react';
import { startAuthenticatorAppAction } from './actions.ts';
import { confirmDeviceAction } from '../../actions/devices.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages, useAnswerKey } from '../../components/form-messages.tsx';
import { CodeForm } from '../../components/code-form.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';

export function NameAppForm() {
  const [state, action] = useActionState(startAuthenticatorAppAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form key={useAnswerKey(state)} action={action} noValidate aria-label="Name the authenticator app">
      <FormMessages state={state} />
      <Field name="name" label="Name" error={e.name} hint="So you can tell it apart in your list, such as “Phone authenticator”.">
        <input
          type="text"
          autoComplete="off"
          maxLength={60}
          // Empty until the holder names it: a name filled in for them would be accepted unread, and
          // a second app would get the same one.
          defaultValue={state.values?.name ?? ''}
          {...errorProps('name', e.name)}
        />
      </Field>
      <SubmitButton label="Continue" pendingLabel="Making a secret…" />
    </form>
  );
}

export function AppCodeForm({ trustedDeviceId, label, digits }: { trustedDeviceId: string; label: string; digits: number }) {
  const [state, action] = useActionState(confirmDeviceAction, EMPTY_FORM);
  return (
    <CodeForm
      key={useAnswerKey(state)}
      action={action}
      error={state.fieldErrors?.code ?? state.error}
      hidden={{ trustedDeviceId }}
      label={`Code from ${label}`}
      hint={`The ${digits}-digit code the app shows now.`}
      digits={digits}
      ariaLabel="Enter the code from the app"
    />
  );
}
