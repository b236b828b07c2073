'use client';
import { useActionState } from 'react';
import { answerQuestionsAction } from '../../actions/security.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages } from '../../components/form-messages.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';

export function QuestionsGate({ questions, locked }: { questions: Array<{ position: number; text: string }>; locked: string | null }) {
  const [state, action] = useActionState(answerQuestionsAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      <FormMessages state={locked && !state.error ? { error: locked } : state} />
      {questions.map((q, i) => (
        <Field key={q.position} name={`answer${i + 1}`} label={q.text} error={e[`answer${i + 1}`]}>
          <input type="text" autoComplete="off" {...errorProps(`answer${i + 1}`, e[`answer${i + 1}`])} />
        </Field>
      ))}
      <SubmitButton label="Continue" pendingLabel="Checking…" />
    </form>
  );
}
