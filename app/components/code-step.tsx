'use client';
// Pick a trusted device, get a code on it, enter the code: the one form for every flow that needs
// a code from a trusted device (signing in, confirming before a sensitive change, the Recovery Key
// reset, the support PIN). app/components/proof-step.tsx passes the two actions, bound to the flow.
import { useActionState, useState, type ReactNode } from 'react';
import { Field } from './field.tsx';
import { FormMessages, useAnswerKey } from './form-messages.tsx';
import { CodeInput } from './code-input.tsx';
import { SubmitButton } from './submit-button.tsx';
import { MadePin } from './made-pin.tsx';
import { EMPTY_FORM, type FormState, type ProofState } from '../lib/form-state.ts';
import type { CodeDevice } from '../lib/code-devices.ts';

type Action<S extends FormState = FormState> = (prev: S, formData: FormData) => Promise<S>;

/** A check that answered a support PIN shows it in place of the forms; the other flows redirect instead. */
export function CodeStep(props: {
  devices: CodeDevice[];
  digits: number;
  send: Action;
  check: Action<ProofState>;
  verifyLabel?: string;
  intro?: ReactNode;
}) {
  const { devices, send, check, verifyLabel = 'Verify' } = props;
  const [sent, sendAction] = useActionState(send, EMPTY_FORM);
  const [checked, checkAction] = useActionState<ProofState, FormData>(check, EMPTY_FORM);
  const sentKey = useAnswerKey(sent);
  const checkedKey = useAnswerKey(checked);
  const deviceId = checked.values?.trustedDeviceId || sent.values?.trustedDeviceId;
  const device = devices.find((d) => d.id === deviceId);
  // The radio chosen now: a device that makes its own codes is sent nothing, so its button says so.
  const [choiceId, choose] = useState<string | undefined>(undefined);
  const choice = devices.find((d) => d.id === (choiceId ?? deviceId)) ?? devices[0];
  if (checked.pin) return <MadePin pin={checked.pin} />;
  const digits = device?.digits ?? props.digits;
  return (
    <>
      <form key={sentKey} action={sendAction} noValidate aria-label="Choose a trusted device">
        <FormMessages state={sent} />
        {props.intro}
        <fieldset>
          <legend>Get a code from</legend>
          {devices.map((d, i) => (
            <label key={d.id} className="choice">
              <input
                type="radio"
                name="trustedDeviceId"
                value={d.id}
                defaultChecked={deviceId ? d.id === deviceId : i === 0}
                onChange={() => choose(d.id)}
              />{' '}
              {d.label} <span className="muted small">{d.channel}</span>
            </label>
          ))}
        </fieldset>
        {choice && !choice.sendsCode ? (
          <SubmitButton label="Use This Device" pendingLabel="Continuing…" />
        ) : (
          <SubmitButton label={device ? 'Send a New Code' : 'Send Code'} pendingLabel="Sending…" />
        )}
      </form>
      {device ? (
        <form key={checkedKey} action={checkAction} noValidate aria-label="Enter the code" className="code-step">
          <FormMessages state={{ error: checked.error }} errorFor="code" />
          <input type="hidden" name="trustedDeviceId" value={device.id} />
          <Field
            name="code"
            label={device.sendsCode ? `Verification code sent to ${device.label}` : `Code from ${device.label}`}
            error={undefined}
            hint={
              device.sendsCode
                ? `Enter the ${digits}-digit code. Didn't get it? Send a new one above.`
                : `Enter the ${digits}-digit code the app shows now.`
            }
          >
            <CodeInput id="code" digits={digits} error={Boolean(checked.error)} />
          </Field>
          <SubmitButton label={verifyLabel} pendingLabel="Checking…" />
        </form>
      ) : null}
    </>
  );
}
