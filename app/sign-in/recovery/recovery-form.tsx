'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { signInWithRecoveryKeyAction } from '../../actions/sign-in-code.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages, useKeptValues } from '../../components/form-messages.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';
import { RECOVERY_KEY_LENGTH } from '@/src/recovery-key/key-length.ts';

export function RecoveryKeyForm() {
  const t = useTranslations('clientForms');
  const [state, action] = useActionState(signInWithRecoveryKeyAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate>
      <FormMessages state={state} errorFor="recoveryKey" />
      <Field name="recoveryKey" label={t('recoveryKey')} hint={t('signIn.recoveryKeyHint', { length: RECOVERY_KEY_LENGTH })}>
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          defaultValue={kept.values.recoveryKey}
          {...errorProps('recoveryKey', state.error)}
        />
      </Field>
      <SubmitButton label={t('continue')} pendingLabel={t('checking')} />
    </form>
  );
}
