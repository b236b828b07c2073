'use client';
import { useActionState } from 'react';
import { turnOnAction } from '../../../../actions/setup.ts';
import { FormMessages } from '../../../../components/form-messages.tsx';
import { SubmitButton } from '../../../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../../../lib/form-state.ts';
import styles from '../setup.module.css';

export function ConditionsForm() {
  const [state, action] = useActionState(turnOnAction, EMPTY_FORM);
  const error = state.fieldErrors?.accept;
  return (
    <form action={action} noValidate>
      <FormMessages state={state} />
      <h2 id="conditions-heading">Before you turn it on</h2>
      <p>
        After you turn on two-step verification, there is no way for anyone to access and manage your account other than with your password,
        verification codes sent to your trusted devices, or your Recovery Key.
      </p>
      <ul className={styles.conditions} aria-labelledby="conditions-heading" data-testid="conditions">
        <li>Support cannot reset your password, manage your trusted devices or create a new Recovery Key for you.</li>
        <li>
          You are responsible for remembering your password, keeping your trusted devices physically secure and keeping your Recovery Key in
          a safe place.
        </li>
        <li>If you lose access to two of these three at the same time, you could be locked out of your account for good.</li>
        <li>Your security questions are deleted, and every other browser signed in to your account is signed out.</li>
      </ul>
      <div className={styles.acceptField}>
        <label className={styles.accept} htmlFor="accept">
          <input
            type="checkbox"
            id="accept"
            name="accept"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'accept-error' : undefined}
          />
          <span>I understand these conditions.</span>
        </label>
        {error ? (
          <p className="field-error" id="accept-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <SubmitButton label="Turn On Two-Step Verification" pendingLabel="Turning on…" />
    </form>
  );
}
