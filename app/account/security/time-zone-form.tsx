'use client';
// The holder's time zone on Password and Security: the zone emails give times in
// (src/accounts/time-zone.ts). The list is the runtime's zones; the one stored is chosen, or, when
// none is, the browser's own (filled in by script: without scripts the list starts at UTC).
import { useActionState, useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { chooseTimeZoneAction } from '../../actions/security.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages, useKeptValues } from '../../components/form-messages.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { browserTimeZone } from '../../components/local-time.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';

export function TimeZoneForm({ current, choices }: { current: string | null; choices: ReadonlyArray<{ zone: string; label: string }> }) {
  const [state, action] = useActionState(chooseTimeZoneAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  const e = state.fieldErrors ?? {};
  const t = useTranslations('clientSecurity.timeZone');
  const [selected, setSelected] = useState(kept.values.timeZone ?? current ?? 'UTC');
  useEffect(() => {
    const browser = browserTimeZone();
    if (!current && !kept.values.timeZone && browser) setSelected(browser);
  }, [current, kept.values.timeZone]);
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} noValidate aria-label={t('form')}>
      <FormMessages state={state} />
      <Field name="timeZone" label={t('label')} error={e.timeZone} hint={t('hint')}>
        <select value={selected} onChange={(ev) => setSelected(ev.target.value)} {...errorProps('timeZone', e.timeZone)}>
          {choices.map((c) => (
            <option key={c.zone} value={c.zone}>
              {c.label}
            </option>
          ))}
        </select>
      </Field>
      <SubmitButton label={t('save')} pendingLabel={t('saving')} />
    </form>
  );
}
