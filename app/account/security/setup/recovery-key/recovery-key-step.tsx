'use client';
// Step 2's form: "Get Your Recovery Key" asks the server for a new key, which comes back only in
// the action's answer and lives only in this component's state: shown once, never in a URL. Print
// uses the browser's print dialog; the print rules in print-sheet.css put only the sheet below on paper.
import { useActionState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
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
  // The sentences of this step and of the print sheet (whereToKeep: Apple's FAQ, "Where should I keep my Recovery Key?").
  const t = useTranslations('clientRecoveryKey');
  const [state, getKey] = useActionState(mode === 'setup' ? getRecoveryKeyAction : replaceRecoveryKeyAction, EMPTY);
  const key = state.recoveryKey;
  // The key, once shown, takes focus: a screen reader reads it out, and Tab goes on to Print.
  const keyRef = useFocusOnMount<HTMLParagraphElement>(key);

  if (!key && mode === 'replace') {
    return (
      <div className="panel">
        <h2>{t('replace.heading')}</h2>
        <p>{t('replace.why', { whatFor: t('whatFor') })}</p>
        <p className={styles.warning} role="note">
          {t('replace.warning')}
        </p>
        <form action={getKey}>
          <FormMessages state={state} />
          <SubmitButton label={t('replace.button')} pendingLabel={t('making')} />
        </form>
      </div>
    );
  }

  if (!key) {
    return (
      <div className="panel">
        <h2>{t('get.heading')}</h2>
        <p>{t('get.what', { length: RECOVERY_KEY_LENGTH, whatFor: t('whatFor') })}</p>
        <p className="muted">{t('get.once')}</p>
        {hadKey ? (
          <p className={styles.warning} role="note">
            {t('get.hadKey')}
          </p>
        ) : null}
        <form action={getKey}>
          <FormMessages state={state} />
          <SubmitButton label={t('get.button')} pendingLabel={t('making')} />
        </form>
      </div>
    );
  }

  return (
    <>
      <div className="panel">
        <h2>{t('print.heading')}</h2>
        {state.replaced ? (
          <p className="notice success" role="status">
            {t('print.replaced')}
          </p>
        ) : null}
        <p className={styles.key} ref={keyRef} tabIndex={-1} id="recovery-key-shown" data-testid="recovery-key-region">
          <span className="visually-hidden">{t('print.spoken', { key: key.split('').join(' ') })} </span>
          <span aria-hidden="true" className={styles.keyText} data-testid="recovery-key">
            {key}
          </span>
        </p>
        <p className={styles.warning}>{t('print.onlyTime')}</p>
        <div className="actions">
          <button type="button" className="button" onClick={() => window.print()}>
            {t('print.print')}
          </button>
          <CopyButton text={key} label={t('print.copy')} copied={t('print.copied')} refused={t('print.refused')} />
          {mode === 'setup' ? (
            <Link className="button secondary" href="/account/security/setup/confirm">
              {t('print.continue')}
            </Link>
          ) : (
            <Link className="button secondary" href="/account/security/two-step">
              {t('print.done')}
            </Link>
          )}
        </div>
      </div>
      <section className="recovery-sheet" data-testid="recovery-sheet">
        <h1>{t('sheet.heading')}</h1>
        <p className="recovery-sheet-key">{key}</p>
        <dl>
          <dt>{t('sheet.appleId')}</dt>
          <dd>{appleId}</dd>
          <dt>{t('sheet.created')}</dt>
          <dd>{state.createdAt ? <LocalTime iso={state.createdAt} show="date" locale={locale} /> : null}</dd>
        </dl>
        <h2>{t('sheet.whatFor')}</h2>
        <p>{t('whatFor')}</p>
        <h2>{t('sheet.whereToKeep')}</h2>
        <p>{t('whereToKeep')}</p>
        <p className="recovery-sheet-note">{t('sheet.newer')}</p>
      </section>
    </>
  );
}
