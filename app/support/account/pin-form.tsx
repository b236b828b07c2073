'use client';
import { useActionState } from 'react';
import { enterSupportPinAction } from '../../actions/support.ts';
import { Field } from '../../components/field.tsx';
import { FormMessages, useAnswerKey } from '../../components/form-messages.tsx';
import { CodeInput } from '../../components/code-input.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';

export function PinForm({ digits }: { digits: number }) {
  const [state, action] = useActionState(enterSupportPinAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form key={useAnswerKey(state)} action={action} noValidate aria-label="Enter the support PIN">
      <FormMessages state={state} />
      <Field name="pin" label="Support PIN" error={e.pin} hint={`The ${digits}-digit PIN the holder reads to you from their account page.`}>
        <CodeInput id="pin" name="pin" digits={digits} autoComplete="off" error={Boolean(e.pin)} />
      </Field>
      <SubmitButton label="Show Details" pendingLabel="Checking…" />
    </form>
  );
}
