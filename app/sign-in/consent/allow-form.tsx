'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { cancelUrl } from '@/src/oidc/paths.ts';
import { FormMessages } from '../../components/form-messages.tsx';
import { PendingButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM, type FormState } from '../../lib/form-state.ts';

/** Allow or Don't Allow. Allow is the action; Don't Allow goes back to the app through the bridge (a plain link). */
export function AllowForm({
  interaction,
  appName,
  allow,
}: {
  interaction: string;
  appName: string;
  allow: (prev: FormState) => Promise<FormState>;
}) {
  const t = useTranslations('clientForms.consent');
  const [state, action] = useActionState<FormState>(allow, EMPTY_FORM);
  return (
    <form action={action} aria-label={t('form', { appName })}>
      <FormMessages state={state} />
      <div className="actions">
        <PendingButton label={t('allow')} pendingLabel={t('allowing')} />
        <a className="button secondary" href={cancelUrl(interaction)}>
          {t('dontAllow')}
        </a>
      </div>
    </form>
  );
}
