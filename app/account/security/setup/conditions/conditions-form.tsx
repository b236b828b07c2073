'use client';
import { useActionState, type ReactNode } from 'react';
import { turnOnAction } from '../../../../actions/setup.ts';
import { FormMessages } from '../../../../components/form-messages.tsx';
import { SubmitButton } from '../../../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../../../lib/form-state.ts';
import styles from '../setup.module.css';

/** The conditions come from the page (the server's catalogue), with the sentences of the form's own controls. */
export function ConditionsForm({ children, text }: { children: ReactNode; text: { accept: string; turnOn: string; turningOn: string } }) {
  const [state, action] = useActionState(turnOnAction, EMPTY_FORM);
  const error = state.fieldErrors?.accept;
  return (
    <form action={action} noValidate>
      <FormMessages state={state} />
      {children}
      <div className={styles.acceptField}>
        <label className={styles.accept} htmlFor="accept">
          <input
            type="checkbox"
            id="accept"
            name="accept"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'accept-error' : undefined}
          />
          <span>{text.accept}</span>
        </label>
        {error ? (
          <p className="field-error" id="accept-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <SubmitButton label={text.turnOn} pendingLabel={text.turningOn} />
    </form>
  );
}
