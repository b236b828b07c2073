'use client';
// The four changes of the Password and Security page. Each is a significant change: the form
// says so before it is sent, since it pauses two-step setup (WAITING_PERIOD_MS).
import { useActionState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { changeBirthDateAction, changePasswordAction, changeQuestionsAction, changeRescueEmailAction } from '../../actions/security.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages, useKeptValues } from '../../components/form-messages.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';
import { BirthDateFields, NewPasswordFields, SecurityQuestionFields } from '../../components/account-fields.tsx';
// Pure modules (no server code), so this client form can name the rule itself, in the page's language.
import { durationIn } from '@/src/i18n/durations.ts';
import { WAITING_PERIOD_MS } from '@/src/eligibility/eligibility.ts';

/** What every one of these changes does to two-step setup, said before the change is sent; it comes before another sentence. */
function usePause(): string {
  const t = useTranslations('clientSecurity.forms');
  const locale = useLocale();
  // Japanese sentences end with their own full stop and take no space between them.
  return `${t('pause', { wait: durationIn(locale, WAITING_PERIOD_MS) })}${locale === 'ja' ? '' : ' '}`;
}

export function ChangePasswordForm({ twoStepOn }: { twoStepOn: boolean }) {
  const [state, action] = useActionState(changePasswordAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  const t = useTranslations('clientSecurity.forms');
  const pause = usePause();
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label={t('passwordForm')}>
      <FormMessages state={state} />
      <Field name="currentPassword" label={t('currentPassword')} error={e.currentPassword}>
        <input type="password" autoComplete="current-password" {...errorProps('currentPassword', e.currentPassword)} />
      </Field>
      <NewPasswordFields errors={e} label={t('newPassword')} />
      <p className="small muted">
        {twoStepOn ? '' : pause}
        {t('signedOut')}
      </p>
      <SubmitButton label={t('changePassword')} pendingLabel={t('changing')} />
    </form>
  );
}

export function ChangeQuestionsForm() {
  const [state, action] = useActionState(changeQuestionsAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  const t = useTranslations('clientSecurity.forms');
  const pause = usePause();
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label={t('questionsForm')}>
      <FormMessages state={state} />
      <SecurityQuestionFields errors={e} values={kept.values} />
      <p className="small muted">{pause.trim()}</p>
      <SubmitButton label={t('changeQuestions')} pendingLabel={t('changing')} />
    </form>
  );
}

export function RescueEmailForm({ current }: { current: string | null }) {
  const [state, action] = useActionState(changeRescueEmailAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  const t = useTranslations('clientSecurity.forms');
  const pause = usePause();
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label={t('rescueForm')}>
      <FormMessages state={state} />
      <Field name="rescueEmail" label={t('newRescue')} error={e.rescueEmail} hint={current ? t('rescueEmptyRemoves') : undefined}>
        <input type="email" autoComplete="email" defaultValue={kept.values.rescueEmail} {...errorProps('rescueEmail', e.rescueEmail)} />
      </Field>
      <p className="small muted">
        {pause}
        {t('bothTold')}
      </p>
      <SubmitButton label={t('saveRescue')} pendingLabel={t('saving')} />
    </form>
  );
}

export function BirthDateForm() {
  const [state, action] = useActionState(changeBirthDateAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  const t = useTranslations('clientSecurity.forms');
  const pause = usePause();
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label={t('birthForm')}>
      <FormMessages state={state} />
      <BirthDateFields error={e.birthDate} values={kept.values} />
      <p className="small muted">{pause.trim()}</p>
      <SubmitButton label={t('saveBirth')} pendingLabel={t('saving')} />
    </form>
  );
}
