'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { signInAction } from '../actions/account.ts';
import { Field, errorProps } from '../components/field.tsx';
import { EMPTY_FORM } from '../lib/form-state.ts';
import { SubmitButton } from '../components/submit-button.tsx';
import { FormMessages, useKeptValues } from '../components/form-messages.tsx';
import { TimeZoneField } from '../components/time-zone-field.tsx';

/** `interaction`: the app's sign-in this one serves; `appleId`: filled in when a signed-in holder is asked for the password again. */
export function SignInForm({ interaction, appleId }: { interaction: string | null; appleId?: string }) {
  const t = useTranslations('clientForms');
  const [state, action] = useActionState(signInAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate>
      <FormMessages state={state} />
      {interaction ? <input type="hidden" name="interaction" value={interaction} /> : null}
      <TimeZoneField />
      <Field name="appleId" label={t('appleId')} error={e.appleId}>
        <input type="email" autoComplete="username" defaultValue={kept.values.appleId ?? appleId} {...errorProps('appleId', e.appleId)} />
      </Field>
      <Field name="password" label={t('password')} error={e.password}>
        <input type="password" autoComplete="current-password" {...errorProps('password', e.password)} />
      </Field>
      <SubmitButton label={t('signIn.submit')} pendingLabel={t('signIn.pending')} />
    </form>
  );
}
