'use client';
import { useActionState } from 'react';
import { completePasswordResetAction } from '../actions/password-reset.ts';
import { Field, errorProps } from '../components/field.tsx';
import { EMPTY_FORM } from '../lib/form-state.ts';
import { SubmitButton } from '../components/submit-button.tsx';

/** `questions`: the texts of the two questions this link asks, in order. */
export function ResetForm(props: { questions: string[] }) {
  const [state, action] = useActionState(completePasswordResetAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      {props.questions.map((text, i) => {
        const name = `answer${i + 1}`;
        return (
          <Field key={name} name={name} label={text} error={e[name]}>
            <input type="text" autoComplete="off" spellCheck={false} {...errorProps(name, e[name])} />
          </Field>
        );
      })}
      <Field name="password" label="New password" error={e.password} hint="At least 8 characters. Spaces and any characters are fine; common passwords are refused.">
        <input type="password" autoComplete="new-password" {...errorProps('password', e.password)} />
      </Field>
      <Field name="confirmPassword" label="Confirm new password" error={e.confirmPassword}>
        <input type="password" autoComplete="new-password" {...errorProps('confirmPassword', e.confirmPassword)} />
      </Field>
      <SubmitButton label="Reset Password" pendingLabel="Resetting…" />
    </form>
  );
}
