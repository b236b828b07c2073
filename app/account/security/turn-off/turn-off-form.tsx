'use client';
// Turn Off: three new security questions and the birth date on file, then off.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { turnOffAction } from '../../../actions/two-step.ts';
import { FormMessages, useKeptValues } from '../../../components/form-messages.tsx';
import { SubmitButton } from '../../../components/submit-button.tsx';
import { BirthDateFields, SecurityQuestionFields } from '../../../components/account-fields.tsx';
import { EMPTY_FORM } from '../../../lib/form-state.ts';

export function TurnOffForm() {
  const [state, action] = useActionState(turnOffAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  const t = useTranslations('clientSecurity.turnOff');
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label={t('form')}>
      <FormMessages state={state} />
      <h2>{t('questionsHeading')}</h2>
      <p className="muted small">{t('questionsWhy')}</p>
      <SecurityQuestionFields errors={e} values={kept.values} />
      <h2>{t('birthHeading')}</h2>
      <BirthDateFields error={e.birthDate} values={kept.values} />
      <SubmitButton label={t('submit')} pendingLabel={t('turningOff')} className="button danger" />
    </form>
  );
}
