'use client';
// Entering the code sent to a device being added, of any kind that is sent one: on the page whose
// only question is that code (./code-view.tsx) and in the device's row of the Trusted Devices page.
// The code's own form is every code step's (app/components/code-form.tsx); beside it, the button
// that sends a new code. Only the newest answer's message shows: a wrong code takes away "We
// sent…", a new code takes away the last wrong code's summary.
import { useActionState, useCallback, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { confirmDeviceAction, resendCodeAction } from '../../../actions/devices.ts';
import { CodeForm } from '../../../components/code-form.tsx';
import { DeviceName, useSpokenLabel } from '../../../components/device-name.tsx';
import { FormMessages, useAnswerKey } from '../../../components/form-messages.tsx';
import { SendWait } from '../../../components/send-wait.tsx';
import { PendingButton } from '../../../components/submit-button.tsx';
import { EMPTY_FORM, type FormState } from '../../../lib/form-state.ts';
import styles from './devices.module.css';

type Last = 'checked' | 'resent' | null;

/** Which of the two forms answered last (null before either), told by the answers' objects changing. */
function useLastAnswer(checked: FormState, resent: FormState): Last {
  const [seen, setSeen] = useState<{ checked: FormState; resent: FormState; last: Last }>({ checked, resent, last: null });
  if (seen.checked === checked && seen.resent === resent) return seen.last;
  const last = seen.checked !== checked ? 'checked' : 'resent';
  setSeen({ checked, resent, last });
  return last;
}

export function DeviceCode(props: {
  id: string;
  label: string;
  digits: number;
  /** The field's id (a page with several devices waiting holds several code fields). */
  fieldId: string;
  /** What was sent, said until a newer answer (on the page the holder came to after sending it). */
  sent?: ReactNode;
  /** On the page whose only question is the code: the field takes the focus. */
  focusOnMount?: boolean;
}) {
  const t = useTranslations('clientDevices');
  const spokenLabel = useSpokenLabel();
  const [checked, check] = useActionState(confirmDeviceAction, EMPTY_FORM);
  const [resent, resend] = useActionState(resendCodeAction, EMPTY_FORM);
  const checkedKey = useAnswerKey(checked);
  const resentKey = useAnswerKey(resent);
  const last = useLastAnswer(checked, resent);
  const [announced, announce] = useState({ answer: 0, text: '' });
  const say = useCallback((text: string) => announce({ answer: resentKey, text }), [resentKey]);
  const waiting =
    last === 'resent' && resent.error && resent.waitMs !== undefined ? { sentence: resent.error, waitMs: resent.waitMs } : null;
  const wrong = last === 'checked' ? (checked.fieldErrors?.code ?? checked.error) : undefined;
  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {waiting && announced.answer === resentKey ? announced.text : ''}
      </p>
      {waiting ? (
        <SendWait key={`wait-${resentKey}`} sentence={waiting.sentence} waitMs={waiting.waitMs} announce={say} />
      ) : last === 'resent' ? (
        <FormMessages state={resent} />
      ) : last === null && props.sent ? (
        <p className="notice" role="status" data-testid="code-sent">
          {props.sent}
        </p>
      ) : null}
      <CodeForm
        key={`check-${checkedKey}`}
        action={check}
        error={wrong}
        id={props.fieldId}
        hidden={{ trustedDeviceId: props.id }}
        // The label names the device: once a newer answer takes "We sent…" away, the page still says
        // which device the code is from, and each row's field in the list has a name of its own.
        label={<>{t.rich('code.label', { device: () => <DeviceName label={props.label} /> })}</>}
        hint={t('code.hint', { digits: props.digits })}
        digits={props.digits}
        verifyLabel={t('code.verify')}
        ariaLabel={t('code.verifyDevice', { device: spokenLabel(props.label) })}
        focusOnMount={props.focusOnMount ?? false}
      />
      <form
        key={`resend-${resentKey}`}
        action={resend}
        className={styles.resend}
        aria-label={t('code.resendTo', { device: spokenLabel(props.label) })}
      >
        <input type="hidden" name="trustedDeviceId" value={props.id} />
        <PendingButton label={t('code.resend')} pendingLabel={t('code.sending')} className={styles.link} />
      </form>
    </>
  );
}
