'use client';
// Its sentences come from the page (the server's catalogue), so this form carries none of its own.
import { useActionState } from 'react';
import { findAccountAction } from '../actions/support.ts';
import { Field, errorProps } from '../components/field.tsx';
import { FormMessages, useKeptValues } from '../components/form-messages.tsx';
import { SubmitButton } from '../components/submit-button.tsx';
import { EMPTY_FORM } from '../lib/form-state.ts';

export function SearchForm({ text }: { text: { form: string; appleId: string; find: string; finding: string } }) {
  const [state, action] = useActionState(findAccountAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label={text.form}>
      <FormMessages state={state} />
      <Field name="appleId" label={text.appleId} error={e.appleId}>
        <input
          type="email"
          autoComplete="off"
          spellCheck={false}
          defaultValue={kept.values.appleId}
          {...errorProps('appleId', e.appleId)}
        />
      </Field>
      <SubmitButton label={text.find} pendingLabel={text.finding} />
    </form>
  );
}
