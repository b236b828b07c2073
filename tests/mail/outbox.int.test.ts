// The transactional outbox end to end: a real database (SQLite or PostgreSQL), the real nodemailer
// SMTP client and the SMTP stand-in (a real SMTP server) on a free loopback port.
import { freePort, startHttp } from '../harness/net.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_ENGINE } from '../harness/db.ts';
import { TEST_APP_URL, TEST_MAIL_FROM, withDatabaseAndMail } from '../harness/mail.ts';
import { createDb } from '../../src/db/client.ts';
import { fixedClock, DAY, HOUR, MINUTE } from '../../src/clock.ts';
import { enqueueEmail } from '../../src/mail/outbox.ts';
import { composeEmail } from '../../src/mail/compose.ts';
import { createSmtpMailer, type MailSender } from '../../src/mail/smtp.ts';
import {
  BACKOFF_BASE_MS,
  BACKOFF_MAX_MS,
  MAX_ATTEMPTS,
  backoffMs,
  deliverDueEmails,
  outboxStats,
  startOutboxWorker,
} from '../../src/mail/outbox-worker.ts';
import { captureLog } from '../harness/log-capture.ts';
import { mailInboxHandler, startMailStandin } from '../../dev/standins/mail.ts';

const START = '2024-05-01T12:00:00.000Z';

