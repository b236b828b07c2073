// The one read of a signed-in request (src/sessions/session-read.ts, raw SQL) gives what the Prisma
// model reads give, on both engines; lastSeenAt is written at most once a minute, and the idle limit
// still ends a session (never later than 30 minutes after the last write).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, TEST_ENGINE, type TestDb } from '../harness/db.ts';
import { testDeps, freshAccount } from '../harness/accounts.ts';
import { readSessionWithAccount } from '../../src/sessions/session-read.ts';
import { resolveSession, resolveSessionWithAccount, SESSION_IDLE_MS, SESSION_TOUCH_MS, sessionIdOf } from '../../src/sessions/sessions.ts';
import { MINUTE } from '../../src/clock.ts';

describe(`the session read (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  let token: string;
  let accountId: string;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    ({ deps, token, accountId } = await freshAccount(t.db));
  });

  const lastSeen = async () => (await t.db.session.findUniqueOrThrow({ where: { id: sessionIdOf(token) } })).lastSeenAt.getTime();

  it('reads the session and its account as the model queries do, nulls and dates included', async () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    await t.db.account.update({
      where: { id: accountId },
      data: {
        rescueEmail: 'rescue@example.com',
        setupStartedAt: at,
        setupDeadline: new Date(at.getTime() + 1),
        recoveryKeyHash: 'x',
        recoveryKeyCreatedAt: at,
      },
    });
    await t.db.session.update({
      where: { id: sessionIdOf(token) },
      data: { codeVerifiedAt: at, secondStep: 'otp', questionPair: '1,2', securityPassSeenAt: at },
    });
    for (const twoStepEnabledAt of [null, at]) {
      // The time zone and the languages null the first time, set the second.
      const timeZone = twoStepEnabledAt ? 'America/Los_Angeles' : null;
      const [language, browserLanguage] = twoStepEnabledAt ? ['fr', 'ja'] : [null, null];
      await t.db.account.update({ where: { id: accountId }, data: { twoStepEnabledAt, timeZone, language, browserLanguage } });
      const raw = await readSessionWithAccount(t.db, sessionIdOf(token));
      const s = await t.db.session.findUniqueOrThrow({ where: { id: sessionIdOf(token) } });
      const a = await t.db.account.findUniqueOrThrow({ where: { id: accountId } });
      expect(raw).toEqual({
        row: {
          id: s.id,
          accountId: s.accountId,
          createdAt: s.createdAt,
          lastSeenAt: s.lastSeenAt,
          stage: s.stage,
          codeVerifiedAt: s.codeVerifiedAt,
          secondStep: s.secondStep,
          questionPair: s.questionPair,
          securityPassSeenAt: s.securityPassSeenAt,
        },
        account: {
          id: a.id,
          appleId: a.appleId,
          name: a.name,
          birthDate: a.birthDate,
          countryCode: a.countryCode,
          rescueEmail: a.rescueEmail,
          passwordChangedAt: a.passwordChangedAt,
          twoStepEnabledAt: a.twoStepEnabledAt,
          setupStartedAt: a.setupStartedAt,
          setupDeadline: a.setupDeadline,
          recoveryKeyIssued: true,
          recoveryKeyCreatedAt: a.recoveryKeyCreatedAt,
          recoveryKeyConfirmedAt: null,
          timeZone,
          language,
          browserLanguage,
        },
      });
    }
    await t.db.account.update({ where: { id: accountId }, data: { recoveryKeyHash: null, rescueEmail: null } });
    expect((await readSessionWithAccount(t.db, sessionIdOf(token)))?.account).toMatchObject({
      recoveryKeyIssued: false,
      rescueEmail: null,
    });
    expect(await readSessionWithAccount(t.db, 'no-such-session')).toBeNull();
  });

  it('writes lastSeenAt at most once a minute', async () => {
    const created = await lastSeen();
    deps.clock.advance(SESSION_TOUCH_MS - 1);
    expect(await resolveSession(t.db, token, deps.clock.now())).not.toBeNull();
    expect(await lastSeen()).toBe(created);
    deps.clock.advance(1);
    expect(await resolveSession(t.db, token, deps.clock.now())).not.toBeNull();
    expect(await lastSeen()).toBe(deps.clock.now().getTime());
  });

  it('still ends a session 30 minutes after its last write, even when used less than a minute after it', async () => {
    deps.clock.advance(SESSION_TOUCH_MS / 2);
    expect(await resolveSession(t.db, token, deps.clock.now())).not.toBeNull(); // not written
    deps.clock.advance(SESSION_IDLE_MS - SESSION_TOUCH_MS / 2 + 1);
    expect(await resolveSession(t.db, token, deps.clock.now())).toBeNull();
    expect(await t.db.session.count()).toBe(0);
  });

  it('a session deleted meanwhile is signed out, not an error', async () => {
    deps.clock.advance(MINUTE);
    await t.db.session.deleteMany();
    expect(await resolveSessionWithAccount(t.db, token, deps.clock.now())).toBeNull();
  });

  it('gives the account with the session', async () => {
    const live = await resolveSessionWithAccount(t.db, token, deps.clock.now());
    expect(live?.session).toMatchObject({ id: sessionIdOf(token), accountId, stage: 'full' });
    expect(live?.account.id).toBe(accountId);
  });
});
