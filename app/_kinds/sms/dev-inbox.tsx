// The SMS stand-in's inbox, /dev/sms (app/dev/[inbox]/): the texts the Twilio stand-in received.
import { standinList, formatTime } from '../../dev/standins.ts';

type Sms = { sid: string; to: string; from: string; body: string; createdAt: string };

export async function DevSmsPage() {
  const messages = await standinList<Sms>('/_standin/sms', 'messages');
  return (
    <>
      <h1>SMS inbox</h1>
      <p className="lead">Text messages the app sent through the Twilio API, as the local Twilio stand-in received them. Newest first.</p>
      <div className="panel">
        {'error' in messages ? (
          <p className="form-error">{messages.error}</p>
        ) : messages.length === 0 ? (
          <p className="muted">No text messages yet.</p>
        ) : (
          <table className="inbox">
            <thead>
              <tr>
                <th>Received</th>
                <th>To</th>
                <th>From</th>
                <th>Message</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.sid} data-testid="sms">
                  <td>{formatTime(m.createdAt)}</td>
                  <td>{m.to}</td>
                  <td>{m.from}</td>
                  <td>{m.body}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
