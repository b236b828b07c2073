'use client';
// Its sentences come from the page (the server's catalogue), so this form carries none of its own.
import { useActionState } from 'react';
import { staffSignInAction } from '../../actions/support.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages, useKeptValues } from '../../components/form-messages.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';

export interface StaffSignInText {
  form: string;
  email: string;
  password: string;
  submit: string;
  submitting: string;
}

export function StaffSignInForm({ text }: { text: StaffSignInText }) {
  const [state, action] = useActionState(staffSignInAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label={text.form}>
      <FormMessages state={state} />
      <Field name="email" label={text.email} error={e.email}>
        <input type="email" autoComplete="username" defaultValue={kept.values.email} {...errorProps('email', e.email)} />
      </Field>
      <Field name="password" label={text.password} error={e.password}>
        <input type="password" autoComplete="current-password" {...errorProps('password', e.password)} />
      </Field>
      <SubmitButton label={text.submit} pendingLabel={text.submitting} />
    </form>
  );
}
