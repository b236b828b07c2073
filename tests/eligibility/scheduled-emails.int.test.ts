// The waiting-period emails (docs/rules.md#waiting-period) end to end on a real database (SQLite or
// PostgreSQL) and the real SMTP stand-in: the 30 days after a wait run out whether or not Get
// Started was chosen; the emails scheduled for the end of a wait and 5 days before its window
// closes go once, at their time, even with several workers; an account whose country is not offered
// is promised nothing it cannot have.
import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../harness/db.ts';
import { withDatabaseAndMail } from '../harness/mail.ts';
import { accountInput, BROWSER, freshAccount, testDeps } from '../harness/accounts.ts';
import { confirmRecoveryKey, issueRecoveryKey, turnOn, type TurnOnDeps } from '../../src/two-step/turn-on.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { DAY, HOUR, fixedClock } from '../../src/clock.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { startDueWaitingPeriod, recordSignificantChange, startSetup, type EligibilityDeps } from '../../src/eligibility/waiting-periods.ts';
import { deliverDueEmails } from '../../src/mail/outbox-worker.ts';
import { formatDate, formatDateTime } from '../../src/format.ts';

const START = '2026-11-23T10:00:00.000Z';
const APPLE_ID = 'sam.holder@example.com';
const RESCUE = 'sam.rescue@example.org';
const ENDED = 'You can turn on two-step verification now';
const at = (ms: number) => new Date(new Date(START).getTime() + ms);

