'use client';
import { useActionState } from 'react';
import { staffSignInAction } from '../../actions/support.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages, useKeptValues } from '../../components/form-messages.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';

export function StaffSignInForm() {
  const [state, action] = useActionState(staffSignInAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label="Support sign in">
      <FormMessages state={state} />
      <Field name="email" label="Staff email" error={e.email}>
        <input type="email" autoComplete="username" defaultValue={kept.values.email} {...errorProps('email', e.email)} />
      </Field>
      <Field name="password" label="Password" error={e.password}>
        <input type="password" autoComplete="current-password" {...errorProps('password', e.password)} />
      </Field>
      <SubmitButton label="Sign In" pendingLabel="Signing in…" />
    </form>
  );
}
