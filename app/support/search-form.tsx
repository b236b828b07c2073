'use client';
import { useActionState } from 'react';
import { findAccountAction } from '../actions/support.ts';
import { Field, errorProps } from '../components/field.tsx';
import { FormMessages } from '../components/form-messages.tsx';
import { SubmitButton } from '../components/submit-button.tsx';
import { EMPTY_FORM } from '../lib/form-state.ts';

export function SearchForm() {
  const [state, action] = useActionState(findAccountAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate aria-label="Find an account">
      <FormMessages state={state} />
      <Field name="appleId" label="Apple ID" error={e.appleId}>
        <input type="email" autoComplete="off" spellCheck={false} defaultValue={state.values?.appleId} {...errorProps('appleId', e.appleId)} />
      </Field>
      <SubmitButton label="Find" pendingLabel="Finding…" />
    </form>
  );
}
