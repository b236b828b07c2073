'use client';
// A staff member's authenticator app in the browser: starting one (the setup page then shows its
// key), and its code, the first one at setup (it makes the app theirs) and one at every sign-in
// after the password. A right code opens the console.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessages, useAnswerKey } from '../../components/form-messages.tsx';
import { CodeForm } from '../../components/code-form.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM, type FormState } from '../../lib/form-state.ts';

type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

export function StartAppForm({ again, start }: { again: boolean; start: FormAction }) {
  const t = useTranslations('clientStaffFactors.app');
  const [state, action] = useActionState(start, EMPTY_FORM);
  return (
    <form action={action} aria-label={t('startForm')}>
      <FormMessages state={state} />
      <SubmitButton
        label={again ? t('startAgain') : t('start')}
        pendingLabel={t('making')}
        className={again ? 'button secondary' : undefined}
      />
    </form>
  );
}

export function StaffCodeForm({ action, digits, issuer }: { action: FormAction; digits: number; issuer: string }) {
  const t = useTranslations('clientStaffFactors.app');
  const [state, formAction] = useActionState(action, EMPTY_FORM);
  return (
    <CodeForm
      key={useAnswerKey(state)}
      action={formAction}
      error={state.fieldErrors?.code ?? state.error}
      label={t('codeLabel')}
      hint={t('codeHint', { digits, issuer })}
      digits={digits}
      verifyLabel={t('verify')}
      ariaLabel={t('verifyForm')}
    />
  );
}
