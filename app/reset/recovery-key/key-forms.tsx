'use client';
// The forms of the Recovery Key reset (two-step on): Apple ID + Recovery Key; then, after the code
// step (app/components/code-step.tsx), the new password.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { completeKeyResetAction, startKeyResetAction } from '../../actions/password-reset.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages, useKeptValues } from '../../components/form-messages.tsx';
import { NewPasswordFields } from '../../components/account-fields.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';
import { RECOVERY_KEY_LENGTH } from '@/src/recovery-key/key-length.ts';

export function RecoveryKeyForm() {
  const t = useTranslations('clientForms');
  const [state, action] = useActionState(startKeyResetAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label={t('reset.startForm')}>
      <FormMessages state={state} errorFor={e.appleId || e.recoveryKey ? undefined : 'recoveryKey'} />
      <Field name="appleId" label={t('appleId')} error={e.appleId}>
        <input type="email" autoComplete="username" defaultValue={kept.values.appleId} {...errorProps('appleId', e.appleId)} />
      </Field>
      <Field
        name="recoveryKey"
        label={t('recoveryKey')}
        error={e.recoveryKey}
        hint={t('reset.recoveryKeyHint', { length: RECOVERY_KEY_LENGTH })}
      >
        <input
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={kept.values.recoveryKey}
          {...errorProps('recoveryKey', e.recoveryKey ?? state.error)}
        />
      </Field>
      <SubmitButton label={t('continue')} pendingLabel={t('checking')} />
    </form>
  );
}

export function NewPasswordForm() {
  const t = useTranslations('clientForms');
  const [state, action] = useActionState(completeKeyResetAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label={t('reset.newPasswordForm')}>
      <FormMessages state={state} />
      <NewPasswordFields errors={e} label={t('newPassword')} />
      <p className="small muted">{t('reset.signsOutEverywhere')}</p>
      <SubmitButton label={t('resetPassword')} pendingLabel={t('resetting')} />
    </form>
  );
}
