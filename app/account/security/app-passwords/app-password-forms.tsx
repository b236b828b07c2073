'use client';
// The forms of the App-Specific Passwords page: generate one with a label (the password is then
// shown once, here, and never again), Revoke on each row, and Revoke All.
import { Fragment, useActionState } from 'react';
import { useTranslations } from 'next-intl';
import {
  createAppPasswordAction,
  revokeAllAppPasswordsAction,
  revokeAppPasswordAction,
  type CreatedState,
} from '../../../actions/app-passwords.ts';
import { Field, errorProps } from '../../../components/field.tsx';
import { FormMessages, useAnswerKey } from '../../../components/form-messages.tsx';
import { PendingButton, SubmitButton } from '../../../components/submit-button.tsx';
import { LocalTime } from '../../../components/local-time.tsx';
import { CopyButton } from '../../../components/copy-button.tsx';
import { useFocusOnMount } from '../../../components/focus-on-mount.tsx';
import { EMPTY_FORM } from '../../../lib/form-state.ts';
import styles from './app-passwords.module.css';
import rows from '../../../components/row-list.module.css';

export function CreateAppPasswordForm({ labelMax }: { labelMax: number }) {
  const t = useTranslations('clientAppPasswords');
  const [state, action] = useActionState(createAppPasswordAction, EMPTY_FORM as CreatedState);
  const e = state.fieldErrors ?? {};
  return (
    <>
      {state.created ? (
        <div className={styles.created} data-testid="new-app-password">
          <NewPassword label={state.created.label} password={state.created.password} />
          <p className="small">{t('create.enterIt')}</p>
        </div>
      ) : null}
      <form key={useAnswerKey(state)} action={action} noValidate aria-label={t('create.form')}>
        {state.created ? null : <FormMessages state={state} />}
        <div className={styles.labelField}>
          <Field name="label" label={t('create.label')} error={e.label} hint={t('create.hint')}>
            <input
              type="text"
              autoComplete="off"
              maxLength={labelMax}
              defaultValue={state.done ? '' : state.values?.label}
              {...errorProps('label', e.label)}
            />
          </Field>
        </div>
        <SubmitButton label={t('create.generate')} pendingLabel={t('create.generating')} />
      </form>
    </>
  );
}

/**
 * The new password takes focus (read out letter by letter, a group at a time) in a live region that
 * says what it is for, with Copy after it (outside the region, whose own status says if it copied).
 * It breaks between its groups only, so a narrow screen never splits a group over two lines.
 */
function NewPassword({ label, password }: { label: string; password: string }) {
  const t = useTranslations('clientAppPasswords');
  const ref = useFocusOnMount<HTMLParagraphElement>(password);
  const groups = password.split('-');
  return (
    <>
      <div role="status" data-testid="app-password-said">
        <p>{t.rich('create.yours', { label, strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <p className={styles.password} ref={ref} tabIndex={-1} id="app-password-shown">
          <span className="visually-hidden">
            {t('create.spoken', { password: groups.map((g) => g.split('').join(' ')).join(t('create.dash')) })}{' '}
          </span>
          <code data-testid="app-password" aria-hidden="true">
            {groups.map((g, i) =>
              // The dash ends its group's line; <wbr> is where a line may break.
              i < groups.length - 1 ? (
                <Fragment key={i}>
                  <span className={styles.group}>{g}-</span>
                  <wbr />
                </Fragment>
              ) : (
                <span key={i} className={styles.group}>
                  {g}
                </span>
              ),
            )}
          </code>
        </p>
      </div>
      <div className={`actions ${styles.copyRow}`}>
        <CopyButton text={password} label={t('create.copy')} copied={t('create.copied')} refused={t('create.refused')} />
      </div>
    </>
  );
}

export function AppPasswordRow(props: { id: string; label: string; createdAt: string; lastUsedAt: string | null; locale: string }) {
  const t = useTranslations('clientAppPasswords');
  const [state, action] = useActionState(revokeAppPasswordAction, EMPTY_FORM);
  const created = () => <LocalTime iso={props.createdAt} show="date" locale={props.locale} />;
  return (
    <li className={rows.row} data-testid="app-password-row">
      <div className={rows.head}>
        <div>
          <div className={rows.name}>{props.label}</div>
          <div className={rows.meta}>
            {props.lastUsedAt
              ? t.rich('row.used', { created, used: () => <LocalTime iso={props.lastUsedAt!} locale={props.locale} /> })
              : t.rich('row.unused', { created })}
          </div>
        </div>
        <form action={action}>
          <input type="hidden" name="appPasswordId" value={props.id} />
          <PendingButton
            label={t('row.revoke')}
            pendingLabel={t('row.revoking')}
            className={`button secondary ${rows.small}`}
            ariaLabel={t('row.revokeOne', { label: props.label })}
          />
        </form>
      </div>
      {state.error ? (
        <p className={rows.error} role="alert">
          {state.error}
        </p>
      ) : null}
    </li>
  );
}

export function RevokeAllForm({ count }: { count: number }) {
  const t = useTranslations('clientAppPasswords');
  const [state, action] = useActionState(revokeAllAppPasswordsAction, EMPTY_FORM);
  return (
    <form action={action} className={styles.revokeAll} aria-label={t('revokeAll.form')}>
      <FormMessages state={state} />
      <PendingButton label={t('revokeAll.button', { count })} pendingLabel={t('row.revoking')} className="button secondary" />
    </form>
  );
}
