'use client';
// The rows of "Apps using your Apple ID" (Stop Using) and "Where you're signed in" (Sign Out), on
// Password and Security. Each row's button posts to its own action; what it answered shows in the
// row, announced.
import { useActionState, useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { signOutBrowserAction, stopUsingAppAction } from '../../actions/app-sign-in.ts';
import { PendingButton } from '../../components/submit-button.tsx';
import { LocalTime } from '../../components/local-time.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';
import styles from './apps-and-browsers.module.css';
import rows from '../../components/row-list.module.css';

/** What the row's action answered; it takes the focus, as the button that was pressed is gone. */
function Answer({ state }: { state: { error?: string; notice?: string } }) {
  const box = useRef<HTMLParagraphElement>(null);
  useEffect(() => box.current?.focus(), [state]);
  if (state.error)
    return (
      <p className={rows.error} role="alert" tabIndex={-1} ref={box}>
        {state.error}
      </p>
    );
  if (state.notice)
    return (
      <p className={rows.notice} role="status" tabIndex={-1} ref={box}>
        {state.notice}
      </p>
    );
  return null;
}

export function AppRow(props: {
  clientId: string;
  name: string;
  receives: string[];
  firstUsedAt: string;
  lastUsedAt: string;
  locale: string;
}) {
  const [state, action] = useActionState(stopUsingAppAction, EMPTY_FORM);
  const t = useTranslations('clientSecurity.rows');
  return (
    <li className={rows.row} data-testid="app-row">
      <div className={rows.head}>
        <div>
          <div className={rows.name}>{props.name}</div>
          <div className={rows.meta}>
            {t.rich('firstUsed', { when: () => <LocalTime iso={props.firstUsedAt} show="date" locale={props.locale} /> })}
          </div>
          <div className={rows.meta}>{t.rich('lastUsed', { when: () => <LocalTime iso={props.lastUsedAt} locale={props.locale} /> })}</div>
        </div>
        {state.done ? null : (
          <form action={action}>
            <input type="hidden" name="clientId" value={props.clientId} />
            <PendingButton
              label={t('stopUsing')}
              pendingLabel={t('stopping')}
              className={`button secondary ${rows.small}`}
              ariaLabel={t('stopApp', { app: props.name })}
            />
          </form>
        )}
      </div>
      <ul className={styles.receives} aria-label={t('receives', { app: props.name })}>
        {props.receives.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <Answer state={state} />
    </li>
  );
}

export function BrowserRow(props: {
  sessionId: string;
  browser: string;
  address: string | null;
  signedInAt: string;
  lastSeenAt: string;
  thisBrowser: boolean;
  locale: string;
}) {
  const [state, action] = useActionState(signOutBrowserAction, EMPTY_FORM);
  const t = useTranslations('clientSecurity.rows');
  const signedIn = () => <LocalTime iso={props.signedInAt} locale={props.locale} />;
  return (
    <li className={rows.row} data-testid="browser-row">
      <div className={rows.head}>
        <div>
          <div className={rows.name}>
            {props.browser}
            {props.thisBrowser ? <span className={styles.this}>{t('thisBrowser')}</span> : null}
          </div>
          <div className={rows.meta}>
            {props.address ? t.rich('signedInFrom', { when: signedIn, address: props.address }) : t.rich('signedIn', { when: signedIn })}
          </div>
          <div className={rows.meta}>{t.rich('lastSeen', { when: () => <LocalTime iso={props.lastSeenAt} locale={props.locale} /> })}</div>
        </div>
        {state.done ? null : (
          <form action={action}>
            <input type="hidden" name="sessionId" value={props.sessionId} />
            <PendingButton
              label={t('signOut')}
              pendingLabel={t('signingOut')}
              className={`button secondary ${rows.small}`}
              ariaLabel={props.thisBrowser ? t('signOutThis') : t('signOutOther', { browser: props.browser })}
            />
          </form>
        )}
      </div>
      <Answer state={state} />
    </li>
  );
}
