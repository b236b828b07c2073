'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { completePasswordResetAction } from '../actions/password-reset.ts';
import { FormMessages, useKeptValues } from '../components/form-messages.tsx';
import { AnswerFields, NewPasswordFields } from '../components/account-fields.tsx';
import { EMPTY_FORM } from '../lib/form-state.ts';
import { SubmitButton } from '../components/submit-button.tsx';

/** `questions`: the texts of the two questions this link asks, in order. */
export function ResetForm(props: { questions: string[] }) {
  const t = useTranslations('clientForms');
  const [state, action] = useActionState(completePasswordResetAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate>
      <FormMessages state={state} />
      <AnswerFields questions={props.questions} errors={e} values={kept.values} />
      <NewPasswordFields errors={e} label={t('newPassword')} />
      <SubmitButton label={t('resetPassword')} pendingLabel={t('resetting')} />
    </form>
  );
}
