// Sending one email over SMTP with nodemailer. The outbox worker is the only caller; request
// handlers enqueue (outbox.ts) instead of sending.
import { createTransport } from 'nodemailer';
import { composeEmail } from './compose.ts';
import { DEFAULT_LOCALE, offeredLocale } from '../i18n/locales.ts';

/**
 * Takes an email as a template made it (the outbox row); what goes out is composed from it, its
 * footer in `language` (the row's: null or unknown, English).
 */
export interface MailSender {
  send(m: { to: string; subject: string; text: string; language?: string | null }): Promise<void>;
}

/** Short timeouts so that a dead or hung SMTP server fails fast; the outbox retries later. */
export const SMTP_TIMEOUT_MS = 5_000;

/**
 * `smtpUrl` as nodemailer takes it, e.g. smtp://127.0.0.1:2525 or smtps://user:pass@mail.example.com.
 * No connection pool: one connection per message, which is plenty for an outbox and means there is
 * no stale connection to recover after the server restarts. Every message is composed here
 * (compose.ts): the support footer, which names `appUrl`'s contact page, and a text and an HTML part.
 */
export function createSmtpMailer(smtpUrl: string, from: string, appUrl: string): MailSender {
  const transport = createTransport({
    url: smtpUrl,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
    dnsTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    async send(m) {
      const mail = composeEmail({ subject: m.subject, text: m.text, language: offeredLocale(m.language) ?? DEFAULT_LOCALE }, appUrl);
      await transport.sendMail({ from, to: m.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
  };
}
