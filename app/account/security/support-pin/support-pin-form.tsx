'use client';
// Pick a trusted device, get a code on it, enter the code: the PIN is shown once, with its expiry.
import { useActionState } from 'react';
import { createSupportPinAction, sendSupportPinCodeAction, type SupportPinState } from '../../../actions/support-pin.ts';
import { Field, errorProps } from '../../../components/field.tsx';
import { FormMessages } from '../../../components/form-messages.tsx';
import { SubmitButton } from '../../../components/submit-button.tsx';
import { LocalTime } from '../../../components/local-time.tsx';
import { EMPTY_FORM } from '../../../lib/form-state.ts';

type Device = { id: string; label: string; kind: string };

export function SupportPinForm({ devices, digits, pinDigits }: { devices: Device[]; digits: number; pinDigits: number }) {
  const [sent, send] = useActionState(sendSupportPinCodeAction, EMPTY_FORM);
  const [made, make] = useActionState(createSupportPinAction, EMPTY_FORM as SupportPinState);
  if (made.pin) {
    return (
      <div data-testid="support-pin-made">
        <p>Read this PIN to Apple Support:</p>
        <p className="support-pin" data-testid="support-pin">
          {made.pin.value}
        </p>
        <p>
          It works until <LocalTime iso={made.pin.expiresAt} show="dateTime" />, for one support staff member. It is not shown again; make a
          new one if you need it.
        </p>
      </div>
    );
  }
  const deviceId = made.values?.trustedDeviceId || sent.values?.trustedDeviceId;
  const device = devices.find((d) => d.id === deviceId);
  return (
    <>
      <form action={send} noValidate aria-label="Choose a trusted device">
        <FormMessages state={sent} />
        <p>To make a {pinDigits}-digit support PIN, first enter a code from one of your trusted devices.</p>
        <fieldset>
          <legend>Send a code to</legend>
          {devices.map((d, i) => (
            <label key={d.id} className="choice">
              <input type="radio" name="trustedDeviceId" value={d.id} defaultChecked={deviceId ? d.id === deviceId : i === 0} /> {d.label}{' '}
              <span className="muted small">{d.kind === 'sms' ? 'text message' : 'notification'}</span>
            </label>
          ))}
        </fieldset>
        <SubmitButton label={device ? 'Send a New Code' : 'Send Code'} pendingLabel="Sending…" />
      </form>
      {device ? (
        <form action={make} noValidate aria-label="Enter the code" className="code-step">
          <FormMessages state={{ error: made.error }} />
          <input type="hidden" name="trustedDeviceId" value={device.id} />
          <Field name="code" label={`Verification code sent to ${device.label}`} hint={`Enter the ${digits}-digit code.`}>
            <input type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={digits} {...errorProps('code')} />
          </Field>
          <SubmitButton label="Make PIN" pendingLabel="Checking…" />
        </form>
      ) : null}
    </>
  );
}
