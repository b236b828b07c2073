'use client';
// The forms of the Trusted Devices page: add a phone number, register an iOS device, and on each
// device row the buttons (and, for a pending device, the code field) that act on it.
import { useActionState, type ReactNode } from 'react';
import {
  addPhoneNumberAction,
  addPushDeviceAction,
  confirmDeviceAction,
  registerDeviceAction,
  removeDeviceAction,
  resendCodeAction,
} from '../../../actions/devices.ts';
import { Field, errorProps } from '../../../components/field.tsx';
import { FormMessages, useAnswerKey } from '../../../components/form-messages.tsx';
import { CodeInput } from '../../../components/code-input.tsx';
import { PendingButton, SubmitButton } from '../../../components/submit-button.tsx';
import { LocalTime } from '../../../components/local-time.tsx';
import { EMPTY_FORM, type FormState } from '../../../lib/form-state.ts';
import styles from './devices.module.css';

type Kind = 'sms' | 'push';

/** The latest message of a row's forms, under the row. */
function RowMessage({ states }: { states: FormState[] }) {
  const error = states.find((s) => s.error)?.error;
  const notice = states.find((s) => s.notice)?.notice;
  if (error) {
    return (
      <p className={`${styles.message} ${styles.error}`} role="alert">
        {error}
      </p>
    );
  }
  return notice ? (
    <p className={`${styles.message} ${styles.ok}`} role="status">
      {notice}
    </p>
  ) : null;
}

function DeviceIdentity({ kind, label, meta }: { kind: Kind; label: string; meta: ReactNode }) {
  return (
    <div className={styles.who}>
      <span className={`${styles.icon} ${kind === 'push' ? styles.push : ''}`} aria-hidden="true">
        {kind === 'sms' ? 'SMS' : 'iOS'}
      </span>
      <div>
        <div className={`${styles.name} ${kind === 'sms' ? styles.number : ''}`} data-testid="device-label">
          {label}
        </div>
        <div className={styles.meta}>{meta}</div>
      </div>
    </div>
  );
}

function RemoveForm({ id, label, action }: { id: string; label: string; action: (fd: FormData) => void }) {
  return (
    <form action={action}>
      <input type="hidden" name="trustedDeviceId" value={id} />
      <PendingButton label="Remove" pendingLabel="Removing…" className={`button secondary ${styles.small}`} ariaLabel={`Remove ${label}`} />
    </form>
  );
}

/** A trusted device: what it is, since when, and Remove. */
export function TrustedDeviceRow(props: { id: string; kind: Kind; label: string; verifiedAt: string; locale: string }) {
  const [removed, remove] = useActionState(removeDeviceAction, EMPTY_FORM);
  return (
    <li className={styles.row} data-testid="trusted-device">
      <div className={styles.head}>
        <DeviceIdentity
          kind={props.kind}
          label={props.label}
          meta={
            <>
              {props.kind === 'sms' ? 'Text messages' : 'Find My iPhone notifications'} · verified on <LocalTime iso={props.verifiedAt} show="date" locale={props.locale} />
            </>
          }
        />
        <div className={styles.tools}>
          <RemoveForm id={props.id} label={props.label} action={remove} />
        </div>
      </div>
      <RowMessage states={[removed]} />
    </li>
  );
}

