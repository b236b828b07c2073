'use client';
import { useActionState } from 'react';
import { signInAction } from '../actions/account.ts';
import { Field, errorProps } from '../components/field.tsx';
import { EMPTY_FORM } from '../lib/form-state.ts';
import { SubmitButton } from '../components/submit-button.tsx';
import { FormMessages } from '../components/form-messages.tsx';

export function SignInForm() {
  const [state, action] = useActionState(signInAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      <FormMessages state={state} />
      <Field name="appleId" label="Apple ID" error={e.appleId}>
        <input type="email" autoComplete="username" defaultValue={state.values?.appleId} {...errorProps('appleId', e.appleId)} />
      </Field>
      <Field name="password" label="Password" error={e.password}>
        <input type="password" autoComplete="current-password" {...errorProps('password', e.password)} />
      </Field>
      <SubmitButton label="Sign In" pendingLabel="Signing in…" />
    </form>
  );
}
