'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { answerQuestionsAction } from '../../actions/security.ts';
import { AnswerFields } from '../../components/account-fields.tsx';
import { FormMessages, useKeptValues } from '../../components/form-messages.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';

export function QuestionsGate({ questions, locked }: { questions: Array<{ position: number; text: string }>; locked: string | null }) {
  const [state, action] = useActionState(answerQuestionsAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  const t = useTranslations('clientSecurity.gate');
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate>
      <FormMessages state={locked && !state.error ? { error: locked } : state} />
      <AnswerFields questions={questions.map((q) => q.text)} errors={e} values={kept.values} />
      <SubmitButton label={t('continue')} pendingLabel={t('checking')} />
    </form>
  );
}