/** A device waiting for its code: the code field, Verify, Send a new code, and Remove. */
export function PendingDeviceRow(props: { id: string; kind: Kind; label: string; digits: number }) {
  const [verified, verify] = useActionState(confirmDeviceAction, EMPTY_FORM);
  const [resent, resend] = useActionState(resendCodeAction, EMPTY_FORM);
  const [removed, remove] = useActionState(removeDeviceAction, EMPTY_FORM);
  const codeError = verified.fieldErrors?.code;
  const inputId = `code-${props.id}`;
  return (
    <li className={styles.row} data-testid="pending-device">
      <div className={styles.head}>
        <DeviceIdentity
          kind={props.kind}
          label={props.label}
          meta={`Enter the ${props.digits}-digit code we sent ${props.kind === 'sms' ? 'to this number by text message' : 'to this device'}.`}
        />
        <div className={styles.tools}>
          <RemoveForm id={props.id} label={props.label} action={remove} />
        </div>
      </div>
      <div className={styles.verify}>
        <form action={verify} noValidate aria-label={`Verify ${props.label}`}>
          <input type="hidden" name="trustedDeviceId" value={props.id} />
          <div className={`field ${styles.field}${codeError ? ' invalid' : ''}`}>
            <label htmlFor={inputId}>Verification code</label>
            <CodeInput id={inputId} digits={props.digits} className={styles.code} error={Boolean(codeError)} />
          </div>
          <PendingButton label="Verify" pendingLabel="Checking…" className="button" />
        </form>
        <form action={resend}>
          <input type="hidden" name="trustedDeviceId" value={props.id} />
          <PendingButton label="Send a new code" pendingLabel="Sending…" className={`${styles.link}`} />
        </form>
      </div>
      {codeError ? (
        <p className={`${styles.message} ${styles.error}`} id={`${inputId}-error`} role="alert">
          {codeError}
        </p>
      ) : null}
      <RowMessage states={[verified, removed, resent]} />
    </li>
  );
}

/** A registered iOS device: whether it is trusted, or a button to send it a code. */
export function RegisteredDeviceRow(props: { id: string; name: string; deviceId: string; status: 'trusted' | 'pending' | null }) {
  const [state, action] = useActionState(addPushDeviceAction, EMPTY_FORM);
  return (
    <li className={styles.row} data-testid="registered-device">
      <div className={styles.head}>
        <DeviceIdentity kind="push" label={props.name} meta={`Find My iPhone on · device ${props.deviceId}`} />
        <div className={styles.tools}>
          {props.status === 'trusted' ? (
            <span className={`badge on ${styles.status}`}>Trusted</span>
          ) : props.status === 'pending' ? (
            <span className={`badge off ${styles.status}`}>Waiting for its code</span>
          ) : (
            <form action={action}>
              <input type="hidden" name="registeredDeviceId" value={props.id} />
              <PendingButton label="Send code to this device" pendingLabel="Sending…" className={`button ${styles.small}`} />
            </form>
          )}
        </div>
      </div>
      <RowMessage states={[state]} />
    </li>
  );
}

export interface CountryOption {
  code: string;
  name: string;
  callingCode: string;
}

export function AddPhoneNumberForm({ countries, defaultCountry }: { countries: CountryOption[]; defaultCountry: string }) {
  const [state, action] = useActionState(addPhoneNumberAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  const v = state.done ? {} : (state.values ?? {});
  return (
    <form key={useAnswerKey(state)} action={action} noValidate aria-label="Add a phone number">
      <FormMessages state={state} />
      <div className={styles.phone}>
        <Field name="countryCode" label="Country or region" error={e.countryCode}>
          <select defaultValue={v.countryCode || defaultCountry} {...errorProps('countryCode', e.countryCode)}>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.callingCode})
              </option>
            ))}
          </select>
        </Field>
        <Field name="phoneNumber" label="Phone number" error={e.phoneNumber} hint="A mobile number that can receive text messages. Landline and web-based (VoIP) numbers can't be used.">
          <input type="tel" autoComplete="tel" defaultValue={v.phoneNumber} {...errorProps('phoneNumber', e.phoneNumber)} />
        </Field>
      </div>
      <SubmitButton label="Send Code" pendingLabel="Checking the number…" />
    </form>
  );
}

export function RegisterDeviceForm() {
  const [state, action] = useActionState(registerDeviceAction, EMPTY_FORM);
  const e = state.fieldErrors ?? {};
  return (
    <form key={useAnswerKey(state)} action={action} noValidate aria-label="Register a device">
      <FormMessages state={state} />
      <div className={styles.nameField}>
        <Field name="name" label="Device name" error={e.name} hint="As the device calls itself, such as “Jamie’s iPhone”.">
          <input type="text" autoComplete="off" maxLength={60} defaultValue={state.done ? '' : state.values?.name} {...errorProps('name', e.name)} />
        </Field>
      </div>
      <SubmitButton label="Register Device" pendingLabel="Registering…" />
    </form>
  );
}
