// The holder's time zone (src/accounts/time-zone.ts): stored from the sign-in form once the
// password is right, kept when the browser sent none, chosen on Password and Security; an unknown
// zone is refused and nothing is stored. Then the emails write their dates in it (one example
// here; tests/eligibility/waiting-periods.int.test.ts has the waiting period's).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD, freshAccount, testDeps } from '../harness/accounts.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { chooseTimeZone, TIME_ZONE_UNKNOWN } from '../../src/accounts/time-zone.ts';
import { changeBirthDate } from '../../src/account-changes/account-changes.ts';
import { readSessionWithAccount } from '../../src/sessions/session-read.ts';

describe('the holder time zone', () => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  let accountId: string;
  let sessionId: string;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    ({ deps, accountId, sessionId } = await freshAccount(t.db));
  });

  const zone = async () => (await t.db.account.findUniqueOrThrow({ where: { id: accountId } })).timeZone;
  const signInFrom = (timeZone: string | undefined, password = GOOD_PASSWORD) =>
    signIn(deps, { appleId: 'jane.holder@example.com', password, ...(timeZone === undefined ? {} : { timeZone }) }, BROWSER);

  it('is unknown for a new account', async () => {
    expect(await zone()).toBeNull();
  });

  it('is stored from the sign-in form, in its canonical spelling, and the session read gives it to pages', async () => {
    expect((await signInFrom('america/los_angeles')).ok).toBe(true);
    expect(await zone()).toBe('America/Los_Angeles');
    expect((await readSessionWithAccount(t.db, sessionId))?.account.timeZone).toBe('America/Los_Angeles');
  });

  it('stays as it was when the browser sent none (scripts off) or one that is not a zone', async () => {
    await signInFrom('Europe/Paris');
    for (const sent of [undefined, '', 'Mars/Olympus_Mons', 'Etc/GMT+8', 'x'.repeat(300)]) {
      expect((await signInFrom(sent)).ok, String(sent)).toBe(true);
      expect(await zone(), String(sent)).toBe('Europe/Paris');
    }
  });

  it('is not stored by a sign-in with the wrong password', async () => {
    const result = await signInFrom('Asia/Tokyo', 'not my password');
    expect(result.ok).toBe(false);
    expect(await zone()).toBeNull();
  });

  it('can be chosen; an unknown zone is refused at the field and nothing is stored', async () => {
    await signInFrom('Europe/Paris');
    const refused = await chooseTimeZone(t.db, accountId, { timeZone: 'Mars/Olympus_Mons' });
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_FIELDS', fieldErrors: { timeZone: TIME_ZONE_UNKNOWN } });
    expect(await chooseTimeZone(t.db, accountId, {})).toMatchObject({ ok: false, fieldErrors: { timeZone: TIME_ZONE_UNKNOWN } });
    expect(await zone()).toBe('Europe/Paris');

    const chosen = await chooseTimeZone(t.db, accountId, { timeZone: 'America/New_York' });
    expect(chosen).toMatchObject({ ok: true, timeZone: 'America/New_York' });
    if (chosen.ok) expect(chosen.message).toBe('Your emails now give times in America/New York (Eastern Time).');
    expect(await zone()).toBe('America/New_York');
  });

  it("writes a security email's time in the stored zone, named", async () => {
    await chooseTimeZone(t.db, accountId, { timeZone: 'America/New_York' });
    // The test clock: 2026-11-23T10:00:00Z, 5:00 AM in New York.
    const result = await changeBirthDate(deps, { accountId, sessionId }, { birthDate: '1980-02-03' }, BROWSER);
    expect(result.ok).toBe(true);
    const mails = await t.db.emailOutbox.findMany({ where: { kind: 'birth-date-changed' } });
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) {
      expect(m.textBody).toContain('On Monday, November 23, 2026 at 5:00 AM Eastern Standard Time, your birth date was changed');
      expect(m.textBody).not.toContain('UTC');
    }
  });
});
