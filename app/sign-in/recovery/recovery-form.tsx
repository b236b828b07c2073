'use client';
import { useActionState } from 'react';
import { signInWithRecoveryKeyAction } from '../../actions/sign-in-code.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages } from '../../components/form-messages.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';

export function RecoveryKeyForm() {
  const [state, action] = useActionState(signInWithRecoveryKeyAction, EMPTY_FORM);
  return (
    <form action={action} noValidate>
      <FormMessages state={state} />
      <Field name="recoveryKey" label="Recovery Key" hint="The 14 characters you printed when you turned on two-step verification. Spaces and dashes don't matter.">
        <input type="text" autoComplete="off" spellCheck={false} autoCapitalize="characters" {...errorProps('recoveryKey')} />
      </Field>
      <SubmitButton label="Continue" pendingLabel="Checking…" />
    </form>
  );
}
