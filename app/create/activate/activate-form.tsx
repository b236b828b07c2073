'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { activateAccountAction } from '../../actions/sign-up.ts';
import { FormMessages, useKeptValues } from '../../components/form-messages.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';
import { SubmitButton } from '../../components/submit-button.tsx';

export function ActivateForm(props: { appleId: string }) {
  const t = useTranslations('clientForms.activate');
  const [state, action] = useActionState(activateAccountAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} className="panel" noValidate>
      <FormMessages state={state} />
      <p className="lead">{t.rich('confirms', { appleId: props.appleId, strong: (text) => <strong>{text}</strong> })}</p>
      <p className="muted small">{t('notYou')}</p>
      <SubmitButton label={t('submit')} pendingLabel={t('pending')} />
    </form>
  );
}
