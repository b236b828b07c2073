'use client';
import { useActionState } from 'react';
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
  /** The sign-up rules as the page words them ("24 hours", "3 emails an hour"), from their constants. */
  rules: { linkValidFor: string; emailsPerAddress: string };
}) {
  const [state, action] = useActionState(createAccountAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  const kept = useKeptValues(state);
  usePageTitle('Check Your Email', Boolean(state.done));
  if (state.done) {
    const v = state.values ?? {};
    // The same answer whether or not the address already is an Apple ID (src/accounts/sign-up.ts).
    return (
      <div className="panel" data-testid="check-email">
        <FocusHeading id="check-email-heading" level={2}>
          Check your email
        </FocusHeading>
        <p className="notice success" role="status">
          We sent an email to {v.appleId}. Open the link in it within {props.rules.linkValidFor} to activate your Apple ID.
        </p>
        <p>
          Until you activate it, you cannot sign in with it. If the address already is an Apple ID, the email says so instead, and nothing
          changes.
        </p>
        <p className="muted small">
          No email? Look in your junk mail folder, check the address above, or fill in the form again: we send at most{' '}
          {props.rules.emailsPerAddress} to one address.
        </p>
      </div>
    );
  }
  const v = kept.values;
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate>
      <FormMessages state={state} />
      <div className="panel">
        <h2>Your details</h2>
        <Field name="name" label="Name" error={e.name}>
          <input type="text" autoComplete="name" defaultValue={v.name} {...errorProps('name', e.name)} />
        </Field>
        <div className="grid-2">
          <BirthDateFields error={e.birthDate} values={v} />
          <Field name="countryCode" label="Country or region" error={e.countryCode}>
            <select defaultValue={v.countryCode ?? props.defaultCountry} {...errorProps('countryCode', e.countryCode)}>
              <optgroup label="Two-step verification available">
                {props.availableRegions.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Other countries and regions">
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
        <h2>Apple ID and password</h2>
        <Field name="appleId" label="Apple ID" error={e.appleId} hint="Your email address. It will be your Apple ID.">
          <input type="email" autoComplete="username" defaultValue={v.appleId} {...errorProps('appleId', e.appleId)} />
        </Field>
        <NewPasswordFields errors={e} />
        <Field
          name="rescueEmail"
          label="Rescue email (optional)"
          error={e.rescueEmail}
          hint="A second address we can write to about your account's security."
        >
          <input type="email" autoComplete="email" defaultValue={v.rescueEmail} {...errorProps('rescueEmail', e.rescueEmail)} />
        </Field>
      </div>

      <div className="panel">
        <h2>Security questions</h2>
        <p className="muted small">
          Choose three questions whose answers only you know. They protect your account until you turn on two-step verification.
        </p>
        <SecurityQuestionFields errors={e} values={v} />
      </div>
      <SubmitButton label="Create Account" pendingLabel="Creating…" />
    </form>
  );
}
