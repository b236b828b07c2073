'use client';
// The two forms of adding an authenticator app: its name (which makes the secret), then the code
// it shows (which makes it trusted, through the Trusted Devices page's confirm action).
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { startAuthenticatorAppAction } from './actions.ts';
import { confirmDeviceAction } from '../../actions/devices.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages, useAnswerKey } from '../../components/form-messages.tsx';
import { CodeForm } from '../../components/code-form.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';

export function NameAppForm() {
  const t = useTranslations('clientDevices.kinds.totp');
  const [state, action] = useActionState(startAuthenticatorAppAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form key={useAnswerKey(state)} action={action} noValidate aria-label={t('nameForm')}>
      <FormMessages state={state} />
      <Field name="name" label={t('name')} error={e.name} hint={t('nameHint')}>
        <input
          type="text"
          autoComplete="off"
          maxLength={60}
          // Empty until the holder names it: a name filled in for them would be accepted unread, and
          // a second app would get the same one.
          defaultValue={state.values?.name ?? ''}
          {...errorProps('name', e.name)}
        />
      </Field>
      <SubmitButton label={t('continue')} pendingLabel={t('making')} />
    </form>
  );
}

export function AppCodeForm({ trustedDeviceId, label, digits }: { trustedDeviceId: string; label: string; digits: number }) {
  const t = useTranslations('clientDevices.kinds.totp');
  const [state, action] = useActionState(confirmDeviceAction, EMPTY_FORM);
  return (
    <CodeForm
      key={useAnswerKey(state)}
      action={action}
      error={state.fieldErrors?.code ?? state.error}
      hidden={{ trustedDeviceId }}
      label={t('codeFrom', { label })}
      hint={t('codeHint', { digits })}
      digits={digits}
      verifyLabel={t('verify')}
      ariaLabel={t('codeForm')}
    />
  );
}
