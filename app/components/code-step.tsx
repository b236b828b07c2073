'use client';
// Pick a trusted device, get a code on it, enter the code: the one form for every flow that needs
// a code from a trusted device (signing in, confirming before a sensitive change, the Recovery Key
// reset, the support PIN). app/components/proof-step.tsx passes the two actions, bound to the flow.
//
// Whatever the holder does, the step never dead-ends: there is always one device chooser and, once
// a code was asked for, one code field, which a refused send (a wait) leaves as it was, with what
// was typed in it. Only the newest answer's messages show: a new answer to either form takes away
// the other form's sentence, which no longer says what is going on.
import { useActionState, useCallback, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessages, useAnswerKey } from './form-messages.tsx';
import { CodeForm } from './code-form.tsx';
import { DeviceName } from './device-name.tsx';
import { SubmitButton } from './submit-button.tsx';
import { MadePin } from './made-pin.tsx';
import { SendWait } from './send-wait.tsx';
import { EMPTY_FORM, type FormState, type ProofState } from '../lib/form-state.ts';
import type { CodeDevice } from '../lib/code-devices.ts';

type Action<S extends FormState = FormState> = (prev: S, formData: FormData) => Promise<S>;

/** What the code step has seen of its two forms' answers (afterAnswers). */
export interface Answers {
  sent: FormState;
  checked: FormState;
  /** Which answer came last; null before any. */
  last: 'sent' | 'checked' | null;
  /** The device the code field is for (none before a code was asked for). */
  codeFor?: string | undefined;
}

/**
 * `seen` after the answers `sent` and `checked` (`seen` itself when neither changed). The code field
 * is for the device of the last code sent or checked (a refusal names it), or of a send refused
 * with a wait (a code went to it moments ago: its holder may have it); any other refused send
 * keeps the field as it was.
 */
export function afterAnswers(seen: Answers, sent: FormState, checked: FormState): Answers {
  if (seen.sent === sent && seen.checked === checked) return seen;
  const last = seen.checked !== checked ? 'checked' : 'sent';
  const codeSentTo = sent.done || sent.waitMs !== undefined ? sent.values?.trustedDeviceId : undefined;
  const named = last === 'checked' ? checked.values?.trustedDeviceId : codeSentTo;
  return { sent, checked, last, codeFor: named || seen.codeFor };
}

/** Before any answer: both forms hold EMPTY_FORM, the very object useActionState starts from. */
export const NO_ANSWERS: Answers = { sent: EMPTY_FORM, checked: EMPTY_FORM, last: null };

function useAnswers(sent: FormState, checked: FormState): Answers {
  // The first render may already carry an answer: with scripts off, the form posts and the page
  // comes back rendered with the action's answer, which must bring the code field with it.
  const [seen, setSeen] = useState<Answers>(() => afterAnswers(NO_ANSWERS, sent, checked));
  const next = afterAnswers(seen, sent, checked);
  if (next !== seen) setSeen(next);
  return next;
}

/** A check that answered a support PIN shows it in place of the forms; the other flows redirect instead. */
export function CodeStep(props: {
  devices: CodeDevice[];
  digits: number;
  send: Action;
  check: Action<ProofState>;
  verifyLabel?: string;
  intro?: ReactNode;
}) {
  const t = useTranslations('clientCodeStep');
  const { devices, send, check, verifyLabel = t('verify') } = props;
  const [sent, sendAction] = useActionState(send, EMPTY_FORM);
  const [checked, checkAction] = useActionState<ProofState, FormData>(check, EMPTY_FORM);
  const sentKey = useAnswerKey(sent);
  const checkedKey = useAnswerKey(checked);
  const { last, codeFor } = useAnswers(sent, checked);
  const device = devices.find((d) => d.id === codeFor);
  const chosenId = sent.values?.trustedDeviceId || codeFor;
  // The radio chosen now: a device that makes its own codes is sent nothing, so its button says so.
  const [choiceId, choose] = useState<string | undefined>(undefined);
  const choice = devices.find((d) => d.id === (choiceId ?? chosenId)) ?? devices[0];
  // The polite live region stays while the send form is made anew with each answer, so what it says is heard.
  // What it says belongs to one answer: a second wait never opens with the first one's last words.
  const [announced, announce] = useState({ answer: 0, text: '' });
  const say = useCallback((text: string) => announce({ answer: sentKey, text }), [sentKey]);
  if (checked.pin) return <MadePin pin={checked.pin} />;
  const digits = device?.digits ?? props.digits;
  const waiting = last === 'sent' && sent.error && sent.waitMs !== undefined ? { sentence: sent.error, waitMs: sent.waitMs } : null;
  return (
    <>
      <p className="visually-hidden" aria-live="polite" data-testid="send-wait-announced">
        {waiting && announced.answer === sentKey ? announced.text : ''}
      </p>
      {/* Keys of their own: two sibling forms keyed by the same answer count would be one form to React. */}
      <form key={`send-${sentKey}`} action={sendAction} noValidate aria-label={t('chooseDevice')}>
        {waiting ? (
          <SendWait sentence={waiting.sentence} waitMs={waiting.waitMs} announce={say} />
        ) : (
          <FormMessages state={last === 'sent' ? sent : EMPTY_FORM} />
        )}
        {props.intro}
        <fieldset>
          <legend>{t('getCodeFrom')}</legend>
          {devices.map((d, i) => (
            <label key={d.id} className="choice">
              <input
                type="radio"
                name="trustedDeviceId"
                value={d.id}
                defaultChecked={chosenId ? d.id === chosenId : i === 0}
                onChange={() => choose(d.id)}
              />{' '}
              <DeviceName label={d.label} /> <span className="muted small">{d.channel}</span>
            </label>
          ))}
        </fieldset>
        {choice && !choice.sendsCode ? (
          <SubmitButton label={t('useThisDevice')} pendingLabel={t('continuing')} />
        ) : (
          <SubmitButton label={device ? t('sendNewCode') : t('sendCode')} pendingLabel={t('sending')} />
        )}
      </form>
      {device ? (
        <CodeForm
          key={`check-${checkedKey}`}
          action={checkAction}
          error={last === 'checked' ? checked.error : undefined}
          hidden={{ trustedDeviceId: device.id }}
          label={t.rich(device.sendsCode ? 'codeSentTo' : 'codeFrom', { device: () => <DeviceName label={device.label} /> })}
          hint={t(device.sendsCode ? 'sentCodeHint' : 'ownCodeHint', { digits })}
          digits={digits}
          verifyLabel={verifyLabel}
          className="code-step"
        />
      ) : null}
    </>
  );
}
