'use client';
// The holder's language for pages and emails (src/accounts/language.ts), on the account page: no
// security questions stand before it, so a holder who cannot read the page's language finds it
// first. Each language is named in itself. Its sentences come from the page (the server's
// catalogue), so this form carries none of its own.
import { useActionState } from 'react';
import { chooseLanguageAction } from '../actions/account.ts';
import { Field, errorProps } from '../components/field.tsx';
import { FormMessages, useKeptValues } from '../components/form-messages.tsx';
import { SubmitButton } from '../components/submit-button.tsx';
import { EMPTY_FORM } from '../lib/form-state.ts';

export interface LanguageFormText {
  form: string;
  label: string;
  hint: string;
  browser: string;
  save: string;
  saving: string;
}

export function LanguageForm({
  current,
  choices,
  text,
}: {
  current: string;
  choices: ReadonlyArray<{ value: string; name: string; lang?: string }>;
  text: LanguageFormText;
}) {
  const [state, action] = useActionState(chooseLanguageAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label={text.form}>
      <FormMessages state={state} />
      <Field name="language" label={text.label} error={e.language} hint={text.hint}>
        <select defaultValue={kept.values.language ?? current} {...errorProps('language', e.language)}>
          <option value={choices[0]?.value}>{text.browser}</option>
          {choices.slice(1).map((c) => (
            <option key={c.value} value={c.value} lang={c.lang}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <SubmitButton label={text.save} pendingLabel={text.saving} />
    </form>
  );
}
