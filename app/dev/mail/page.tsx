import { standinList, formatTime } from '../standins.ts';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Mail Inbox' };

type Mail = { id: string; from: string; to: string[]; subject: string; text: string; date: string };

export default async function DevMailPage() {
  const messages = await standinList<Mail>('/_standin/mail', 'messages');
  return (
    <>
      <h1>Mail inbox</h1>
      <p className="lead">Emails the app sent over SMTP, as the local mail server received them. Newest first.</p>
      {'error' in messages ? (
        <p className="form-error">{messages.error}</p>
      ) : messages.length === 0 ? (
        <div className="panel">
          <p className="muted">No emails yet.</p>
        </div>
      ) : (
        messages.map((m) => (
          <article className="panel" key={m.id} data-testid="mail">
            <h3>{m.subject}</h3>
            <p className="small muted">
              To {m.to.join(', ')} · from {m.from} · {formatTime(m.date)}
            </p>
            <pre className="mail">{m.text}</pre>
          </article>
        ))
      )}
    </>
  );
}
