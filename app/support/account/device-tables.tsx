import { useTranslations } from 'next-intl';
import type { DetailsView } from '@/src/support/console.ts';
import { kindTitle } from '@/src/kinds/registry.ts';
import { When } from './when.tsx';
import { DeviceName } from '../../components/device-name.tsx';

/** The account's trusted devices, view only. */
export function TrustedDevicesTable({ devices }: { devices: DetailsView['devices'] }) {
  const t = useTranslations('support.tables');
  if (devices.length === 0) return <p className="muted">{t('noDevices')}</p>;
  return (
    <table className="inbox" data-testid="support-devices">
      <thead>
        <tr>
          <th scope="col">{t('device')}</th>
          <th scope="col">{t('kind')}</th>
          <th scope="col">{t('added')}</th>
          <th scope="col">{t('verified')}</th>
          <th scope="col">{t('lastUsed')}</th>
        </tr>
      </thead>
      <tbody>
        {devices.map((d, i) => (
          <tr key={i}>
            <td>
              <DeviceName label={d.label} />
            </td>
            <td>{kindTitle(d.kind)}</td>
            <td>
              <When d={d.addedAt} show="date" />
            </td>
            <td>{d.verifiedAt ? <When d={d.verifiedAt} show="date" /> : <span className="muted">{t('pending')}</span>}</td>
            <td>{d.lastUsedAt ? <When d={d.lastUsedAt} show="date" /> : <span className="muted">{t('never')}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The account's app-specific passwords (labels and dates only), view only. */
export function AppPasswordsTable({ appPasswords }: { appPasswords: DetailsView['appPasswords'] }) {
  const t = useTranslations('support.tables');
  if (appPasswords.length === 0) return <p className="muted">{t('none')}</p>;
  return (
    <table className="inbox" data-testid="support-app-passwords">
      <thead>
        <tr>
          <th scope="col">{t('label')}</th>
          <th scope="col">{t('created')}</th>
          <th scope="col">{t('lastUsed')}</th>
          <th scope="col">{t('revoked')}</th>
        </tr>
      </thead>
      <tbody>
        {appPasswords.map((p, i) => (
          <tr key={i}>
            <td>{p.label}</td>
            <td>
              <When d={p.createdAt} />
            </td>
            <td>
              <When d={p.lastUsedAt} />
            </td>
            <td>
              <When d={p.revokedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The apps signing in with the account's Apple ID (names and dates only), view only. */
export function AppsTable({ apps }: { apps: DetailsView['apps'] }) {
  const t = useTranslations('support.tables');
  if (apps.length === 0) return <p className="muted">{t('none')}</p>;
  return (
    <table className="inbox" data-testid="support-apps">
      <thead>
        <tr>
          <th scope="col">{t('app')}</th>
          <th scope="col">{t('firstUsed')}</th>
          <th scope="col">{t('lastUsed')}</th>
        </tr>
      </thead>
      <tbody>
        {apps.map((a, i) => (
          <tr key={i}>
            <td>{a.name}</td>
            <td>
              <When d={a.firstUsedAt} />
            </td>
            <td>
              <When d={a.lastUsedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
