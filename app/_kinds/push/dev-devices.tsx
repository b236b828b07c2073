import { runtime } from '@/src/runtime.ts';
import { standinList, formatTime } from '../../dev/standins.ts';

type Push = { id: string; deviceId: string; deviceName: string; title: string; body: string; createdAt: string };

// The simulated iOS devices (Find My iPhone on): every device registered to any account, each with
// the notifications pushed to it, as the push stand-in received them. This page "is the phone".
// Notifications to device ids no account has registered are listed at the end.
export async function DevDevicesPage() {
  const { db } = runtime();
  const devices = await db.registeredDevice.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 50, // the newest: a long-lived dev database collects many
    select: { deviceId: true, name: true, createdAt: true, account: { select: { appleId: true } } },
  });
  // One listing per device from the stand-in (newest first), read side by side.
  const [perDevice, everything] = await Promise.all([
    Promise.all(devices.map((d) => standinList<Push>(`/_standin/push?deviceId=${encodeURIComponent(d.deviceId)}`, 'notifications'))),
    standinList<Push>('/_standin/push', 'notifications'),
  ]);
  const failed = [...perDevice, everything].find((l): l is { error: string } => 'error' in l);
  const registeredIds = new Set(devices.map((d) => d.deviceId));
  const unregistered = 'error' in everything ? [] : everything.filter((n) => !registeredIds.has(n.deviceId));

  return (
    <>
      <h1>Devices</h1>
      <p className="lead">Simulated iOS devices with Find My iPhone, and the notifications pushed to them. Newest first.</p>
      {failed ? <p className="form-error">{failed.error}</p> : null}
      {devices.length === 0 ? (
        <div className="panel">
          <p className="muted">No devices are registered yet. Register one on an account&apos;s Trusted Devices page.</p>
        </div>
      ) : null}
      {devices.map((d, i) => {
        const pushes = perDevice[i]!;
        return (
          <section key={d.deviceId} className="panel" data-testid="device" data-device-id={d.deviceId} aria-label={d.name}>
            <header>
              <h2>{d.name}</h2>
              <span className="small muted">
                <code>{d.deviceId}</code> · registered to {d.account.appleId}
              </span>
            </header>
            {'error' in pushes ? null : pushes.length === 0 ? (
              <p className="muted">No notifications yet.</p>
            ) : (
              <Notifications pushes={pushes} />
            )}
          </section>
        );
      })}
      {unregistered.length > 0 ? (
        <section className="panel" aria-labelledby="unregistered-heading">
          <h2 id="unregistered-heading">Other devices</h2>
          <p className="small muted">Notifications to device ids that no account has registered.</p>
          <Notifications pushes={unregistered} showDevice />
        </section>
      ) : null}
    </>
  );
}

function Notifications({ pushes, showDevice = false }: { pushes: Push[]; showDevice?: boolean }) {
  return (
    <table className="inbox">
      <thead>
        <tr>
          <th>Received</th>
          {showDevice ? <th>Device</th> : null}
          <th>Notification</th>
        </tr>
      </thead>
      <tbody>
        {pushes.map((n) => (
          <tr key={n.id} data-testid="push">
            <td>{formatTime(n.createdAt)}</td>
            {showDevice ? <td>{n.deviceName}</td> : null}
            <td>
              <strong>{n.title}</strong>
              <br />
              {n.body}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
