'use client';
// The device rows of the Trusted Devices page, whatever the kind: a trusted device, a device
// waiting for the code we sent it (its code's forms, ./device-code.tsx) and one whose setup was
// not finished, each with the buttons that act on it. A kind's rows of its own are in its folder
// (app/_kinds/<kind>/).
import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { kindKey } from '../../../_kinds/kind-key.ts';
import { removeDeviceAction } from '../../../actions/devices.ts';
import { DeviceCode } from './device-code.tsx';
import { EMPTY_FORM } from '../../../lib/form-state.ts';
import { DeviceDates, DeviceIdentity, RemoveForm, RowMessage, type Kind } from './device-row-parts.tsx';
import styles from './devices.module.css';

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
  const t = useTranslations('clientDevices');
  const [removed, remove] = useActionState(removeDeviceAction, EMPTY_FORM);
  return (
    <li className={styles.row} data-testid="trusted-device">
      <div className={styles.head}>
        <DeviceIdentity
          kind={props.kind}
          label={props.label}
          meta={
            <>
              {t(`kinds.${kindKey(props.kind.id)}.channelTitle`)}
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

/** A device waiting for its code: the code field, Verify, Send a new code (./device-code.tsx), and Remove. */
export function PendingDeviceRow(props: { id: string; kind: Kind; label: string; digits: number }) {
  const t = useTranslations('clientDevices');
  const [removed, remove] = useActionState(removeDeviceAction, EMPTY_FORM);
  return (
    <li className={styles.row} data-testid="pending-device">
      <div className={styles.head}>
        <DeviceIdentity
          kind={props.kind}
          label={props.label}
          meta={t(`kinds.${kindKey(props.kind.id)}.enterSentCode`, { digits: props.digits })}
        />
        <div className={styles.tools}>
          <RemoveForm id={props.id} label={props.label} action={remove} />
        </div>
      </div>
      <div className={styles.verify}>
        <DeviceCode id={props.id} label={props.label} digits={props.digits} fieldId={`code-${props.id}`} />
      </div>
      <RowMessage states={[removed]} />
    </li>
  );
}

/**
 * A device we send no code to whose setup was not finished (a device that makes its own codes, and
 * none entered yet): a link back to its setup page when its kind has one (`finishHref`), and
 * Remove. Nothing is sent to it, so no code field here.
 */
export function UnfinishedDeviceRow(props: { id: string; kind: Kind; label: string; finishHref: string | null }) {
  const t = useTranslations('clientDevices');
  const [removed, remove] = useActionState(removeDeviceAction, EMPTY_FORM);
  return (
    <li className={styles.row} data-testid="pending-device">
      <div className={styles.head}>
        <DeviceIdentity kind={props.kind} label={props.label} meta={t('row.notSetUp')} />
        <div className={styles.tools}>
          {props.finishHref ? (
            <Link className={`button ${styles.small}`} href={props.finishHref}>
              {t('row.finish')}
            </Link>
          ) : null}
          <RemoveForm id={props.id} label={props.label} action={remove} />
        </div>
      </div>
      <RowMessage states={[removed]} />
    </li>
  );
}
