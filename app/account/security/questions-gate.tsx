'use client';
import { useActionState } from 'react';
import { answerQuestionsAction } from '../../actions/security.ts';
import { AnswerFields } from '../../components/account-fields.tsx';
import { FormMessages } from '../../components/form-messages.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';

export function QuestionsGate({ questions, locked }: { questions: Array<{ position: number; text: string }>; locked: string | null }) {
  const [state, action] = useActionState(answerQuestionsAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      <FormMessages state={locked && !state.error ? { error: locked } : state} />
      <AnswerFields questions={questions.map((q) => q.text)} errors={e} />
      <SubmitButton label="Continue" pendingLabel="Checking…" />
    </form>
  );
}
