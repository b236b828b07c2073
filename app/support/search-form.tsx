'use client';
import { useActionState } from 'react';
import { findAccountAction } from '../actions/support.ts';
import { Field, errorProps } from '../components/field.tsx';
import { FormMessages, useKeptValues } from '../components/form-messages.tsx';
import { SubmitButton } from '../components/submit-button.tsx';
import { EMPTY_FORM } from '../lib/form-state.ts';

export function SearchForm() {
  const [state, action] = useActionState(findAccountAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label="Find an account">
      <FormMessages state={state} />
      <Field name="appleId" label="Apple ID" error={e.appleId}>
        <input
          type="email"
          autoComplete="off"
          spellCheck={false}
          defaultValue={kept.values.appleId}
          {...errorProps('appleId', e.appleId)}
        />
      </Field>
      <SubmitButton label="Find" pendingLabel="Finding…" />
    </form>
  );
}
