// The pieces every device row of the Trusted Devices page is made of: what the device is, its
// Remove button, and the latest message of its forms. Only the rows (device-rows.tsx) use them.
import type { ReactNode } from 'react';
import { PendingButton } from '../../../components/submit-button.tsx';
import type { FormState } from '../../../lib/form-state.ts';
import styles from './devices.module.css';

import type { DeviceKind } from '@/src/authenticators/kinds.ts';

export type Kind = DeviceKind;

/** The latest message of a row's forms, under the row. */
export function RowMessage({ states }: { states: FormState[] }) {
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

export function DeviceIdentity({ kind, label, meta }: { kind: Kind; label: string; meta: ReactNode }) {
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

export function RemoveForm({ id, label, action }: { id: string; label: string; action: (fd: FormData) => void }) {
  return (
    <form action={action}>
      <input type="hidden" name="trustedDeviceId" value={id} />
      <PendingButton label="Remove" pendingLabel="Removing…" className={`button secondary ${styles.small}`} ariaLabel={`Remove ${label}`} />
    </form>
  );
}