describe('scheduled setup emails', () => {
  const mail = withDatabaseAndMail({ seedCountries: true });
  let clock: ReturnType<typeof fixedClock>;
  let deps: EligibilityDeps;
  let accountId: string;

  beforeEach(async () => {
    await mail.t.db.account.deleteMany();
    await mail.t.db.countryAvailability.deleteMany({ where: { countryCode: 'NP' } });
    const accountDeps = testDeps(mail.t.db, START);
    clock = accountDeps.clock;
    deps = { db: mail.t.db, clock, appUrl: accountDeps.appUrl };
    const created = await createAccount(accountDeps, accountInput({ appleId: APPLE_ID, rescueEmail: RESCUE }), BROWSER);
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    accountId = created.accountId;
    await mail.t.db.emailOutbox.deleteMany();
    mail.store.clear();
  });

  /**
   * Delivers what is due now (with `workers` workers at once, each its own client on PostgreSQL);
   * returns every email received, oldest first.
   */
  async function delivered(workers = 1) {
    const clients: Db[] =
      TEST_ENGINE === 'postgresql' && workers > 1
        ? Array.from({ length: workers }, () => createDb(mail.t.url))
        : Array.from({ length: workers }, () => mail.t.db);
    try {
      await Promise.all(clients.map((db) => deliverDueEmails({ db, clock, mailer: mail.mailer }, { batchSize: 100 })));
    } finally {
      if (TEST_ENGINE === 'postgresql' && workers > 1) await Promise.all(clients.map((db) => db.$disconnect()));
    }
    return mail.standin.messages().slice().reverse();
  }
  const subjects = async (workers = 1) => (await delivered(workers)).map((m) => `${m.to[0]!.toLowerCase()}: ${m.subject}`);

  async function change(kind: 'password-changed' | 'security-questions-changed' | 'rescue-email-changed') {
    await mail.t.db.$transaction(async (tx) => {
      const account = await tx.account.findUniqueOrThrow({ where: { id: accountId } });
      await recordSignificantChange(tx, deps, account, kind, BROWSER);
    });
  }
  const periods = () => mail.t.db.waitingPeriod.findMany({ where: { accountId }, orderBy: { startedAt: 'asc' } });

  it('the end of the wait and 5 days before the 30 days close: one email each per address, at their time, with 4 workers at once', async () => {
    await change('password-changed');
    const endsAt = at(3 * DAY);
    const completeBy = at(33 * DAY);
    expect(await delivered(4)).toHaveLength(2); // the started email only

    clock.set(new Date(endsAt.getTime() - 1));
    expect(await delivered(4)).toHaveLength(2);
    clock.set(endsAt);
    const ended = (await delivered(4)).slice(2);
    expect(ended.map((m) => m.to[0]!.toLowerCase()).sort()).toEqual([APPLE_ID, RESCUE]);
    for (const m of ended) {
      expect(m.subject).toBe(ENDED);
      expect(m.text).toContain('you can turn on two-step verification now');
      expect(m.text).toContain(`Complete setup by ${formatDateTime(completeBy)}`);
    }

    const reminderAt = new Date(completeBy.getTime() - 5 * DAY);
    clock.set(new Date(reminderAt.getTime() - 1));
    expect(await delivered(4)).toHaveLength(4);
    clock.set(reminderAt);
    const reminders = (await delivered(4)).slice(4);
    expect(reminders.map((m) => m.subject)).toEqual([
      `5 days left to turn on two-step verification, until ${formatDate(completeBy)}`,
      `5 days left to turn on two-step verification, until ${formatDate(completeBy)}`,
    ]);
    expect(reminders[0]!.text).toContain(formatDateTime(completeBy));

    // Many more polls, page views and workers later: nothing more.
    for (let i = 0; i < 3; i++) {
      clock.advance(HOUR);
      await startDueWaitingPeriod(deps, accountId, BROWSER);
      expect(await delivered(4)).toHaveLength(6);
    }
    const rows = await mail.t.db.emailOutbox.findMany({ where: { accountId } });
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 0)).toBe(true);
  });

  it('password changed, wait over, Get Started never chosen, 31 days later: a new waiting period with its date and its email', async () => {
    await change('password-changed');
    const windowEndsAt = at(33 * DAY);
    clock.set(at(3 * DAY + 31 * DAY));
    const now = clock.now();
    const newEnd = new Date(now.getTime() + 3 * DAY);

    // 10 page views at once (separate clients on PostgreSQL): one period, one email per address.
    const clients =
      TEST_ENGINE === 'postgresql' ? Array.from({ length: 10 }, () => createDb(mail.t.url)) : Array.from({ length: 10 }, () => mail.t.db);
    try {
      const results = await Promise.all(clients.map((db) => startDueWaitingPeriod({ ...deps, db }, accountId, BROWSER)));
      for (const r of results) expect(r).toEqual({ state: 'window-expired', windowEndedAt: windowEndsAt, endsAt: newEnd });
    } finally {
      if (TEST_ENGINE === 'postgresql') await Promise.all(clients.map((db) => db.$disconnect()));
    }
    const rows = await periods();
    expect(rows.map((r) => [r.reason, r.reasonAt.toISOString(), r.endsAt.toISOString()])).toEqual([
      ['password-changed', START, at(3 * DAY).toISOString()],
      ['setup-window-expired', windowEndsAt.toISOString(), newEnd.toISOString()],
    ]);
    expect(await startSetup(deps, accountId, BROWSER)).toMatchObject({
      ok: false,
      code: 'SETUP_UNAVAILABLE',
      eligibility: { state: 'window-expired', endsAt: newEnd },
    });

    const mails = await delivered();
    const newMails = mails.filter((m) => m.subject === `Two-step verification setup is paused until ${formatDate(newEnd)}`);
    expect(newMails.map((m) => m.to[0]!.toLowerCase()).sort()).toEqual([APPLE_ID, RESCUE]);
    expect(newMails[0]!.text).toContain('the 30 days to complete setup ran out');
    expect(newMails[0]!.text).toContain(formatDateTime(newEnd));

    // On its end: available again with a fresh 30 days, and the "you can turn it on now" email.
    clock.set(newEnd);
    expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toEqual({
      state: 'available',
      completeBy: new Date(newEnd.getTime() + 30 * DAY),
    });
    expect((await delivered()).slice(mails.length).map((m) => m.subject)).toEqual([ENDED, ENDED]);
  });

  it('a waiting period that started more than a year ago no longer counts: available at once, nothing started, nothing sent', async () => {
    await change('password-changed');
    await mail.t.db.emailOutbox.deleteMany();
    clock.set(at(365 * DAY));
    expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toEqual({ state: 'available', completeBy: null });
    expect(await periods()).toHaveLength(1);
    expect(await delivered()).toHaveLength(0);
    // Get Started gives a fresh 30 days, with its reminder 5 days before they end.
    expect(await startSetup(deps, accountId, BROWSER)).toEqual({ ok: true, deadline: at(395 * DAY) });
    clock.set(at(390 * DAY));
    expect(await subjects()).toEqual([
      `${APPLE_ID}: 5 days left to turn on two-step verification, until ${formatDate(at(395 * DAY))}`,
      `${RESCUE}: 5 days left to turn on two-step verification, until ${formatDate(at(395 * DAY))}`,
    ]);
  });

  it('an extension replaces the scheduled emails: none at the first end, one at the new end', async () => {
    await change('password-changed');
    clock.advance(DAY);
    await change('security-questions-changed');
    const newEnd = at(4 * DAY);
    clock.set(at(3 * DAY));
    expect((await subjects()).filter((s) => s.endsWith(ENDED))).toEqual([]);
    clock.set(newEnd);
    expect((await subjects()).filter((s) => s.endsWith(ENDED))).toHaveLength(2);
    expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toEqual({ state: 'available', completeBy: at(34 * DAY) });
  });

  it('turning two-step on cancels the reminder', async () => {
    const fresh = await freshAccount(mail.t.db, START);
    accountId = fresh.accountId;
    clock = fresh.deps.clock;
    deps = { db: mail.t.db, clock, appUrl: fresh.deps.appUrl };
    const turnOnDeps = fresh.deps as unknown as TurnOnDeps;
    const actor = { accountId, sessionId: fresh.sessionId };
    await change('password-changed');
    clock.set(at(3 * DAY));
    expect(await startSetup(deps, accountId, BROWSER)).toMatchObject({ ok: true });
    await mail.t.db.trustedDevice.create({
      data: { accountId, kind: 'sms', phoneNumber: '+15550104242', createdAt: clock.now(), verifiedAt: clock.now() },
    });
    const issued = await issueRecoveryKey(turnOnDeps, actor, BROWSER);
    if (!issued.ok) throw new Error(issued.error);
    expect(await confirmRecoveryKey(turnOnDeps, actor, { recoveryKey: issued.recoveryKey }, BROWSER)).toEqual({ ok: true });
    expect(await mail.t.db.emailOutbox.count({ where: { accountId, kind: 'setup-window-closing', sentAt: null } })).toBe(2);
    expect((await turnOn(turnOnDeps, actor, { accept: 'on' }, BROWSER)).ok).toBe(true);
    expect(await mail.t.db.emailOutbox.count({ where: { accountId, kind: 'setup-window-closing' } })).toBe(0);
    clock.set(at(40 * DAY));
    expect((await subjects()).filter((s) => s.includes('5 days left'))).toEqual([]);
  });

  describe('an account in a country where two-step is not offered', () => {
    it('gets the waiting-period email without "30 days", saying it is not offered, and nothing scheduled', async () => {
      await mail.t.db.countryAvailability.create({ data: { countryCode: 'NP', availableFrom: new Date('2027-03-01T00:00:00Z') } });
      await mail.t.db.account.update({ where: { id: accountId }, data: { countryCode: 'NP' } });
      await change('password-changed');
      const mails = await delivered();
      expect(mails).toHaveLength(2);
      for (const m of mails) {
        expect(m.text).not.toContain('30 days');
        expect(m.text).toContain('Two-step verification is not offered yet in Nepal');
        expect(m.text).toContain('it will be from March 1, 2027');
        expect(m.text).toContain(`until ${formatDateTime(at(3 * DAY))}`);
      }
      expect(await mail.t.db.emailOutbox.count({ where: { accountId, sentAt: null } })).toBe(0);
      expect(await startDueWaitingPeriod(deps, accountId, BROWSER)).toMatchObject({ state: 'country-unavailable', countryCode: 'NP' });
    });

    it('a country not on the list at all: no date named', async () => {
      await mail.t.db.account.update({ where: { id: accountId }, data: { countryCode: 'NP' } });
      await change('rescue-email-changed');
      const [m] = await delivered();
      expect(m!.text).toContain('Two-step verification is not offered yet in Nepal, the country or region of your account.');
      expect(m!.text).not.toContain('30 days');
    });

    it('a country that opens before the wait ends is treated as offered', async () => {
      await mail.t.db.countryAvailability.create({ data: { countryCode: 'NP', availableFrom: at(2 * DAY) } });
      await mail.t.db.account.update({ where: { id: accountId }, data: { countryCode: 'NP' } });
      await change('password-changed');
      expect((await delivered())[0]!.text).toContain('After that date you have 30 days');
      clock.set(at(3 * DAY));
      expect((await subjects()).filter((s) => s.endsWith(ENDED))).toHaveLength(2);
    });
  });
});
