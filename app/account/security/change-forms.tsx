'use client';
// The four changes of the Password and Security page. Each is a significant change: the form
// says so before it is sent, since it pauses two-step setup for 3 days.
import { useActionState } from 'react';
import { changeBirthDateAction, changePasswordAction, changeQuestionsAction, changeRescueEmailAction } from '../../actions/security.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages } from '../../components/form-messages.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';
import { SECURITY_QUESTIONS } from '@/src/accounts/security-questions.ts';

const PAUSE = 'Changing this pauses two-step verification setup for 3 days.';

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate aria-label="Change password">
      <FormMessages state={state} />
      <Field name="currentPassword" label="Current password" error={e.currentPassword}>
        <input type="password" autoComplete="current-password" {...errorProps('currentPassword', e.currentPassword)} />
      </Field>
      <div className="grid-2">
        <Field name="password" label="New password" error={e.password} hint="At least 8 characters.">
          <input type="password" autoComplete="new-password" {...errorProps('password', e.password)} />
        </Field>
        <Field name="confirmPassword" label="Confirm new password" error={e.confirmPassword}>
          <input type="password" autoComplete="new-password" {...errorProps('confirmPassword', e.confirmPassword)} />
        </Field>
      </div>
      <p className="small muted">{PAUSE} Other browsers and devices will be signed out.</p>
      <SubmitButton label="Change Password" pendingLabel="Changing…" />
    </form>
  );
}

export function ChangeQuestionsForm() {
  const [state, action] = useActionState(changeQuestionsAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <form action={action} noValidate aria-label="Change security questions">
      <FormMessages state={state} />
      {[1, 2, 3].map((n) => (
        <fieldset key={n}>
          <legend>Question {n}</legend>
          <Field name={`question${n}`} label="Question" error={e[`question${n}`]}>
            <select defaultValue={state.done ? '' : (v[`question${n}`] ?? '')} {...errorProps(`question${n}`, e[`question${n}`])}>
              <option value="" disabled>
                Choose a question
              </option>
              {SECURITY_QUESTIONS.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.text}
                </option>
              ))}
            </select>
          </Field>
          <Field name={`answer${n}`} label="Answer" error={e[`answer${n}`]}>
            <input type="text" autoComplete="off" {...errorProps(`answer${n}`, e[`answer${n}`])} />
          </Field>
        </fieldset>
      ))}
      <p className="small muted">{PAUSE}</p>
      <SubmitButton label="Change Questions" pendingLabel="Changing…" />
    </form>
  );
}

export function RescueEmailForm({ current }: { current: string | null }) {
  const [state, action] = useActionState(changeRescueEmailAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate aria-label="Change rescue email">
      <FormMessages state={state} />
      <Field name="rescueEmail" label="New rescue email" error={e.rescueEmail} hint={current ? 'Leave it empty to remove your rescue email.' : undefined}>
        <input type="email" autoComplete="email" defaultValue={state.done ? '' : state.values?.rescueEmail} {...errorProps('rescueEmail', e.rescueEmail)} />
      </Field>
      <p className="small muted">{PAUSE} We tell both the old and the new address.</p>
      <SubmitButton label="Save Rescue Email" pendingLabel="Saving…" />
    </form>
  );
}

export function BirthDateForm() {
  const [state, action] = useActionState(changeBirthDateAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate aria-label="Change birth date">
      <FormMessages state={state} />
      <Field name="birthDate" label="Birth date" error={e.birthDate}>
        <input type="date" defaultValue={state.done ? '' : state.values?.birthDate} {...errorProps('birthDate', e.birthDate)} />
      </Field>
      <p className="small muted">{PAUSE}</p>
      <SubmitButton label="Save Birth Date" pendingLabel="Saving…" />
    </form>
  );
}
