'use client';
// The device rows of the Trusted Devices page: a trusted device, a device waiting for its code (the
// code field, Verify, Send a new code) and a registered iOS device, each with the buttons that act on it.
import Link from 'next/link';
import { useActionState } from 'react';
import { addPushDeviceAction, confirmDeviceAction, removeDeviceAction, resendCodeAction } from '../../../actions/devices.ts';
import { CodeInput } from '../../../components/code-input.tsx';
import { PendingButton } from '../../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../../lib/form-state.ts';
import { DeviceDates, DeviceIdentity, RemoveForm, RowMessage, type Kind } from './device-row-parts.tsx';
import styles from './devices.module.css';

const sentenceCase = (text: string) => text[0].toUpperCase() + text.slice(1);

/** A trusted device: what it is, how it proves it is you, when it was added, verified and last used, and Remove. */
export function TrustedDeviceRow(props: {
  id: string;
  kind: Kind;
  label: string;
  createdAt: string;
  verifiedAt: string;
  lastUsedAt: string | null;
  locale: string;
}) {
  const [removed, remove] = useActionState(removeDeviceAction, EMPTY_FORM);
  return (
    <li className={styles.row} data-testid="trusted-device">
      <div className={styles.head}>
        <DeviceIdentity
          kind={props.kind}
          label={props.label}
          meta={
            <>
              {sentenceCase(props.kind.channel)}
              <DeviceDates createdAt={props.createdAt} verifiedAt={props.verifiedAt} lastUsedAt={props.lastUsedAt} locale={props.locale} />
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
          meta={`Enter the ${props.digits}-digit code we sent ${props.kind.codeSentTo ?? 'to this device'}.`}
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

/**
 * An authenticator app or passkey whose setup was not finished (no code from the app entered yet):
 * a link back to its setup page, and Remove. Nothing is sent to these kinds, so no code field here.
 */
export function UnfinishedDeviceRow(props: { id: string; kind: Kind; label: string }) {
  const [removed, remove] = useActionState(removeDeviceAction, EMPTY_FORM);
  return (
    <li className={styles.row} data-testid="pending-device">
      <div className={styles.head}>
        <DeviceIdentity
          kind={props.kind}
          label={props.label}
          meta="Not set up yet: it becomes a trusted device once you finish setting it up."
        />
        <div className={styles.tools}>
          {props.kind.proof === 'own-code' ? (
            <Link className={`button ${styles.small}`} href={`/account/security/devices/authenticator?id=${encodeURIComponent(props.id)}`}>
              Finish setting up
            </Link>
          ) : null}
          <RemoveForm id={props.id} label={props.label} action={remove} />
        </div>
      </div>
      <RowMessage states={[removed]} />
    </li>
  );
}

/** A registered iOS device: whether it is trusted, or a button to send it a code. */
export function RegisteredDeviceRow(props: {
  id: string;
  name: string;
  deviceId: string;
  status: 'trusted' | 'pending' | null;
  kind: Kind;
}) {
  const [state, action] = useActionState(addPushDeviceAction, EMPTY_FORM);
  return (
    <li className={styles.row} data-testid="registered-device">
      <div className={styles.head}>
        <DeviceIdentity kind={props.kind} label={props.name} meta={`Find My iPhone on · device ${props.deviceId}`} />
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
