// "iOS Devices with Find My iPhone" on the Trusted Devices page: the account's registered devices
// (./registered-row.tsx), each trusted or sent a code from here, and the form that registers one.
import { getTranslations } from 'next-intl/server';
import type { AddProps } from '../kind-ui.ts';
import { RegisteredDeviceRow } from './registered-row.tsx';
import { RegisterDeviceForm } from './register-form.tsx';
import styles from '../../account/security/devices/devices.module.css';

export async function RegisteredDevicesPanel({ devices: { registered }, formKey }: AddProps) {
  const t = await getTranslations('kinds.push');
  return (
    <section className="panel" aria-labelledby="ios-heading">
      <h2 id="ios-heading">{t('panelHeading')}</h2>
      <p className={styles.hint}>{t('panelHint')}</p>
      {registered.length > 0 ? (
        <ul className={styles.list} aria-label={t('registered')}>
          {registered.map((r) => (
            <RegisteredDeviceRow key={r.id} id={r.id} name={r.name} deviceId={r.deviceId} status={r.status} kind={r.shows} />
          ))}
        </ul>
      ) : null}
      <div className={`${styles.formSpace} ${registered.length > 0 ? styles.divided : ''}`}>
        <h3>{t('registerHeading')}</h3>
        <RegisterDeviceForm key={`register-${formKey}`} />
      </div>
    </section>
  );
}
