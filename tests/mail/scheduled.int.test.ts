// Scheduled emails (src/mail/scheduled.ts) on a real database (SQLite or PostgreSQL) and the SMTP
// stand-in: an outbox row with a due time is sent by no worker before it, by exactly one of several
// workers at it (separate clients on PostgreSQL, as separate app instances), and a cancelled one never.
import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../harness/db.ts';
import { withDatabaseAndMail } from '../harness/mail.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { DAY, fixedClock } from '../../src/clock.ts';
import { cancelScheduledEmails, scheduleEmail } from '../../src/mail/scheduled.ts';
import { deliverDueEmails } from '../../src/mail/outbox-worker.ts';

const START = '2026-11-23T10:00:00.000Z';
const DUE = new Date('2026-11-26T10:00:00.000Z');

describe('scheduled emails', () => {
  const mail = withDatabaseAndMail();
  let clock: ReturnType<typeof fixedClock>;

  beforeEach(async () => {
    await mail.t.db.emailOutbox.deleteMany();
    mail.store.clear();
    clock = fixedClock(START);
  });

  /** `n` workers at once, each with its own client on PostgreSQL; returns how many emails the SMTP stand-in holds. */
  async function workers(n: number): Promise<number> {
    const clients: Db[] =
      TEST_ENGINE === 'postgresql' ? Array.from({ length: n }, () => createDb(mail.t.url)) : Array.from({ length: n }, () => mail.t.db);
    try {
      await Promise.all(clients.map((db) => deliverDueEmails({ db, clock, mailer: mail.mailer }, { batchSize: 50 })));
    } finally {
      if (TEST_ENGINE === 'postgresql') await Promise.all(clients.map((db) => db.$disconnect()));
    }
    return mail.standin.messages().length;
  }

  const email = (to: string | string[]) => ({ kind: 'test-scheduled', accountId: 'acct-1', to, subject: 'Due later', text: 'Hello\n' });

  it('goes at its due time, once, with 6 workers polling at once', async () => {
    await scheduleEmail(mail.t.db, email(['a@example.com', 'b@example.com', 'A@example.com']), DUE, clock);
    expect(await mail.t.db.emailOutbox.count()).toBe(2); // one row per distinct address
    clock.set(new Date(DUE.getTime() - 1));
    expect(await workers(6)).toBe(0);
    clock.set(DUE);
    expect(await workers(6)).toBe(2);
    clock.advance(DAY);
    expect(await workers(6)).toBe(2);
    expect(
      mail.standin
        .messages()
        .map((m) => m.to[0]!.toLowerCase())
        .sort(),
    ).toEqual(['a@example.com', 'b@example.com']);
  });

  it('a due time already past is due at once', async () => {
    await scheduleEmail(mail.t.db, email('a@example.com'), new Date('2020-01-01T00:00:00Z'), clock);
    const [row] = await mail.t.db.emailOutbox.findMany();
    expect(row!.nextAttemptAt).toEqual(new Date(START));
    expect(await workers(2)).toBe(1);
  });

  it('cancelled before it is due: never sent; only the kinds and account named are cancelled', async () => {
    await scheduleEmail(mail.t.db, email('a@example.com'), DUE, clock);
    await scheduleEmail(mail.t.db, { ...email('b@example.com'), accountId: 'acct-2' }, DUE, clock);
    await scheduleEmail(mail.t.db, { ...email('c@example.com'), kind: 'other' }, DUE, clock);
    expect(await cancelScheduledEmails(mail.t.db, { kinds: ['test-scheduled'], accountId: 'acct-1' }, clock)).toBe(1);
    clock.set(DUE);
    expect(await workers(3)).toBe(2);
    expect(
      mail.standin
        .messages()
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(['b@example.com', 'c@example.com']);
  });

  it('a row a worker holds a claim on is not cancelled (it is being sent); a sent row is never deleted', async () => {
    await scheduleEmail(mail.t.db, email('a@example.com'), DUE, clock);
    clock.set(DUE);
    await mail.t.db.emailOutbox.updateMany({ data: { lockedUntil: new Date(DUE.getTime() + 60_000) } }); // as a worker's claim
    expect(await cancelScheduledEmails(mail.t.db, { kinds: ['test-scheduled'] }, clock)).toBe(0);
    clock.advance(61_000); // the claim expired: the worker died; the row is cancellable again
    expect(await cancelScheduledEmails(mail.t.db, { kinds: ['test-scheduled'] }, clock)).toBe(1);

    await scheduleEmail(mail.t.db, email('a@example.com'), DUE, clock);
    expect(await workers(1)).toBe(1);
    expect(await cancelScheduledEmails(mail.t.db, { kinds: ['test-scheduled'] }, clock)).toBe(0);
    expect(await mail.t.db.emailOutbox.count()).toBe(1);
  });

  it('cancels and workers racing on due rows: every row is either sent once or deleted, never both', async () => {
    const addresses = Array.from({ length: 30 }, (_, i) => `r${i}@example.com`);
    await scheduleEmail(mail.t.db, email(addresses), DUE, clock);
    clock.set(DUE);
    const cancelDb = TEST_ENGINE === 'postgresql' ? createDb(mail.t.url) : mail.t.db;
    let cancelled = 0;
    try {
      const [, c] = await Promise.all([workers(3), cancelScheduledEmails(cancelDb, { kinds: ['test-scheduled'] }, clock)]);
      cancelled = c;
    } finally {
      if (TEST_ENGINE === 'postgresql') await cancelDb.$disconnect();
    }
    const sent = mail.standin.messages().map((m) => m.to[0]);
    expect(new Set(sent).size).toBe(sent.length); // nobody twice
    expect(sent.length + cancelled).toBe(30);
    expect(await mail.t.db.emailOutbox.count({ where: { sentAt: null } })).toBe(0);
  });
});
