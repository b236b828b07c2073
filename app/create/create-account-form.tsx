'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FocusHeading } from '../components/focus-on-mount.tsx';
import { createAccountAction } from '../actions/account.ts';
import { Field, errorProps } from '../components/field.tsx';
import { EMPTY_FORM } from '../lib/form-state.ts';
import { SubmitButton } from '../components/submit-button.tsx';
import { usePageTitle } from '../components/page-title.tsx';
import { FormMessages, useKeptValues } from '../components/form-messages.tsx';
import { BirthDateFields, NewPasswordFields, SecurityQuestionFields } from '../components/account-fields.tsx';

type Option = { code: string; name: string };

export function CreateAccountForm(props: {
  availableRegions: Option[];
  otherRegions: Option[];
  defaultCountry: string;
  /** The sign-up rules' numbers, from their constants: the link's life and the emails to one address per window, in hours. */
  rules: { linkValidHours: number; emailsPerAddress: number; emailsWindowHours: number };
}) {
  const t = useTranslations('clientForms.create');
  const [state, action] = useActionState(createAccountAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  const kept = useKeptValues(state);
  usePageTitle(t('checkEmailTitle'), Boolean(state.done));
  if (state.done) {
    const v = state.values ?? {};
    // The same answer whether or not the address already is an Apple ID (src/accounts/sign-up.ts).
    return (
      <div className="panel" data-testid="check-email">
        <FocusHeading id="check-email-heading" level={2}>
          {t('checkEmailHeading')}
        </FocusHeading>
        <p className="notice success" role="status">
          {t('checkEmailSent', { appleId: v.appleId ?? '', hours: props.rules.linkValidHours })}
        </p>
        <p>{t('checkEmailUntil')}</p>
        <p className="muted small">
          {t('checkEmailNone', { emails: props.rules.emailsPerAddress, windowHours: props.rules.emailsWindowHours })}
        </p>
      </div>
    );
  }
  const v = kept.values;
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate>
      <FormMessages state={state} />
      <div className="panel">
        <h2>{t('detailsHeading')}</h2>
        <Field name="name" label={t('name')} error={e.name}>
          <input type="text" autoComplete="name" defaultValue={v.name} {...errorProps('name', e.name)} />
        </Field>
        <div className="grid-2">
          <BirthDateFields error={e.birthDate} values={v} />
          <Field name="countryCode" label={t('country')} error={e.countryCode}>
            <select defaultValue={v.countryCode ?? props.defaultCountry} {...errorProps('countryCode', e.countryCode)}>
              <optgroup label={t('availableRegions')}>
                {props.availableRegions.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('otherRegions')}>
                {props.otherRegions.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name}
                  </option>
                ))}
              </optgroup>
            </select>
          </Field>
        </div>
      </div>

      <div className="panel">
        <h2>{t('appleIdHeading')}</h2>
        <Field name="appleId" label={t('appleId')} error={e.appleId} hint={t('appleIdHint')}>
          <input type="email" autoComplete="username" defaultValue={v.appleId} {...errorProps('appleId', e.appleId)} />
        </Field>
        <NewPasswordFields errors={e} />
        <Field name="rescueEmail" label={t('rescueEmail')} error={e.rescueEmail} hint={t('rescueEmailHint')}>
          <input type="email" autoComplete="email" defaultValue={v.rescueEmail} {...errorProps('rescueEmail', e.rescueEmail)} />
        </Field>
      </div>

      <div className="panel">
        <h2>{t('questionsHeading')}</h2>
        <p className="muted small">{t('questionsHint')}</p>
        <SecurityQuestionFields errors={e} values={v} />
      </div>
      <SubmitButton label={t('submit')} pendingLabel={t('pending')} />
    </form>
  );
}
