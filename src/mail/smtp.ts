// Sending one email over SMTP with nodemailer. The outbox worker is the only caller; request
// handlers enqueue (outbox.ts) instead of sending.
import { createTransport } from 'nodemailer';

export interface MailSender {
  send(m: { to: string; subject: string; text: string }): Promise<void>;
}

/** Short timeouts so that a dead or hung SMTP server fails fast; the outbox retries later. */
export const SMTP_TIMEOUT_MS = 5_000;

/**
 * `smtpUrl` as nodemailer takes it, e.g. smtp://127.0.0.1:2525 or smtps://user:pass@mail.example.com.
 * No connection pool: one connection per message, which is plenty for an outbox and means there is
 * no stale connection to recover after the server restarts.
 */
export function createSmtpMailer(smtpUrl: string, from: string): MailSender {
  const transport = createTransport({
    url: smtpUrl,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
    dnsTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}
