'use client';
// Its sentences come from the page (the server's catalogue), so this form carries none of its own.
import { useActionState } from 'react';
import { enterSupportPinAction } from '../../actions/support.ts';
import { Field } from '../../components/field.tsx';
import { FormMessages, useAnswerKey } from '../../components/form-messages.tsx';
import { CodeInput } from '../../components/code-input.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';

export interface PinFormText {
  form: string;
  label: string;
  /** Says how many digits (SUPPORT_PIN_DIGITS, the `digits` given). */
  hint: string;
  submit: string;
  pending: string;
}

export function PinForm({ digits, text }: { digits: number; text: PinFormText }) {
  const [state, action] = useActionState(enterSupportPinAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form key={useAnswerKey(state)} action={action} noValidate aria-label={text.form}>
      <FormMessages state={state} />
      <Field name="pin" label={text.label} error={e.pin} hint={text.hint}>
        <CodeInput id="pin" name="pin" digits={digits} autoComplete="off" error={Boolean(e.pin)} />
      </Field>
      <SubmitButton label={text.submit} pendingLabel={text.pending} />
    </form>
  );
}
