// What the several-instances spec needs besides the pages: which instance answered (nginx's
// test-only header), both instances' clocks moved together, and the outbox against the mail the
// SMTP stand-in received.
import { expect, type APIResponse, type Page, type Response } from '@playwright/test';
import pg from 'pg';
import { INSTANCE_PORTS, UPSTREAM_HEADER } from './ports.ts';

export const INSTANCE_A = `127.0.0.1:${INSTANCE_PORTS.a}`;
export const INSTANCE_B = `127.0.0.1:${INSTANCE_PORTS.b}`;

/** The instance that answered (the last one nginx tried). */
export function instanceOf(res: Response | APIResponse): string {
  const upstream = res.headers()[UPSTREAM_HEADER] ?? '';
  const last = upstream.split(',').at(-1)!.trim();
  expect([INSTANCE_A, INSTANCE_B], `the instance in ${UPSTREAM_HEADER}: "${upstream}"`).toContain(last);
  return last;
}

/**
 * Makes the browser's next request go to the other instance than `instance`. nginx's round robin
 * alternates (one worker, one shared zone, equal weights), so after a request answered by
 * `instance`, the next one goes to the other: small requests are sent until one is answered by
 * `instance`. The page must be idle meanwhile (no request of its own in between).
 */
export async function nextRequestAvoids(page: Page, instance: string): Promise<void> {
  for (let i = 0; i < 4; i++) {
    if (instanceOf(await page.request.get('/robots.txt')) === instance) return;
  }
  throw new Error(`four requests in a row were not answered by ${instance}: is the round robin alternating?`);
}

/**
 * Moves both instances' clocks forward (dev only: /dev/clock). Each instance has its own
 * shiftable clock, so this goes to each instance directly, not through nginx.
 */
export async function advanceBothClocks(page: Page, seconds: number): Promise<void> {
  for (const port of [INSTANCE_PORTS.a, INSTANCE_PORTS.b]) {
    const res = await page.request.post(`http://127.0.0.1:${port}/dev/clock`, { data: { advanceSeconds: seconds } });
    expect(res.status()).toBe(200);
  }
}

/** The client addresses the portal recorded for the account's sign-ins (its security events). */
export async function signInAddresses(appleId: string): Promise<string[]> {
  const db = new pg.Client({ connectionString: process.env.INSTANCES_DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ clientAddress: string | null }>(
      `SELECT e."clientAddress" FROM "SecurityEvent" e JOIN "Account" a ON a.id = e."accountId" WHERE a."appleId" = $1 AND e.kind = 'signed-in'`,
      [appleId],
    );
    return rows.map((r) => r.clientAddress ?? '');
  } finally {
    await db.end();
  }
}

type Mail = { to: string[]; subject: string; text: string };

/**
 * Every email in the outbox was sent exactly once: once both instances' outbox workers have sent
 * everything, the SMTP stand-in received each outbox row once (same recipient, subject and text),
 * and nothing else. Emails scheduled for later (the seed's reminders to a demo account, days
 * ahead) are not due and wait.
 */
export async function expectEveryEmailSentOnce(page: Page): Promise<number> {
  const db = new pg.Client({ connectionString: process.env.INSTANCES_DATABASE_URL });
  await db.connect();
  try {
    await expect(async () => {
      const { rows } = await db.query(
        `SELECT "toAddress", "subject", "createdAt", "nextAttemptAt", "attempts", "lockedUntil", "lastError" FROM "EmailOutbox" WHERE "sentAt" IS NULL AND "nextAttemptAt" < now() + interval '1 hour'`,
      );
      expect(rows, 'emails due but not sent').toEqual([]);
    }).toPass({ timeout: 30_000 });
    const { rows } = await db.query<{ toAddress: string; subject: string; textBody: string }>(
      `SELECT "toAddress", "subject", "textBody" FROM "EmailOutbox" WHERE "sentAt" IS NOT NULL`,
    );
    const res = await page.request.get(`http://127.0.0.1:${INSTANCE_PORTS.http}/_standin/mail`);
    const received = ((await res.json()) as { messages: Mail[] }).messages;
    const key = (to: string, subject: string, text: string) => `${to.toLowerCase()}\n${subject}\n${text.trim()}`;
    const sorted = (keys: string[]) => [...keys].sort();
    expect(rows.length).toBeGreaterThan(0);
    // A delivered email ends with the support footer of the instance that sent it (src/mail/compose.ts);
    // the outbox keeps the template's text.
    const footer = /\n+How to reach support:\nhttp:\/\/localhost:\d+\/contact-support\s*$/;
    for (const m of received) expect(m.text).toMatch(footer);
    expect(sorted(received.map((m) => key(m.to.join(', '), m.subject, m.text.replace(footer, ''))))).toEqual(
      sorted(rows.map((r) => key(r.toAddress, r.subject, r.textBody))),
    );
    return rows.length;
  } finally {
    await db.end();
  }
}
