'use client';
// Turn Off: three new security questions and the birth date on file, then off.
import { useActionState } from 'react';
import { turnOffAction } from '../../../actions/two-step.ts';
import { FormMessages, useKeptValues } from '../../../components/form-messages.tsx';
import { SubmitButton } from '../../../components/submit-button.tsx';
import { BirthDateFields, SecurityQuestionFields } from '../../../components/account-fields.tsx';
import { EMPTY_FORM } from '../../../lib/form-state.ts';

export function TurnOffForm() {
  const [state, action] = useActionState(turnOffAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label="Turn off two-step verification">
      <FormMessages state={state} />
      <h2>New Security Questions</h2>
      <p className="muted small">Without two-step verification, these questions protect your account settings and your password reset.</p>
      <SecurityQuestionFields errors={e} values={kept.values} />
      <h2>Confirm Your Birth Date</h2>
      <BirthDateFields error={e.birthDate} values={kept.values} />
      <SubmitButton label="Turn Off Two-Step Verification" pendingLabel="Turning off…" className="button danger" />
    </form>
  );
}
