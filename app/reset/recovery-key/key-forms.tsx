'use client';
// The forms of the Recovery Key reset (two-step on): Apple ID + Recovery Key; then, after the code
// step (app/components/code-step.tsx), the new password.
import { useActionState } from 'react';
import { completeKeyResetAction, startKeyResetAction } from '../../actions/password-reset.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages, useKeptValues } from '../../components/form-messages.tsx';
import { NewPasswordFields } from '../../components/account-fields.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';
import { RECOVERY_KEY_LENGTH } from '@/src/recovery-key/key-length.ts';

export function RecoveryKeyForm() {
  const [state, action] = useActionState(startKeyResetAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label="Start the reset">
      <FormMessages state={state} errorFor={e.appleId || e.recoveryKey ? undefined : 'recoveryKey'} />
      <Field name="appleId" label="Apple ID" error={e.appleId}>
        <input type="email" autoComplete="username" defaultValue={kept.values.appleId} {...errorProps('appleId', e.appleId)} />
      </Field>
      <Field
        name="recoveryKey"
        label="Recovery Key"
        error={e.recoveryKey}
        hint={`The ${RECOVERY_KEY_LENGTH} characters on your printed key. Spaces, dashes and case don't matter.`}
      >
        <input
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={kept.values.recoveryKey}
          {...errorProps('recoveryKey', e.recoveryKey ?? state.error)}
        />
      </Field>
      <SubmitButton label="Continue" pendingLabel="Checking…" />
    </form>
  );
}

export function NewPasswordForm() {
  const [state, action] = useActionState(completeKeyResetAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label="Choose a new password">
      <FormMessages state={state} />
      <NewPasswordFields errors={e} label="New password" />
      <p className="small muted">Every browser signed in to your account will be signed out, and app-specific passwords revoked.</p>
      <SubmitButton label="Reset Password" pendingLabel="Resetting…" />
    </form>
  );
}
