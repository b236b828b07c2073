// Waiting periods end to end: a real database (SQLite or PostgreSQL), the outbox delivered by the
// real nodemailer client to the SMTP stand-in, and the eligibility engine deciding.
import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../harness/db.ts';
import { withDatabaseAndMail } from '../harness/mail.ts';
import { accountInput, BROWSER, GOOD_PASSWORD, testDeps } from '../harness/accounts.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { DAY, HOUR, fixedClock } from '../../src/clock.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import {
  eligibilityInputFor,
  latestWaitingPeriod,
  readEligibility,
  recordSignificantChange,
  startDueWaitingPeriod,
  setupUnavailable,
  startSetup,
  type EligibilityDeps,
} from '../../src/eligibility/waiting-periods.ts';
import type { SignificantChangeKind } from '../../src/security-events/record.ts';
import { deliverDueEmails } from '../../src/mail/outbox-worker.ts';
import { formatDate, formatDateTime } from '../../src/format.ts';

const START = '2026-11-23T10:00:00.000Z';
const APPLE_ID = 'Jane.Holder@Example.com';
const RESCUE = 'jane.rescue@example.org';

describe('waiting periods', () => {
  const mail = withDatabaseAndMail({ seedCountries: true });
  let clock: ReturnType<typeof fixedClock>;
  let deps: EligibilityDeps;
  let accountId: string;

  beforeEach(async () => {
    await mail.t.db.account.deleteMany();
    const accountDeps = testDeps(mail.t.db, START);
    clock = accountDeps.clock;
    deps = { db: mail.t.db, clock, appUrl: accountDeps.appUrl };
    const created = await createAccount(accountDeps, accountInput({ appleId: APPLE_ID, rescueEmail: RESCUE }), BROWSER);
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    accountId = created.accountId;
    // Only the emails of the test itself count: not the welcome email.
    await mail.t.db.emailOutbox.deleteMany();
    mail.store.clear();
  });

  // Addresses are compared lower-cased: the SMTP client lower-cases the domain in the envelope.
  /** Delivers what the outbox holds and returns every email the SMTP stand-in has received, oldest first. */
  async function delivered() {
    await deliverDueEmails({ db: mail.t.db, clock, mailer: mail.mailer }, { batchSize: 100 });
    return mail.standin.messages().slice().reverse();
  }

  /** A significant change as the features will make it: the change and recordSignificantChange in one transaction. */
  async function change(kind: SignificantChangeKind, db: Db = mail.t.db) {
    await db.$transaction(async (tx) => {
      const account = await tx.account.findUniqueOrThrow({ where: { id: accountId } });
      if (kind === 'password-changed')
        await tx.account.update({ where: { id: accountId }, data: { passwordHash: 'x', passwordChangedAt: clock.now() } });
      await recordSignificantChange(tx, deps, account, kind, BROWSER);
    });
  }

  const periods = () => mail.t.db.waitingPeriod.findMany({ where: { accountId }, orderBy: { startedAt: 'asc' } });
  const events = async (kind: string) => mail.t.db.securityEvent.findMany({ where: { accountId, kind }, orderBy: { createdAt: 'asc' } });

  it(`reads the latest period and the country's date as the model queries do (raw SQL, ${TEST_ENGINE})`, async () => {
    const account = await mail.t.db.account.findUniqueOrThrow({ where: { id: accountId } });
    expect(await latestWaitingPeriod(mail.t.db, accountId)).toBeNull();
    await change('password-changed');
    clock.advance(HOUR);
    await change('rescue-email-changed');
    const row = await mail.t.db.waitingPeriod.findFirstOrThrow({
      where: { accountId },
      orderBy: [{ startedAt: 'desc' }, { endsAt: 'desc' }],
    });
    const { accountId: _owner, ...facts } = row;
    expect(await latestWaitingPeriod(mail.t.db, accountId)).toEqual(facts);
    const country = await mail.t.db.countryAvailability.findUniqueOrThrow({ where: { countryCode: account.countryCode } });
    expect((await eligibilityInputFor(mail.t.db, account, clock.now())).countryAvailableFrom).toEqual(country.availableFrom);
    expect((await eligibilityInputFor(mail.t.db, { ...account, countryCode: 'ZZ' }, clock.now())).countryAvailableFrom).toBeNull();
  });

  it(`writes the waiting period's dates in the account's zone, named, in the subject and the text (${TEST_ENGINE})`, async () => {
    await mail.t.db.account.update({ where: { id: accountId }, data: { timeZone: 'America/Los_Angeles' } });
    await change('password-changed'); // at 2026-11-23T10:00Z: 2:00 AM in Los Angeles; the wait ends 3 days later
    const mails = await delivered();
    expect(mails).toHaveLength(2);
    for (const m of mails) {
      expect(m.subject).toBe('Two-step verification setup is paused until November 26, 2026 (Pacific Standard Time)');
      expect(m.text).toContain('On Monday, November 23, 2026 at 2:00 AM Pacific Standard Time, your password was changed');
      expect(m.text).toContain('cannot be set up for this account until Thursday, November 26, 2026 at 2:00 AM Pacific Standard Time.');
      expect(m.text).not.toMatch(/UTC|GMT/);
      expect(m.html).toContain('Thursday, November 26, 2026 at 2:00 AM Pacific Standard Time');
    }
  });

  it('a significant change starts a waiting period and emails each address on file once, naming the end date', async () => {
    await change('password-changed');
    const endsAt = new Date(new Date(START).getTime() + 3 * DAY);

    const rows = await periods();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      reason: 'password-changed',
      reasonAt: new Date(START),
      startedAt: new Date(START),
      endsAt,
      windowEndsAt: new Date(endsAt.getTime() + 30 * DAY),
    });
    expect((await events('password-changed')).map((e) => e.clientAddress)).toEqual([BROWSER.clientAddress]);
    const started = await events('waiting-period-started');
    expect(started).toHaveLength(1);
    expect(JSON.parse(started[0]!.details!)).toMatchObject({ reason: 'password-changed', endsAt: endsAt.toISOString() });

    const mails = await delivered();
    expect(mails.map((m) => m.to[0]!.toLowerCase()).sort()).toEqual([APPLE_ID, RESCUE].map((a) => a.toLowerCase()).sort());
    for (const m of mails) {
      expect(m.to).toHaveLength(1);
      expect(m.subject).toBe(`Two-step verification setup is paused until ${formatDate(endsAt)}`);
      expect(m.text).toContain(formatDateTime(endsAt));
      expect(m.text).toContain('your password was changed');
      expect(m.text).toContain('contact support');
      expect(m.text).not.toContain(GOOD_PASSWORD);
    }

    clock.advance(HOUR);
    expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toEqual({
      state: 'waiting',
      endsAt,
      reason: 'password-changed',
      reasonAt: new Date(START),
    });
  });

  it('emails only the Apple ID when there is no rescue email', async () => {
    await mail.t.db.account.update({ where: { id: accountId }, data: { rescueEmail: null } });
    await change('security-questions-changed');
    expect((await delivered()).map((m) => m.to.map((a) => a.toLowerCase()))).toEqual([[APPLE_ID.toLowerCase()]]);
  });

  it('emails the addresses on file after the change, even when the caller passes the account as it was before', async () => {
    await mail.t.db.$transaction(async (tx) => {
      const before = await tx.account.findUniqueOrThrow({ where: { id: accountId } });
      await tx.account.update({ where: { id: accountId }, data: { rescueEmail: 'new.rescue@example.net' } });
      await recordSignificantChange(tx, deps, before, 'rescue-email-changed', BROWSER);
    });
    const mails = await delivered();
    expect(mails.map((m) => m.to[0]!.toLowerCase()).sort()).toEqual([APPLE_ID.toLowerCase(), 'new.rescue@example.net']);
    expect(mails[0]!.text).toContain('your rescue email was changed');
  });

  it('a second change inside the period extends it, names that change, and emails the new date to every address on file, the new rescue address included', async () => {
    await change('password-changed');
    expect(await delivered()).toHaveLength(2);

    clock.advance(2 * DAY);
    const second = clock.now();
    await mail.t.db.$transaction(async (tx) => {
      const before = await tx.account.findUniqueOrThrow({ where: { id: accountId } });
      await tx.account.update({ where: { id: accountId }, data: { rescueEmail: 'second.rescue@example.net' } });
      await recordSignificantChange(tx, deps, before, 'rescue-email-changed', BROWSER);
    });
    const newEnd = new Date(second.getTime() + 3 * DAY);

    const rows = await periods();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      reason: 'rescue-email-changed',
      reasonAt: second,
      endsAt: newEnd,
      windowEndsAt: new Date(newEnd.getTime() + 30 * DAY),
    });
    expect(await events('rescue-email-changed')).toHaveLength(1);
    expect(await events('waiting-period-started')).toHaveLength(1);
    const mails = (await delivered()).slice(2);
    expect(mails.map((m) => m.to[0]!.toLowerCase()).sort()).toEqual([APPLE_ID.toLowerCase(), 'second.rescue@example.net']);
    for (const m of mails) {
      expect(m.subject).toBe(`Two-step verification setup is paused until ${formatDate(newEnd)}`);
      expect(m.text).toContain(formatDateTime(newEnd));
      expect(m.text).toContain('your rescue email was changed');
      expect(m.text).toContain('now ends later than our earlier email said');
    }

    // A change at the same instant does not move the end: no further email.
    await change('security-questions-changed');
    expect(await delivered()).toHaveLength(4);

    // The page names the latest change: still waiting 1 ms before the new end, available at it,
    // and the one "you can turn it on now" email per address goes then (not at the first end).
    clock.set(new Date(newEnd.getTime() - 1));
    expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toEqual({
      state: 'waiting',
      endsAt: newEnd,
      reason: 'security-questions-changed',
      reasonAt: second,
    });
    expect(await delivered()).toHaveLength(4);
    clock.set(newEnd);
    expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toEqual({
      state: 'available',
      completeBy: new Date(newEnd.getTime() + 30 * DAY),
    });
    const ended = (await delivered()).slice(4);
    expect(ended.map((m) => m.subject)).toEqual(['You can turn on two-step verification now', 'You can turn on two-step verification now']);
    expect(ended[0]!.text).toContain(`Complete setup by ${formatDateTime(new Date(newEnd.getTime() + 30 * DAY))}`);
  });

  it('a change inside the 30-day window after a period starts a new period with its own email', async () => {
    await change('password-changed');
    clock.advance(10 * DAY);
    await change('birth-date-changed');
    const rows = await periods();
    expect(rows.map((r) => r.reason)).toEqual(['password-changed', 'birth-date-changed']);
    expect(rows[1]!.endsAt).toEqual(new Date(clock.now().getTime() + 3 * DAY));
    // The first period's "you can turn it on now" email was due on day 3 and is cancelled unsent
    // with the rest of its schedule: only the two started emails of each period go.
    const mails = await delivered();
    expect(mails).toHaveLength(4);
    expect(mails.slice(2).every((m) => m.text.includes('your birth date was changed'))).toBe(true);
  });

  it('changes made at the same moment from several app instances start one period with one email per address', async () => {
    const clients =
      TEST_ENGINE === 'postgresql' ? Array.from({ length: 6 }, () => createDb(mail.t.url)) : Array.from({ length: 6 }, () => mail.t.db);
    try {
      // Security questions live in their own table: nothing but recordSignificantChange touches the account row.
      await Promise.all(clients.map((db) => change('security-questions-changed', db)));
    } finally {
      if (TEST_ENGINE === 'postgresql') await Promise.all(clients.map((db) => db.$disconnect()));
    }
    expect(await periods()).toHaveLength(1);
    expect(await events('security-questions-changed')).toHaveLength(6);
    expect(await events('waiting-period-started')).toHaveLength(1);
    expect(await delivered()).toHaveLength(2);
  });

  it('a change with two-step on starts nothing and sends nothing', async () => {
    await mail.t.db.account.update({ where: { id: accountId }, data: { twoStepEnabledAt: new Date('2026-01-01T00:00:00Z') } });
    await change('password-changed');
    expect(await periods()).toHaveLength(0);
    expect(await events('password-changed')).toHaveLength(1); // the change itself is still recorded
    expect(await events('waiting-period-started')).toHaveLength(0);
    expect(await delivered()).toHaveLength(0);
    expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toEqual({ state: 'on', since: new Date('2026-01-01T00:00:00Z') });
  });

  it('page views send nothing more, during the period and after it', async () => {
    await change('password-reset');
    for (let i = 0; i < 12; i++) {
      expect((await startDueWaitingPeriod(deps, accountId, BROWSER)).state).toBe('waiting');
      clock.advance(5 * HOUR);
    }
    clock.advance(2 * DAY);
    for (let i = 0; i < 5; i++) expect((await startDueWaitingPeriod(deps, accountId, BROWSER)).state).toBe('available');
    expect(await periods()).toHaveLength(1);
    expect(await events('waiting-period-started')).toHaveLength(1);
    // The started email and the one scheduled for the end of the wait, per address.
    expect((await delivered()).map((m) => m.subject)).toEqual([
      expect.stringContaining('paused until'),
      expect.stringContaining('paused until'),
      'You can turn on two-step verification now',
      'You can turn on two-step verification now',
    ]);
  });

  it('reports an unavailable country with its date, or none, and starts nothing', async () => {
    await mail.t.db.countryAvailability.create({ data: { countryCode: 'NP', availableFrom: new Date('2027-06-01T00:00:00Z') } });
    await mail.t.db.account.update({ where: { id: accountId }, data: { countryCode: 'NP' } });
    expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toEqual({
      state: 'country-unavailable',
      countryCode: 'NP',
      availableFrom: new Date('2027-06-01T00:00:00Z'),
    });
    expect(await startSetup(deps, accountId, BROWSER)).toMatchObject({
      ok: false,
      code: 'SETUP_UNAVAILABLE',
      eligibility: { state: 'country-unavailable' },
    });
    await mail.t.db.countryAvailability.delete({ where: { countryCode: 'NP' } });
    expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toEqual({
      state: 'country-unavailable',
      countryCode: 'NP',
      availableFrom: null,
    });
    expect((await mail.t.db.account.findUniqueOrThrow({ where: { id: accountId } })).setupStartedAt).toBeNull();
  });

  describe('startSetup', () => {
    it('with no recent change starts at once, with 30 days to complete, and keeps that deadline when chosen again', async () => {
      expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toEqual({ state: 'available', completeBy: null });
      const deadline = new Date(new Date(START).getTime() + 30 * DAY);
      expect(await startSetup(deps, accountId, BROWSER)).toEqual({ ok: true, deadline });
      const account = await mail.t.db.account.findUniqueOrThrow({ where: { id: accountId } });
      expect(account.setupStartedAt).toEqual(new Date(START));
      expect(account.setupDeadline).toEqual(deadline);
      expect(await events('two-step-setup-started')).toHaveLength(1);
      expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toEqual({ state: 'available', completeBy: deadline });

      clock.advance(DAY);
      expect(await startSetup(deps, accountId, BROWSER)).toEqual({ ok: true, deadline });
      expect((await mail.t.db.account.findUniqueOrThrow({ where: { id: accountId } })).setupStartedAt).toEqual(new Date(START));
      expect(await delivered()).toHaveLength(0);
    });

    it('refuses during a waiting period, then records the end of the 30-day window as the deadline', async () => {
      await change('password-changed');
      const [period] = await periods();
      clock.advance(DAY);
      const refused = await startSetup(deps, accountId, BROWSER);
      expect(refused).toEqual(
        setupUnavailable({ state: 'waiting', endsAt: period!.endsAt, reason: 'password-changed', reasonAt: new Date(START) }),
      );
      expect((await mail.t.db.account.findUniqueOrThrow({ where: { id: accountId } })).setupDeadline).toBeNull();

      clock.set(period!.endsAt);
      expect(await startSetup(deps, accountId, BROWSER)).toEqual({ ok: true, deadline: period!.windowEndsAt });
      expect((await mail.t.db.account.findUniqueOrThrow({ where: { id: accountId } })).setupDeadline).toEqual(period!.windowEndsAt);
    });

    it('refuses with two-step on', async () => {
      await mail.t.db.account.update({ where: { id: accountId }, data: { twoStepEnabledAt: new Date(START) } });
      const refused = await startSetup(deps, accountId, BROWSER);
      expect(refused).toEqual(setupUnavailable({ state: 'on', since: new Date(START) }));
      // The refusal says why in the Two-Step section's words.
      expect(refused).toMatchObject({
        ok: false,
        code: 'SETUP_UNAVAILABLE',
        error: expect.stringMatching(/^Two-step verification is on since .*2026.*\.$/),
      });
    });

    it('a significant change during setup ends the setup', async () => {
      await startSetup(deps, accountId, BROWSER);
      clock.advance(DAY);
      await change('security-questions-changed');
      const account = await mail.t.db.account.findUniqueOrThrow({ where: { id: accountId } });
      expect(account.setupStartedAt).toBeNull();
      expect(account.setupDeadline).toBeNull();
      expect((await startDueWaitingPeriod(deps, accountId, BROWSER)).state).toBe('waiting');
    });
  });

  describe('the setup window running out', () => {
    it('starts one waiting period with one email per address, however many requests evaluate at once', async () => {
      const started = await startSetup(deps, accountId, BROWSER);
      if (!started.ok) throw new Error('setup should start');
      clock.set(new Date(started.deadline.getTime() + HOUR));
      const expectedEnd = new Date(clock.now().getTime() + 3 * DAY);

      // On PostgreSQL, separate clients (connection pools), as separate app instances have; on SQLite
      // one client (better-sqlite3 is synchronous: two clients in one process would block each other).
      const clients =
        TEST_ENGINE === 'postgresql' ? Array.from({ length: 10 }, () => createDb(mail.t.url)) : Array.from({ length: 10 }, () => mail.t.db);
      try {
        const results = await Promise.all(clients.map((db) => startDueWaitingPeriod({ ...deps, db }, accountId, BROWSER)));
        for (const r of results) expect(r).toEqual({ state: 'window-expired', windowEndedAt: started.deadline, endsAt: expectedEnd });
      } finally {
        if (TEST_ENGINE === 'postgresql') await Promise.all(clients.map((db) => db.$disconnect()));
      }

      const rows = await periods();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        reason: 'setup-window-expired',
        reasonAt: started.deadline,
        startedAt: clock.now(),
        endsAt: expectedEnd,
        windowEndsAt: new Date(expectedEnd.getTime() + 30 * DAY),
      });
      expect(await events('waiting-period-started')).toHaveLength(1);
      const account = await mail.t.db.account.findUniqueOrThrow({ where: { id: accountId } });
      expect(account.setupStartedAt).toBeNull();
      expect(account.setupDeadline).toBeNull();

      const mails = await delivered();
      expect(mails.map((m) => m.to[0]!.toLowerCase()).sort()).toEqual([APPLE_ID, RESCUE].map((a) => a.toLowerCase()).sort());
      for (const m of mails) {
        expect(m.text).toContain('the 30 days to complete setup ran out');
        expect(m.text).toContain(formatDateTime(expectedEnd));
      }

      // Later page views: the same period, no more email; after it, a fresh 30-day window.
      clock.advance(DAY);
      expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toEqual({
        state: 'window-expired',
        windowEndedAt: started.deadline,
        endsAt: expectedEnd,
      });
      expect(await startSetup(deps, accountId, BROWSER)).toMatchObject({
        ok: false,
        code: 'SETUP_UNAVAILABLE',
        eligibility: { state: 'window-expired' },
      });
      clock.set(expectedEnd);
      expect(await startSetup(deps, accountId, BROWSER)).toEqual({ ok: true, deadline: new Date(expectedEnd.getTime() + 30 * DAY) });
      expect(await periods()).toHaveLength(1);
      // Then only the end of the new wait's email, per address.
      expect((await delivered()).slice(2).map((m) => m.subject)).toEqual([
        'You can turn on two-step verification now',
        'You can turn on two-step verification now',
      ]);
    });

    it('readEligibility reports a window that ran out and the period it would start, and writes nothing', async () => {
      const started = await startSetup(deps, accountId, BROWSER);
      if (!started.ok) throw new Error('setup should start');
      const before = {
        account: await mail.t.db.account.findUniqueOrThrow({ where: { id: accountId } }),
        events: await mail.t.db.securityEvent.count(),
        outbox: await mail.t.db.emailOutbox.count(),
      };
      for (const hours of [1, 7]) {
        clock.set(new Date(started.deadline.getTime() + hours * HOUR));
        const endsAt = new Date(clock.now().getTime() + 3 * DAY);
        expect(await readEligibility(mail.t.db, accountId, clock.now())).toEqual({
          eligibility: { state: 'window-expired', windowEndedAt: started.deadline, endsAt },
          dueWaitingPeriod: {
            reason: 'setup-window-expired',
            reasonAt: started.deadline,
            startedAt: clock.now(),
            endsAt,
            windowEndsAt: new Date(endsAt.getTime() + 30 * DAY),
          },
        });
      }
      // Not stored: no period, event or email, and the setup is still recorded as it was.
      expect(await periods()).toHaveLength(0);
      expect(await mail.t.db.account.findUniqueOrThrow({ where: { id: accountId } })).toEqual(before.account);
      expect(await mail.t.db.securityEvent.count()).toBe(before.events);
      expect(await mail.t.db.emailOutbox.count()).toBe(before.outbox);
    });

    it('startDueWaitingPeriod stores the period readEligibility reported; from then on both report its fixed dates and none is due', async () => {
      const started = await startSetup(deps, accountId, BROWSER);
      if (!started.ok) throw new Error('setup should start');
      clock.set(new Date(started.deadline.getTime() + HOUR));
      const { eligibility: seen } = await readEligibility(mail.t.db, accountId, clock.now());
      expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toEqual(seen);
      expect(await periods()).toHaveLength(1);
      clock.advance(DAY);
      expect(await readEligibility(mail.t.db, accountId, clock.now())).toEqual({ eligibility: seen, dueWaitingPeriod: null });
      expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toEqual(seen);
      expect(await periods()).toHaveLength(1);
    });

    it('readEligibility takes the account a page already read for its facts', async () => {
      const account = await mail.t.db.account.findUniqueOrThrow({ where: { id: accountId } });
      // The page's copy says two-step is on: the answer follows it (no second read of the row).
      const known = { ...account, twoStepEnabledAt: new Date(START) };
      expect(await readEligibility(mail.t.db, accountId, clock.now(), known)).toEqual({
        eligibility: { state: 'on', since: new Date(START) },
        dueWaitingPeriod: null,
      });
      expect(await readEligibility(mail.t.db, accountId, clock.now())).toEqual({
        eligibility: { state: 'available', completeBy: null },
        dueWaitingPeriod: null,
      });
    });

    it('at exactly the deadline the window is over; 1 ms before it is not', async () => {
      const started = await startSetup(deps, accountId, BROWSER);
      if (!started.ok) throw new Error('setup should start');
      clock.set(new Date(started.deadline.getTime() - 1));
      expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toEqual({ state: 'available', completeBy: started.deadline });
      expect(await periods()).toHaveLength(0);
      clock.set(started.deadline);
      expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toMatchObject({
        state: 'window-expired',
        windowEndedAt: started.deadline,
      });
      expect(await periods()).toHaveLength(1);
    });

    it('startSetup after the deadline starts the period (with its email) and refuses', async () => {
      const started = await startSetup(deps, accountId, BROWSER);
      if (!started.ok) throw new Error('setup should start');
      clock.set(new Date(started.deadline.getTime() + 5 * DAY));
      const result = await startSetup(deps, accountId, BROWSER);
      expect(result).toEqual(
        setupUnavailable({ state: 'window-expired', windowEndedAt: started.deadline, endsAt: new Date(clock.now().getTime() + 3 * DAY) }),
      );
      expect(await periods()).toHaveLength(1);
      expect(await delivered()).toHaveLength(2);
    });
  });
});