async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('email outbox over SMTP', () => {
  const mail = withDatabaseAndMail();
  let clock: ReturnType<typeof fixedClock>;

  beforeEach(async () => {
    await mail.t.db.emailOutbox.deleteMany();
    mail.store.clear();
    clock = fixedClock(START);
  });

  const deps = () => ({ db: mail.t.db, clock, mailer: mail.mailer });

  it('delivers an email enqueued inside a transaction to the SMTP server', async () => {
    const text = 'Dear Jane,\n\nYour Apple ID has been created.\n';
    await mail.t.db.$transaction(async (tx) => {
      await tx.countryAvailability.create({ data: { countryCode: 'GB', availableFrom: new Date('2013-03-21T00:00:00Z') } });
      await enqueueEmail(tx, { kind: 'welcome', to: 'jane@example.com', subject: 'Welcome to your new Apple ID', text }, clock);
    });
    expect(mail.store.list()).toHaveLength(0); // enqueueing sends nothing by itself

    expect(await deliverDueEmails(deps())).toEqual({ sent: 1, failed: 0 });

    const mails = mail.standin.messages();
    expect(mails).toHaveLength(1);
    // What goes out is the queued text composed (src/mail/compose.ts): the support footer, and an HTML part.
    const sent = composeEmail({ subject: 'Welcome to your new Apple ID', text }, TEST_APP_URL);
    expect(sent.text.startsWith(text)).toBe(true);
    expect(mails[0]).toMatchObject({ to: ['jane@example.com'], subject: 'Welcome to your new Apple ID', text: sent.text });
    expect(mails[0]!.text).toContain(`\n${TEST_APP_URL}/contact-support\n`);
    expect(mails[0]!.html).toContain('<html lang="en">');
    expect(mails[0]!.html).toContain('Your Apple ID has been created.');
    expect(mails[0]!.from).toContain('no-reply@two-step.test');
    expect(mails[0]!.messageId).not.toBe('');

    const row = await mail.t.db.emailOutbox.findFirstOrThrow();
    expect(row).toMatchObject({ kind: 'welcome', toAddress: 'jane@example.com', attempts: 0, lockedUntil: null, lastError: null });
    expect(row.sentAt).toEqual(new Date(START));

    // Nothing is sent twice.
    expect(await deliverDueEmails(deps())).toEqual({ sent: 0, failed: 0 });
    expect(mail.standin.messages()).toHaveLength(1);
  });

  it('leaves nothing in the outbox when the transaction rolls back', async () => {
    await expect(
      mail.t.db.$transaction(async (tx) => {
        await enqueueEmail(tx, { kind: 'welcome', to: 'ghost@example.com', subject: 'Welcome', text: 'Hello' }, clock);
        throw new Error('account creation failed');
      }),
    ).rejects.toThrow('account creation failed');

    expect(await mail.t.db.emailOutbox.count()).toBe(0);
    expect(await deliverDueEmails(deps())).toEqual({ sent: 0, failed: 0 });
    expect(mail.standin.messages()).toHaveLength(0);
  });

  it('writes one row per distinct recipient, ignoring case', async () => {
    await mail.t.db.$transaction((tx) =>
      enqueueEmail(
        tx,
        {
          kind: 'notice',
          accountId: 'acct-1',
          to: ['Jane@Example.com', 'jane@example.com', ' JANE@EXAMPLE.COM ', 'bob@example.com'],
          subject: 'Notice',
          text: 'Something changed.',
        },
        clock,
      ),
    );
    const rows = await mail.t.db.emailOutbox.findMany({ orderBy: { toAddress: 'asc' } });
    expect(rows.map((r) => r.toAddress)).toEqual(['Jane@Example.com', 'bob@example.com'].sort());
    expect(rows.every((r) => r.accountId === 'acct-1')).toBe(true);

    expect(await deliverDueEmails(deps())).toEqual({ sent: 2, failed: 0 });
    expect(
      mail.standin
        .messages()
        .map((m) => m.to[0]!.toLowerCase())
        .sort(),
    ).toEqual(['bob@example.com', 'jane@example.com']);
  });

  it('keeps the email when SMTP is down and delivers it exactly once when SMTP comes back', async () => {
    const body = 'Your Apple ID details changed.\n';
    await mail.standin.stop();
    try {
      await mail.t.db.$transaction((tx) =>
        enqueueEmail(tx, { kind: 'notice', to: 'jane@example.com', subject: 'Changed', text: body }, clock),
      );

      expect(await deliverDueEmails(deps())).toEqual({ sent: 0, failed: 1 });
      const failed = await mail.t.db.emailOutbox.findFirstOrThrow();
      expect(failed.attempts).toBe(1);
      expect(failed.sentAt).toBeNull();
      expect(failed.lockedUntil).toBeNull();
      expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(failed.lastError).not.toContain(body);
      expect(failed.nextAttemptAt).toEqual(new Date(new Date(START).getTime() + 30_000));

      // Not due yet: no attempt.
      expect(await deliverDueEmails(deps())).toEqual({ sent: 0, failed: 0 });
    } finally {
      mail.standin = await startMailStandin({ port: mail.port, store: mail.store });
    }

    clock.advance(29_999);
    expect(await deliverDueEmails(deps())).toEqual({ sent: 0, failed: 0 });
    expect(mail.standin.messages()).toHaveLength(0);

    clock.advance(1);
    expect(await deliverDueEmails(deps())).toEqual({ sent: 1, failed: 0 });
    clock.advance(HOUR);
    expect(await deliverDueEmails(deps())).toEqual({ sent: 0, failed: 0 });

    const mails = mail.standin.messages();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      to: ['jane@example.com'],
      subject: 'Changed',
      text: composeEmail({ subject: 'Changed', text: body }, TEST_APP_URL).text,
    });
    const row = await mail.t.db.emailOutbox.findFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect(row.sentAt).toEqual(new Date(new Date(START).getTime() + 30_000));
    expect(row.lastError).toBeNull();
  });

  it('sends each email exactly once when several workers run at the same time', async () => {
    const n = 12;
    await mail.t.db.$transaction(async (tx) => {
      for (let i = 0; i < n; i++) {
        await enqueueEmail(tx, { kind: 'notice', to: `user${i}@example.com`, subject: `Mail ${i}`, text: `Body ${i}` }, clock);
      }
    });
    // On PostgreSQL: separate clients (connection pools), as separate app instances have. On SQLite
    // (one app instance) the workers share the client: better-sqlite3 is synchronous, so two clients
    // on one file in one process would block each other's locks.
    const others = TEST_ENGINE === 'postgresql' ? [createDb(mail.t.url), createDb(mail.t.url)] : [mail.t.db, mail.t.db];
    try {
      const results = await Promise.all(
        [mail.t.db, ...others].map((db, i) => deliverDueEmails({ db, clock, mailer: mail.mailer }, { workerId: `w${i}`, batchSize: 50 })),
      );
      expect(results.reduce((s, r) => s + r.sent, 0)).toBe(n);
      expect(results.reduce((s, r) => s + r.failed, 0)).toBe(0);
    } finally {
      if (TEST_ENGINE === 'postgresql') await Promise.all(others.map((db) => db.$disconnect()));
    }

    const mails = mail.standin.messages();
    expect(mails).toHaveLength(n);
    expect(new Set(mails.map((m) => m.to[0])).size).toBe(n);
    expect(await mail.t.db.emailOutbox.count({ where: { sentAt: null } })).toBe(0);
  });

  it('skips rows that another worker sent after this worker listed them', async () => {
    const n = 5;
    await mail.t.db.$transaction(async (tx) => {
      for (let i = 0; i < n; i++) {
        await enqueueEmail(tx, { kind: 'notice', to: `user${i}@example.com`, subject: `Mail ${i}`, text: `Body ${i}` }, clock);
      }
    });
    // Worker A has listed all n rows and holds the claim on its first one; while it sends that one,
    // worker B runs a whole pass. B must skip A's claimed row, and A must then skip the rows B sent.
    let b: { sent: number; failed: number } | undefined;
    const slowA: MailSender = {
      async send(m) {
        if (!b) b = await deliverDueEmails({ db: mail.t.db, clock, mailer: mail.mailer }, { workerId: 'b' });
        await mail.mailer.send(m);
      },
    };
    const a = await deliverDueEmails({ db: mail.t.db, clock, mailer: slowA }, { workerId: 'a' });

    expect(b).toEqual({ sent: n - 1, failed: 0 });
    expect(a).toEqual({ sent: 1, failed: 0 });
    expect(mail.standin.messages()).toHaveLength(n);
    expect(new Set(mail.standin.messages().map((m) => m.to[0])).size).toBe(n);
  });

  it('does not send a row another worker has claimed until the claim expires', async () => {
    await mail.t.db.$transaction((tx) => enqueueEmail(tx, { kind: 'notice', to: 'jane@example.com', subject: 'S', text: 'T' }, clock));
    // A worker claimed it and died mid-send.
    await mail.t.db.emailOutbox.updateMany({ data: { lockedUntil: new Date(clock.now().getTime() + MINUTE) } });

    expect(await deliverDueEmails(deps())).toEqual({ sent: 0, failed: 0 });
    clock.advance(MINUTE);
    expect(await deliverDueEmails(deps())).toEqual({ sent: 1, failed: 0 });
    expect(mail.standin.messages()).toHaveLength(1);
  });

  it('backs off 30 s, doubling, capped at 1 hour', () => {
    expect(BACKOFF_BASE_MS).toBe(30_000);
    expect(BACKOFF_MAX_MS).toBe(HOUR);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 12, 1000].map(backoffMs)).toEqual([
      30_000,
      60_000,
      120_000,
      240_000,
      480_000,
      960_000,
      1_920_000,
      HOUR,
      HOUR,
      HOUR,
    ]);
  });

  it(`stops retrying after ${MAX_ATTEMPTS} failed attempts and keeps the row for an operator`, async () => {
    const deadMailer = createSmtpMailer(`smtp://127.0.0.1:${await freePort()}`, TEST_MAIL_FROM, TEST_APP_URL);
    await mail.t.db.$transaction((tx) => enqueueEmail(tx, { kind: 'notice', to: 'jane@example.com', subject: 'S', text: 'T' }, clock));

    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await deliverDueEmails({ db: mail.t.db, clock, mailer: deadMailer })).toEqual({ sent: 0, failed: 1 });
      const row = await mail.t.db.emailOutbox.findFirstOrThrow();
      expect(row.attempts).toBe(attempt);
      const wait = row.nextAttemptAt.getTime() - clock.now().getTime();
      waits.push(wait);
      clock.advance(wait);
    }
    expect(waits.slice(0, 8)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, HOUR]);

    // No more attempts, even with SMTP working and all the time in the world.
    clock.advance(DAY);
    expect(await deliverDueEmails(deps())).toEqual({ sent: 0, failed: 0 });
    expect(mail.standin.messages()).toHaveLength(0);
    const row = await mail.t.db.emailOutbox.findFirstOrThrow();
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    expect(row.sentAt).toBeNull();
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it('logs each retry (row, attempt, next attempt, safe error) and the final failure, never the body or address; the gauges follow the queue', async () => {
    const log = captureLog();
    try {
      const deadMailer = createSmtpMailer(`smtp://127.0.0.1:${await freePort()}`, TEST_MAIL_FROM, TEST_APP_URL);
      await mail.t.db.$transaction((tx) =>
        enqueueEmail(
          tx,
          { kind: 'notice', to: 'jane@example.com', subject: 'S', text: 'Your link: https://x/reset/open?token=SECRETTOKEN' },
          clock,
        ),
      );
      clock.advance(5 * MINUTE);
      expect(await outboxStats(mail.t.db, clock.now())).toEqual({
        due: 1,
        retrying: 0,
        failed: 0,
        scheduled: 0,
        oldestWaitingSeconds: 300,
      });
      const id = (await mail.t.db.emailOutbox.findFirstOrThrow()).id;
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await deliverDueEmails({ db: mail.t.db, clock, mailer: deadMailer });
        if (attempt === 1)
          expect(await outboxStats(mail.t.db, clock.now())).toMatchObject({ due: 0, retrying: 1, failed: 0, oldestWaitingSeconds: 300 });
        clock.advance((await mail.t.db.emailOutbox.findFirstOrThrow()).nextAttemptAt.getTime() - clock.now().getTime());
      }
      const retries = log.lines.filter((l) => l.event === 'email-retry');
      expect(retries).toHaveLength(MAX_ATTEMPTS - 1);
      expect(retries[0]).toMatchObject({ level: 'warn', emailId: id, emailKind: 'notice', attempt: 1, nextAttemptAt: expect.any(String) });
      expect(String(retries[0]!.error)).toMatch(/ECONNREFUSED|connect/i);
      expect(log.lines.filter((l) => l.event === 'email-given-up')).toEqual([
        expect.objectContaining({ level: 'error', emailId: id, attempt: MAX_ATTEMPTS }),
      ]);
      expect(log.text()).not.toMatch(/SECRETTOKEN|jane@example\.com/);
      expect(await outboxStats(mail.t.db, clock.now())).toMatchObject({ due: 0, retrying: 0, failed: 1, oldestWaitingSeconds: 0 });
    } finally {
      log.restore();
    }
  });

  describe('startOutboxWorker', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('polls and delivers, and stops', async () => {
      const worker = startOutboxWorker(deps(), { intervalMs: 20 });
      try {
        await mail.t.db.$transaction((tx) =>
          enqueueEmail(tx, { kind: 'notice', to: 'jane@example.com', subject: 'Polled', text: 'T' }, clock),
        );
        await waitFor(() => mail.standin.messages().length === 1);
      } finally {
        await worker.stop();
      }
      await mail.t.db.$transaction((tx) =>
        enqueueEmail(tx, { kind: 'notice', to: 'bob@example.com', subject: 'After stop', text: 'T' }, clock),
      );
      await new Promise((r) => setTimeout(r, 150));
      expect(mail.standin.messages().map((m) => m.subject)).toEqual(['Polled']);
      expect(await mail.t.db.emailOutbox.count({ where: { sentAt: null } })).toBe(1);
    });

    it('on stop, finishes the email it is sending, releases nothing claimed and claims no more', async () => {
      for (const n of [1, 2, 3, 4])
        await mail.t.db.$transaction((tx) =>
          enqueueEmail(tx, { kind: 'notice', to: `p${n}@example.com`, subject: `Batch ${n}`, text: 'T' }, clock),
        );
      const worker = startOutboxWorker(deps(), { intervalMs: 10 });
      // The stop arrives while the SMTP server is receiving the first email.
      const add = mail.store.add;
      let stopping: Promise<void> | undefined;
      mail.store.add = (m) => {
        add(m);
        stopping ??= worker.stop();
      };
      try {
        await waitFor(() => stopping !== undefined);
        await stopping;
      } finally {
        mail.store.add = add;
      }
      expect(worker.status()).toMatchObject({ running: false, busy: false });
      expect(mail.standin.messages()).toHaveLength(1);
      const rows = await mail.t.db.emailOutbox.findMany({ orderBy: { toAddress: 'asc' } });
      expect(rows.filter((r) => r.sentAt !== null)).toHaveLength(1);
      // Nothing is left claimed: another worker may send the rest at once, each exactly once.
      expect(rows.every((r) => r.lockedUntil === null)).toBe(true);
      expect(await deliverDueEmails(deps())).toEqual({ sent: 3, failed: 0 });
      expect(
        mail.standin
          .messages()
          .map((m) => m.subject)
          .sort(),
      ).toEqual(['Batch 1', 'Batch 2', 'Batch 3', 'Batch 4']);
    });

    it('releases a row it claimed when the stop comes before the send', async () => {
      await mail.t.db.$transaction((tx) =>
        enqueueEmail(tx, { kind: 'notice', to: 'jane@example.com', subject: 'Claimed', text: 'T' }, clock),
      );
      // Asked before the claim (go on), then after it (stop).
      const answers = [false, true];
      expect(await deliverDueEmails(deps(), { shouldStop: () => answers.shift() ?? true })).toEqual({ sent: 0, failed: 0 });
      const row = await mail.t.db.emailOutbox.findFirstOrThrow();
      expect(row).toMatchObject({ sentAt: null, lockedUntil: null, attempts: 0 });
      expect(mail.standin.messages()).toHaveLength(0);
      expect(await deliverDueEmails(deps())).toEqual({ sent: 1, failed: 0 });
      expect(mail.standin.messages()).toHaveLength(1);
    });

    it('keeps polling when the database fails, and logs no credentials', async () => {
      const log = captureLog();
      const runsFailed = () => log.lines.filter((l) => l.event === 'outbox-run-failed');
      const broken = createDb(`postgresql://outbox:s3cret-pw@127.0.0.1:${await freePort()}/nowhere`);
      const worker = startOutboxWorker({ db: broken, clock, mailer: mail.mailer }, { intervalMs: 10 });
      try {
        await waitFor(() => runsFailed().length >= 3);
      } finally {
        await worker.stop();
        await broken.$disconnect().catch(() => {});
        log.restore();
      }
      expect(runsFailed()[0]).toMatchObject({ level: 'error' });
      expect(log.text()).not.toContain('s3cret-pw');
    });
  });

  it('lists and clears the received mail over HTTP', async () => {
    await mail.t.db.$transaction((tx) =>
      enqueueEmail(tx, { kind: 'notice', to: 'jane@example.com', subject: 'Inbox', text: 'Hello' }, clock),
    );
    await deliverDueEmails(deps());

    const server = await startHttp([mailInboxHandler(mail.store)]);
    const base = server.url;
    try {
      const listed = (await (await fetch(`${base}/_standin/mail`)).json()) as { messages: { to: string[]; subject: string }[] };
      expect(listed.messages).toHaveLength(1);
      expect(listed.messages[0]).toMatchObject({ to: ['jane@example.com'], subject: 'Inbox' });

      expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
      expect((await fetch(`${base}/_standin/mail`, { method: 'DELETE' })).status).toBe(204);
      expect(mail.standin.messages()).toHaveLength(0);
      const after = (await (await fetch(`${base}/_standin/mail`)).json()) as { messages: unknown[] };
      expect(after.messages).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
