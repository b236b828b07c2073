'use client';
// The rows of "Apps using your Apple ID" (Stop Using) and "Where you're signed in" (Sign Out), on
// Password and Security. Each row's button posts to its own action; what it answered shows in the
// row, announced.
import { useActionState, useEffect, useRef } from 'react';
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
  return (
    <li className={rows.row} data-testid="app-row">
      <div className={rows.head}>
        <div>
          <div className={rows.name}>{props.name}</div>
          <div className={rows.meta}>
            First used <LocalTime iso={props.firstUsedAt} show="date" locale={props.locale} />
          </div>
          <div className={rows.meta}>
            Last used <LocalTime iso={props.lastUsedAt} locale={props.locale} />
          </div>
        </div>
        {state.done ? null : (
          <form action={action}>
            <input type="hidden" name="clientId" value={props.clientId} />
            <PendingButton
              label="Stop Using"
              pendingLabel="Stopping…"
              className={`button secondary ${rows.small}`}
              ariaLabel={`Stop ${props.name} from using your Apple ID`}
            />
          </form>
        )}
      </div>
      <ul className={styles.receives} aria-label={`What ${props.name} receives`}>
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
  return (
    <li className={rows.row} data-testid="browser-row">
      <div className={rows.head}>
        <div>
          <div className={rows.name}>
            {props.browser}
            {props.thisBrowser ? <span className={styles.this}>This browser</span> : null}
          </div>
          <div className={rows.meta}>
            Signed in <LocalTime iso={props.signedInAt} locale={props.locale} />
            {props.address ? ` from ${props.address}` : ''}
          </div>
          <div className={rows.meta}>
            Last seen <LocalTime iso={props.lastSeenAt} locale={props.locale} />
          </div>
        </div>
        {state.done ? null : (
          <form action={action}>
            <input type="hidden" name="sessionId" value={props.sessionId} />
            <PendingButton
              label="Sign Out"
              pendingLabel="Signing out…"
              className={`button secondary ${rows.small}`}
              ariaLabel={props.thisBrowser ? 'Sign out this browser' : `Sign out ${props.browser}`}
            />
          </form>
        )}
      </div>
      <Answer state={state} />
    </li>
  );
}
