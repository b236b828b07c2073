'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { requestPasswordResetAction, type ForgotState } from '../actions/password-reset.ts';
import { Field, errorProps } from '../components/field.tsx';
import { SubmitButton } from '../components/submit-button.tsx';
import { ChangedNotice } from '../components/focus-on-mount.tsx';
import { FormMessages, useKeptValues } from '../components/form-messages.tsx';

const EMPTY: ForgotState = {};

export function ForgotForm() {
  const t = useTranslations('clientForms');
  const [state, action] = useActionState(requestPasswordResetAction, EMPTY);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  if (state.done) {
    return (
      // The form is gone: focus goes to what took its place, and the live region says it.
      <ChangedNotice testId="forgot-sent">
        <p className="notice">{state.notice}</p>
        <p className="small">{t.rich('forgot.twoStepOn', { link: (text) => <Link href="/reset/recovery-key">{text}</Link> })}</p>
      </ChangedNotice>
    );
  }
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate>
      <FormMessages state={state} />
      <Field name="appleId" label={t('appleId')} error={e.appleId}>
        <input type="email" autoComplete="username" defaultValue={kept.values.appleId} {...errorProps('appleId', e.appleId)} />
      </Field>
      <SubmitButton label={t('continue')} pendingLabel={t('sending')} />
    </form>
  );
}
