'use client';
// The code from the staff member's authenticator app: the first one at setup (it makes the app
// theirs) and one at every sign-in after the password. Either opens the console when right.
import { useActionState } from 'react';
import { Field } from '../../components/field.tsx';
import { FormMessages, useAnswerKey } from '../../components/form-messages.tsx';
import { CodeInput } from '../../components/code-input.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM, type FormState } from '../../lib/form-state.ts';

export function StaffCodeForm({
  action,
  digits,
  issuer,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  digits: number;
  issuer: string;
}) {
  const [state, formAction] = useActionState(action, EMPTY_FORM);
  const error = state.fieldErrors?.code ?? state.error;
  return (
    <form key={useAnswerKey(state)} action={formAction} noValidate aria-label="Verify with your authenticator app">
      <FormMessages state={{ error }} errorFor="code" />
      <Field name="code" label="Code from your authenticator app" hint={`The ${digits}-digit code the app shows now for “${issuer}”.`}>
        <CodeInput id="code" digits={digits} error={Boolean(error)} />
      </Field>
      <SubmitButton label="Verify" pendingLabel="Checking…" />
    </form>
  );
}
