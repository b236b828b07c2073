// The SMTP stand-in: a real SMTP server (smtp-server) on loopback that keeps what it receives in
// memory, so development and the tests send mail through the real nodemailer SMTP client and can
// then read what "the world" received. Not for production: it accepts mail from anyone who can
// reach it, which is why it listens on 127.0.0.1 by default.
//
// The store lives outside the server, so a test can stop the server (SMTP "goes down"), start a
// new one on the same port with the same store, and see every message received across both.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type AddressObject } from 'mailparser';

export interface ReceivedMail {
  id: string;
  /** The From header's text, or the envelope sender when the header is missing. */
  from: string;
  /** Envelope recipients (RCPT TO), i.e. who actually received the message. */
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** ISO 8601: the Date header, or the time of receipt when the header is missing. */
  date: string;
  messageId: string;
}

export interface MailStore {
  add(mail: ReceivedMail): void;
  /** Newest first. */
  list(): ReceivedMail[];
  clear(): void;
}

export interface MailStandin {
  /** The port actually listened on (useful when started with port 0). */
  port: number;
  /** Newest first. */
  messages(): ReceivedMail[];
  reset(): void;
  stop(): Promise<void>;
}

export function createMailStore(): MailStore {
  let mails: ReceivedMail[] = [];
  return {
    add(mail) {
      mails.unshift(mail);
    },
    list: () => mails.slice(),
    clear() {
      mails = [];
    },
  };
}

function addressText(a: AddressObject | AddressObject[] | undefined): string | undefined {
  if (!a) return undefined;
  return (Array.isArray(a) ? a.map((x) => x.text).join(', ') : a.text) || undefined;
}

export async function startMailStandin(opts: { port: number; host?: string; store?: MailStore }): Promise<MailStandin> {
  const store = opts.store ?? createMailStore();
  const host = opts.host ?? '127.0.0.1';

  const server = new SMTPServer({
    logger: false,
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    // A client configured with credentials (SMTP_URL with user:pass) may still use the stand-in:
    // any credentials are accepted, over plain text, on loopback only.
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'standin' });
    },
    closeTimeout: 1_000,
    // No reverse DNS look-up of the client: there is no resolver to ask on loopback-only machines.
    disableReverseLookup: true,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          store.add({
            id: randomUUID(),
            from: addressText(parsed.from) ?? envelopeFrom,
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            ...(typeof parsed.html === 'string' ? { html: parsed.html } : {}),
            date: (parsed.date ?? new Date()).toISOString(),
            messageId: parsed.messageId ?? '',
          });
          callback();
        })
        .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
    },
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(opts.port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  // After start-up, a broken client connection must not crash the process.
  server.on('error', () => {});

  const port = (server.server.address() as AddressInfo).port;
  let stopped: Promise<void> | undefined;
  return {
    port,
    messages: () => store.list(),
    reset: () => store.clear(),
    stop() {
      stopped ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return stopped;
    },
  };
}

/**
 * The dev inbox over HTTP, to compose on another module's node:http server:
 * `GET /_standin/mail` → `{ messages: [...] }` (newest first), `DELETE /_standin/mail` → clears.
 * Resolves false when the request is not for this path (the caller handles it).
 */
export function mailInboxHandler(store: MailStore): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://standin.invalid').pathname.replace(/\/+$/, '');
    if (path !== '/_standin/mail') return false;
    if (req.method === 'GET') {
      const body = JSON.stringify({ messages: store.list() });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
    } else if (req.method === 'DELETE') {
      store.clear();
      res.writeHead(204);
      res.end();
    } else {
      res.writeHead(405, { allow: 'GET, DELETE', 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: 'method not allowed' }));
    }
    return true;
  };
}
