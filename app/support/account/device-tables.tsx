import type { DetailsView } from '@/src/support/console.ts';
import { kindTitle } from '@/src/kinds/registry.ts';
import { When } from './when.tsx';
import { DeviceName } from '../../components/device-name.tsx';

/** The account's trusted devices, view only. */
export function TrustedDevicesTable({ devices }: { devices: DetailsView['devices'] }) {
  if (devices.length === 0) return <p className="muted">No trusted devices.</p>;
  return (
    <table className="inbox" data-testid="support-devices">
      <thead>
        <tr>
          <th scope="col">Device</th>
          <th scope="col">Kind</th>
          <th scope="col">Added</th>
          <th scope="col">Verified</th>
          <th scope="col">Last used</th>
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
            <td>{d.verifiedAt ? <When d={d.verifiedAt} show="date" /> : <span className="muted">Pending</span>}</td>
            <td>{d.lastUsedAt ? <When d={d.lastUsedAt} show="date" /> : <span className="muted">Never</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The account's app-specific passwords (labels and dates only), view only. */
export function AppPasswordsTable({ appPasswords }: { appPasswords: DetailsView['appPasswords'] }) {
  if (appPasswords.length === 0) return <p className="muted">None.</p>;
  return (
    <table className="inbox" data-testid="support-app-passwords">
      <thead>
        <tr>
          <th scope="col">Label</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Revoked</th>
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
  if (apps.length === 0) return <p className="muted">None.</p>;
  return (
    <table className="inbox" data-testid="support-apps">
      <thead>
        <tr>
          <th scope="col">App</th>
          <th scope="col">First used</th>
          <th scope="col">Last used</th>
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
