'use client';
// A registered iOS device on the Trusted Devices page (./add-panel.tsx): trusted, waiting for its
// code, or a button that sends it one (./actions.ts), which makes it a device waiting for its code.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { addPushDeviceAction } from './actions.ts';
import { PendingButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';
import { DeviceIdentity, RowMessage, type Kind } from '../../account/security/devices/device-row-parts.tsx';
import styles from '../../account/security/devices/devices.module.css';

/** A registered iOS device: whether it is trusted, or a button to send it a code. */
export function RegisteredDeviceRow(props: {
  id: string;
  name: string;
  deviceId: string;
  status: 'trusted' | 'pending' | null;
  kind: Kind;
}) {
  const t = useTranslations('clientDevices.kinds.push');
  const [state, action] = useActionState(addPushDeviceAction, EMPTY_FORM);
  return (
    <li className={styles.row} data-testid="registered-device">
      <div className={styles.head}>
        <DeviceIdentity kind={props.kind} label={props.name} meta={t('registeredMeta', { deviceId: props.deviceId })} />
        <div className={styles.tools}>
          {props.status === 'trusted' ? (
            <span className={`badge on ${styles.status}`}>{t('trusted')}</span>
          ) : props.status === 'pending' ? (
            <span className={`badge off ${styles.status}`}>{t('waiting')}</span>
          ) : (
            <form action={action}>
              <input type="hidden" name="registeredDeviceId" value={props.id} />
              <PendingButton label={t('sendCode')} pendingLabel={t('sending')} className={`button ${styles.small}`} />
            </form>
          )}
        </div>
      </div>
      <RowMessage states={[state]} />
    </li>
  );
}
