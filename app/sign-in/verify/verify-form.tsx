'use client';
// Pick a trusted device, get a code on it, enter the code.
import { useActionState } from 'react';
import { completeSignInAction, sendSignInCodeAction } from '../../actions/sign-in-code.ts';
import { Field, errorProps } from '../../components/field.tsx';
import { FormMessages } from '../../components/form-messages.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';

export function VerifySignIn({ devices, digits }: { devices: Array<{ id: string; label: string; kind: string }>; digits: number }) {
  const [sent, send] = useActionState(sendSignInCodeAction, EMPTY_FORM);
  const [checked, check] = useActionState(completeSignInAction, EMPTY_FORM);
  const deviceId = checked.values?.trustedDeviceId || sent.values?.trustedDeviceId;
  const device = devices.find((d) => d.id === deviceId);
  return (
    <>
      <form action={send} noValidate aria-label="Choose a trusted device">
        <FormMessages state={sent} />
        <fieldset>
          <legend>Send a code to</legend>
          {devices.map((d, i) => (
            <label key={d.id} className="choice">
              <input type="radio" name="trustedDeviceId" value={d.id} defaultChecked={deviceId ? d.id === deviceId : i === 0} />{' '}
              {d.label} <span className="muted small">{d.kind === 'sms' ? 'text message' : 'notification'}</span>
            </label>
          ))}
        </fieldset>
        <SubmitButton label={device ? 'Send a New Code' : 'Send Code'} pendingLabel="Sending…" />
      </form>
      {device ? (
        <form action={check} noValidate aria-label="Enter the code" className="code-step">
          <FormMessages state={{ error: checked.error }} />
          <input type="hidden" name="trustedDeviceId" value={device.id} />
          <Field name="code" label={`Verification code sent to ${device.label}`} error={undefined} hint={`Enter the ${digits}-digit code. Didn't get it? Send a new one above.`}>
            <input type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={digits} {...errorProps('code')} />
          </Field>
          <SubmitButton label="Verify" pendingLabel="Checking…" />
        </form>
      ) : null}
    </>
  );
}
