// The pieces every device row of the Trusted Devices page is made of: what the device is, its
// Remove button, and the latest message of its forms. Only the rows (device-rows.tsx) use them.
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { PendingButton } from '../../../components/submit-button.tsx';
import { LocalTime } from '../../../components/local-time.tsx';
import { DeviceName, useSpokenLabel } from '../../../components/device-name.tsx';
import type { FormState } from '../../../lib/form-state.ts';
import styles from './devices.module.css';

import type { KindView } from '@/src/devices/trusted-devices.ts';

/** What a row shows of its device's kind (src/kinds/: its icon's letters and colour class in devices.module.css). */
export type Kind = KindView;

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
      <span className={`${styles.icon} ${kind.icon.tone ? styles[kind.icon.tone] : ''}`} aria-hidden="true">
        {kind.icon.text}
      </span>
      <div>
        <div className={`${styles.name} ${kind.labelIs === 'number' ? styles.number : ''}`} data-testid="device-label">
          <DeviceName label={label} />
        </div>
        <div className={styles.meta}>{meta}</div>
      </div>
    </div>
  );
}

export function RemoveForm({ id, label, action }: { id: string; label: string; action: (fd: FormData) => void }) {
  const t = useTranslations('clientDevices');
  const spokenLabel = useSpokenLabel();
  return (
    <form action={action}>
      <input type="hidden" name="trustedDeviceId" value={id} />
      <PendingButton
        label={t('row.remove')}
        pendingLabel={t('row.removing')}
        className={`button secondary ${styles.small}`}
        ariaLabel={t('row.removeDevice', { device: spokenLabel(label) })}
      />
    </form>
  );
}

/** When a trusted device was added, verified and last used, each part kept whole when the line wraps. */
export function DeviceDates(p: { createdAt: string; verifiedAt: string; lastUsedAt: string | null; locale: string }) {
  const t = useTranslations('clientDevices');
  const date = (iso: string) => () => <LocalTime iso={iso} show="date" locale={p.locale} />;
  return (
    <ul className={styles.dates}>
      <li>{t.rich('row.added', { date: date(p.createdAt) })}</li>
      <li>{t.rich('row.verified', { date: date(p.verifiedAt) })}</li>
      <li>{p.lastUsedAt ? t.rich('row.lastUsed', { date: date(p.lastUsedAt) }) : t('row.neverUsed')}</li>
    </ul>
  );
}
