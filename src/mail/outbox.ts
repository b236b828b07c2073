// The transactional outbox. Code that changes something and must tell the user by email does not
// talk to SMTP: it calls `enqueueEmail(tx, ...)` with the SAME Prisma transaction client as the
// change itself. The email row commits or rolls back together with the change, so
//  - an email is never sent for a change that rolled back (no "welcome" for an account that was
//    not created, no "your phone was removed" when it was not), and
//  - a committed change never loses its email because SMTP was down or slow at that moment: the row
//    waits in EmailOutbox and the outbox worker (outbox-worker.ts) delivers it, retrying with backoff.
// It also keeps SMTP latency and failures out of the request that made the change.
import type { DbTx } from '../db/client.ts';
import { systemClock, type Clock } from '../clock.ts';
import { newRowId } from '../db/row-id.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';

export interface OutgoingEmail {
  /** What the email is about (e.g. 'welcome'), for operators reading the outbox. */
  kind: string;
  accountId?: string;
  to: string | string[];
  subject: string;
  /** Plain text. Never put a password, code or key in an email. */
  text: string;
  /** The language the text is in (the template's reader's): the footer is added in it at send time. Absent: English. */
  language?: Locale;
}

/** Distinct recipients, compared case-insensitively; the first spelling seen is kept. */
export function distinctRecipients(to: string | string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of Array.isArray(to) ? to : [to]) {
    const address = raw.trim();
    if (!address) continue;
    // One address per row; CR/LF or commas would let one "address" smuggle in headers or others.
    if (/[\r\n,;]/.test(address) || !/^[^\s@]+@[^\s@]+$/.test(address)) {
      throw new Error('enqueueEmail: invalid recipient address');
    }
    const key = address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(address);
  }
  return out;
}

/**
 * Queues one EmailOutbox row per distinct recipient. Call it inside the transaction that makes the
 * change the email is about (see above). `clock` sets createdAt and the first nextAttemptAt: due
 * immediately (the worker, which reads the same clock, sees the row as due), or at `dueAt` when
 * that is later (a scheduled email, src/mail/scheduled.ts).
 */
export async function enqueueEmail(tx: DbTx, email: OutgoingEmail, clock: Clock = systemClock, dueAt?: Date): Promise<void> {
  const recipients = distinctRecipients(email.to);
  if (recipients.length === 0) throw new Error('enqueueEmail: no recipient');
  const now = clock.now();
  const due = dueAt && dueAt.getTime() > now.getTime() ? dueAt : now;
  await tx.emailOutbox.createMany({
    data: recipients.map((toAddress) => ({
      kind: email.kind,
      accountId: email.accountId ?? null,
      toAddress,
      subject: email.subject,
      textBody: email.text,
      language: email.language ?? DEFAULT_LOCALE,
      createdAt: now,
      nextAttemptAt: due,
    })),
  });
}

/**
 * enqueueEmail for an account that may not exist, with the same statements whatever the account:
 * one INSERT ... SELECT from the account's row per address slot (`slots`: how many addresses such
 * an email can have), each writing its row only when the account exists and the slot holds an
 * address. For requests that must do the same database work whatever Apple ID was typed, and
 * however many addresses the account has (src/password-reset/by-link.ts).
 */
export async function enqueueEmailIfAccount(
  tx: DbTx,
  email: OutgoingEmail & { accountId: string },
  slots: number,
  clock: Clock = systemClock,
): Promise<void> {
  const recipients = distinctRecipients(email.to);
  if (recipients.length > slots) throw new Error('enqueueEmailIfAccount: more recipients than slots');
  const now = clock.now();
  const language = email.language ?? DEFAULT_LOCALE;
  for (let slot = 0; slot < slots; slot++) {
    const to = recipients[slot] ?? '';
    // An empty slot names no account (ids are never empty): its statement writes nothing.
    const accountId = to ? email.accountId : '';
    // Raw SQL (src/db/raw.ts): an INSERT ... SELECT has no model query; the id is ours (newRowId).
    await tx.$executeRaw`
      INSERT INTO "EmailOutbox" ("id", "kind", "accountId", "toAddress", "subject", "textBody", "language", "createdAt", "nextAttemptAt")
      SELECT ${newRowId()}, ${email.kind}, "id", ${to}, ${email.subject}, ${email.text}, ${language}, ${now}, ${now}
      FROM "Account" WHERE "id" = ${accountId}`;
  }
}
