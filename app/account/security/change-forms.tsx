'use client';
// The four changes of the Password and Security page. Each is a significant change: the form
// says so before it is sent, since it pauses two-step setup (WAITING_PERIOD_MS).
import { useActionState } from 'react';
import { changeBirthDateAction, changePasswordAction, changeQuestionsAction, changeRescueEmailAction } from '../../actions/security.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages, useKeptValues } from '../../components/form-messages.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';
import { BirthDateFields, NewPasswordFields, SecurityQuestionFields } from '../../components/account-fields.tsx';
// Pure modules (no server code), so this client form can name the rule itself.
import { durationText } from '@/src/clock.ts';
import { WAITING_PERIOD_MS } from '@/src/eligibility/eligibility.ts';

const PAUSE = `Changing this pauses two-step verification setup for ${durationText(WAITING_PERIOD_MS)}.`;

export function ChangePasswordForm({ twoStepOn }: { twoStepOn: boolean }) {
  const [state, action] = useActionState(changePasswordAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label="Change password">
      <FormMessages state={state} />
      <Field name="currentPassword" label="Current password" error={e.currentPassword}>
        <input type="password" autoComplete="current-password" {...errorProps('currentPassword', e.currentPassword)} />
      </Field>
      <NewPasswordFields errors={e} label="New password" />
      <p className="small muted">
        {twoStepOn ? '' : `${PAUSE} `}Other browsers and devices will be signed out, and app-specific passwords revoked.
      </p>
      <SubmitButton label="Change Password" pendingLabel="Changing…" />
    </form>
  );
}

export function ChangeQuestionsForm() {
  const [state, action] = useActionState(changeQuestionsAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label="Change security questions">
      <FormMessages state={state} />
      <SecurityQuestionFields errors={e} values={kept.values} />
      <p className="small muted">{PAUSE}</p>
      <SubmitButton label="Change Questions" pendingLabel="Changing…" />
    </form>
  );
}

export function RescueEmailForm({ current }: { current: string | null }) {
  const [state, action] = useActionState(changeRescueEmailAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label="Change rescue email">
      <FormMessages state={state} />
      <Field
        name="rescueEmail"
        label="New rescue email"
        error={e.rescueEmail}
        hint={current ? 'Leave it empty to remove your rescue email.' : undefined}
      >
        <input type="email" autoComplete="email" defaultValue={kept.values.rescueEmail} {...errorProps('rescueEmail', e.rescueEmail)} />
      </Field>
      <p className="small muted">{PAUSE} We tell both the old and the new address.</p>
      <SubmitButton label="Save Rescue Email" pendingLabel="Saving…" />
    </form>
  );
}

export function BirthDateForm() {
  const [state, action] = useActionState(changeBirthDateAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label="Change birth date">
      <FormMessages state={state} />
      <BirthDateFields error={e.birthDate} values={kept.values} />
      <p className="small muted">{PAUSE}</p>
      <SubmitButton label="Save Birth Date" pendingLabel="Saving…" />
    </form>
  );
}
