import { standinList, formatTime } from '../standins.ts';

type Push = { id: string; deviceId: string; deviceName: string; title: string; body: string; createdAt: string };

// The simulated iOS devices: what each received as push notifications. Registering a device to
// an account, and pushing codes to it, come with the trusted-devices work.
export default async function DevDevicesPage() {
  const notifications = await standinList<Push>('/_standin/push', 'notifications');
  return (
    <>
      <h1>Devices</h1>
      <p className="lead">Simulated iOS devices with Find My iPhone, and the notifications pushed to them. Newest first.</p>
      <div className="panel">
        {'error' in notifications ? (
          <p className="form-error">{notifications.error}</p>
        ) : notifications.length === 0 ? (
          <p className="muted">No notifications yet.</p>
        ) : (
          <table className="inbox">
            <thead>
              <tr>
                <th>Received</th>
                <th>Device</th>
                <th>Notification</th>
              </tr>
            </thead>
            <tbody>
              {notifications.map((n) => (
                <tr key={n.id} data-testid="push">
                  <td>{formatTime(n.createdAt)}</td>
                  <td>{n.deviceName}</td>
                  <td>
                    <strong>{n.title}</strong>
                    <br />
                    {n.body}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
