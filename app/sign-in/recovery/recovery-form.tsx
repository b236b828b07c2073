'use client';
import { useActionState } from 'react';
import { signInWithRecoveryKeyAction } from '../../actions/sign-in-code.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages, useKeptValues } from '../../components/form-messages.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';
import { RECOVERY_KEY_LENGTH } from '@/src/recovery-key/key-length.ts';

export function RecoveryKeyForm() {
  const [state, action] = useActionState(signInWithRecoveryKeyAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate>
      <FormMessages state={state} errorFor="recoveryKey" />
      <Field
        name="recoveryKey"
        label="Recovery Key"
        hint={`The ${RECOVERY_KEY_LENGTH} characters you printed when you turned on two-step verification. Spaces and dashes don't matter.`}
      >
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          defaultValue={kept.values.recoveryKey}
          {...errorProps('recoveryKey', state.error)}
        />
      </Field>
      <SubmitButton label="Continue" pendingLabel="Checking…" />
    </form>
  );
}
