'use client';
import { useActionState } from 'react';
import { confirmRecoveryKeyAction } from '../../../../actions/setup.ts';
import { Field, errorProps } from '../../../../components/field.tsx';
import { FormMessages, useKeptValues } from '../../../../components/form-messages.tsx';
import { SubmitButton } from '../../../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../../../lib/form-state.ts';
import styles from '../setup.module.css';

/** The form's sentences come from the page (the server's catalogue). */
export function ConfirmKeyForm({ text }: { text: { label: string; hint: string; confirm: string; checking: string } }) {
  const [state, action] = useActionState(confirmRecoveryKeyAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const error = state.fieldErrors?.recoveryKey;
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate>
      <FormMessages state={state} />
      <Field name="recoveryKey" label={text.label} error={error} hint={text.hint}>
        <input
          type="text"
          defaultValue={kept.values.recoveryKey}
          {...errorProps('recoveryKey', error)}
          className={styles.keyInput}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={64}
          required
        />
      </Field>
      <SubmitButton label={text.confirm} pendingLabel={text.checking} />
    </form>
  );
}
