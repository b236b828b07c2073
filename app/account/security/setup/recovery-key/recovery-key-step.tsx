'use client';
// Step 2's form: "Get Your Recovery Key" asks the server for a new key, which comes back only in
// the action's answer and lives only in this component's state: shown once, never in a URL. Print
// uses the browser's print dialog; the print rules in print-sheet.css put only the sheet below on paper.
import { useActionState } from 'react';
import Link from 'next/link';
import { getRecoveryKeyAction, type RecoveryKeyState } from '../../../../actions/setup.ts';
import { replaceRecoveryKeyAction } from '../../../../actions/two-step.ts';
import { FormMessages } from '../../../../components/form-messages.tsx';
import { SubmitButton } from '../../../../components/submit-button.tsx';
import { LocalTime } from '../../../../components/local-time.tsx';
import { CopyButton } from '../../../../components/copy-button.tsx';
import { useFocusOnMount } from '../../../../components/focus-on-mount.tsx';
import styles from '../setup.module.css';
import './print-sheet.css';
import { RECOVERY_KEY_LENGTH } from '@/src/recovery-key/key-length.ts';

const EMPTY: RecoveryKeyState = {};

/** Apple's FAQ, "Where should I keep my Recovery Key?" */
const WHERE_TO_KEEP =
  'Keep your Recovery Key in a secure place in your home, office, or other location. Consider printing more than one copy, so that you can keep your key in more than one place. Your key is easier to find if you ever need it, and you have a spare copy if one is ever lost or destroyed. You shouldn’t store your Recovery Key on your device or computer, because that could give an unauthorized user instant access to your key.';
const WHAT_FOR =
  'Use your Recovery Key to regain access to your account if you ever lose access to your trusted devices or forget your password. To reset your password you need this key and one of your trusted devices: support cannot reset it for you.';

/**
 * 'setup': step 2 of turning two-step on, then on to confirming the key. 'replace': Replace Lost Key
 * with two-step on; the new key works at once and the old one no longer does.
 */
export function RecoveryKeyStep({
  appleId,
  locale,
  hadKey,
  mode = 'setup',
}: {
  appleId: string;
  locale: string;
  hadKey: boolean;
  mode?: 'setup' | 'replace';
}) {
  const [state, getKey] = useActionState(mode === 'setup' ? getRecoveryKeyAction : replaceRecoveryKeyAction, EMPTY);
  const key = state.recoveryKey;
  // The key, once shown, takes focus: a screen reader reads it out, and Tab goes on to Print.
  const keyRef = useFocusOnMount<HTMLParagraphElement>(key);

  if (!key && mode === 'replace') {
    return (
      <div className="panel">
        <h2>Replace Lost Key</h2>
        <p>If your Recovery Key is lost or someone else may have seen it, replace it. {WHAT_FOR}</p>
        <p className={styles.warning} role="note">
          Your current key stops working as soon as you get the new one. We show the new key only once: have a printer ready, or paper and
          pen.
        </p>
        <form action={getKey}>
          <FormMessages state={state} />
          <SubmitButton label="Replace Lost Key" pendingLabel="Making your key…" />
        </form>
      </div>
    );
  }

  if (!key) {
    return (
      <div className="panel">
        <h2>Get Your Recovery Key</h2>
        <p>
          Your Recovery Key is a {RECOVERY_KEY_LENGTH}-character code. {WHAT_FOR}
        </p>
        <p className="muted">We show the key only once, right after you get it: have a printer ready, or paper and pen.</p>
        {hadKey ? (
          <p className={styles.warning} role="note">
            You already got a Recovery Key. Getting a new one replaces it: the key you got before stops working at once, and you confirm the
            new one in the next step.
          </p>
        ) : null}
        <form action={getKey}>
          <FormMessages state={state} />
          <SubmitButton label="Get Your Recovery Key" pendingLabel="Making your key…" />
        </form>
      </div>
    );
  }

  return (
    <>
      <div className="panel">
        <h2>Print Your Recovery Key</h2>
        {state.replaced ? (
          <p className="notice success" role="status">
            This new key replaces the one you got before, which no longer works.
          </p>
        ) : null}
        <p className={styles.key} ref={keyRef} tabIndex={-1} id="recovery-key-shown" data-testid="recovery-key-region">
          <span className="visually-hidden">Your Recovery Key is {key.split('').join(' ')}. </span>
          <span aria-hidden="true" className={styles.keyText} data-testid="recovery-key">
            {key}
          </span>
        </p>
        <p className={styles.warning}>
          This is the only time we show this key. Print it now (or write it down) and keep it in a secure place. If you leave this page
          without it, get a new key: the new one replaces this one.
        </p>
        <div className="actions">
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
          <CopyButton
            text={key}
            copied="Copied. Paste it only to print it or write it down, then clear it: don’t keep your Recovery Key in a file or note on your device or computer."
            refused="Your browser did not allow copying. Select the key and copy it, or print it."
          />
          {mode === 'setup' ? (
            <Link className="button secondary" href="/account/security/setup/confirm">
              Continue
            </Link>
          ) : (
            <Link className="button secondary" href="/account/security/two-step">
              Done
            </Link>
          )}
        </div>
      </div>
      <section className="recovery-sheet" data-testid="recovery-sheet">
        <h1>Recovery Key</h1>
        <p className="recovery-sheet-key">{key}</p>
        <dl>
          <dt>Apple ID</dt>
          <dd>{appleId}</dd>
          <dt>Created</dt>
          <dd>{state.createdAt ? <LocalTime iso={state.createdAt} show="date" locale={locale} /> : null}</dd>
        </dl>
        <h2>What it is for</h2>
        <p>{WHAT_FOR}</p>
        <h2>Where to keep it</h2>
        <p>{WHERE_TO_KEEP}</p>
        <p className="recovery-sheet-note">A newer Recovery Key replaces this one: after you create a new key, this one no longer works.</p>
      </section>
    </>
  );
}
