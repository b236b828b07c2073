// Verification codes under concurrency. On PostgreSQL the requests go through several separate
// clients (connection pools), as several app instances would; on SQLite (one app instance) they
// share one client, as in tests/mail/outbox.int.test.ts. Codes go through the real `twilio` SDK to
// the Twilio stand-in and are read back from what it received (tests/harness/standins.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_ENGINE, createTestDb, type TestDb } from '../harness/db.ts';
import { startStandinSenders, type StandinSenders } from '../harness/standins.ts';
import { BROWSER } from '../harness/accounts.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { fixedClock } from '../../src/clock.ts';
import { CODES_ERRORS, CODE_PURPOSES, MAX_WRONG_TRIES, sendCode, verifyCode, type CodeDeps } from '../../src/codes/codes.ts';
import { pauseMs, WRONG_CODES_BEFORE_PAUSE, wrongCodesKey } from '../../src/codes/limits.ts';
import { totpCodeAt, timeStepOf } from '../../src/kinds/authenticator-app/totp.ts';
import {
  CODE_KEY,
  TOTP_KEY,
  totpDevice,
  PHONE,
  START,
  lastSmsCode,
  newAccount,
  otherCode,
  resetTables,
  smsDevice,
  type TestClock,
} from './helpers.ts';
import { sentenceOf } from '../../src/result.ts';

describe(`verification codes under concurrency (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let clients: Db[];
  let clock: TestClock;
  let senders: StandinSenders;
  let sms: StandinSenders['sms'];
  let accountId: string;
  let phoneId: string;

  beforeAll(async () => {
    t = await createTestDb();
    clients = TEST_ENGINE === 'postgresql' ? Array.from({ length: 5 }, () => createDb(t.url)) : [t.db];
    senders = await startStandinSenders();
    sms = senders.sms;
  });
  afterAll(async () => {
    if (TEST_ENGINE === 'postgresql') await Promise.all(clients.map((db) => db.$disconnect()));
    await senders?.stop();
    await t.drop();
  });
  beforeEach(async () => {
    await resetTables(t.db);
    await senders.reset();
    clock = fixedClock(START);
    accountId = await newAccount(t.db, clock);
    phoneId = await smsDevice(t.db, accountId, PHONE);
  });

  /** Deps for the i-th concurrent request: its own client on PostgreSQL. */
  const depsFor = (i: number): CodeDeps => ({
    db: clients[i % clients.length]!,
    clock,
    codeKey: CODE_KEY,
    codeDigits: 4,
    totpKey: TOTP_KEY,
    sms,
    push: senders.push,
  });

  it('100 concurrent verifications of the same code succeed exactly once', async () => {
    expect((await sendCode(depsFor(0), { accountId, trustedDeviceId: phoneId, purpose: 'sign-in' }, BROWSER)).ok).toBe(true);
    const code = lastSmsCode(sms, PHONE);

    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        verifyCode(depsFor(i), { accountId, trustedDeviceId: phoneId, purpose: 'sign-in', code }, BROWSER),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(
      Array.from({ length: 99 }, () => expect.objectContaining({ ok: false, code: 'CODE_USED' })),
    );

    const row = await t.db.verificationCode.findFirstOrThrow();
    expect(row.usedAt).toEqual(new Date(START));
    expect(row.wrongTries).toBe(0);
    expect(await t.db.securityEvent.count({ where: { accountId, kind: 'code-verified' } })).toBe(1);
    expect(await t.db.securityEvent.count({ where: { accountId, kind: 'code-reused' } })).toBe(99);
  });

  it('100 concurrent verifications of the same authenticator app code succeed exactly once (one step, one win)', async () => {
    const app = await totpDevice(t.db, accountId);
    const code = totpCodeAt(app.secret, clock.now());
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        verifyCode(depsFor(i), { accountId, trustedDeviceId: app.id, purpose: 'sign-in', code }, BROWSER),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(
      Array.from({ length: 99 }, () => expect.objectContaining({ ok: false, code: 'TOTP_USED' })),
    );
    expect((await t.db.trustedDevice.findUniqueOrThrow({ where: { id: app.id } })).totpLastStep).toBe(timeStepOf(clock.now()));
    expect(await t.db.securityEvent.count({ where: { accountId, kind: 'code-verified' } })).toBe(1);
  });

  it('concurrent wrong tries on one code: exactly 3 count, then it is dead', async () => {
    await sendCode(depsFor(0), { accountId, trustedDeviceId: phoneId, purpose: 'sign-in' }, BROWSER);
    const code = lastSmsCode(sms, PHONE);
    const wrong = otherCode(code);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        verifyCode(depsFor(i), { accountId, trustedDeviceId: phoneId, purpose: 'sign-in', code: wrong }, BROWSER),
      ),
    );
    const errors = results.map((r) => (r.ok ? 'ok' : r.error));
    expect(errors.filter((e) => e === sentenceOf(CODES_ERRORS, 'CODE_WRONG', 2))).toHaveLength(1);
    expect(errors.filter((e) => e === sentenceOf(CODES_ERRORS, 'CODE_WRONG', 1))).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'CODE_DEAD')).toHaveLength(10);
    expect((await t.db.verificationCode.findFirstOrThrow()).wrongTries).toBe(MAX_WRONG_TRIES);
    expect(await t.db.securityEvent.count({ where: { accountId, kind: 'code-wrong' } })).toBe(3);
    expect((await t.db.throttle.findUniqueOrThrow({ where: { key: wrongCodesKey(accountId) } })).failures).toBe(3);
    expect(await verifyCode(depsFor(0), { accountId, trustedDeviceId: phoneId, purpose: 'sign-in', code }, BROWSER)).toMatchObject({
      ok: false,
      code: 'CODE_DEAD',
    });
  });

  it('concurrent wrong tries across codes: the run is counted exactly once per try, and exactly one alert goes out', async () => {
    const purposes = CODE_PURPOSES.slice(0, 4);
    const codes: string[] = [];
    for (const purpose of purposes) {
      expect((await sendCode(depsFor(0), { accountId, trustedDeviceId: phoneId, purpose }, BROWSER)).ok).toBe(true);
      codes.push(lastSmsCode(sms, PHONE));
      clock.advance(30_000);
    }
    // 5 wrong tries at each of the 4 live codes, all at once: at most 3 count per code, 12 in all.
    // Tries that start after the 10th wrong code committed meet the pause and are not counted, so
    // the run ends at 10 to 12; whatever the interleaving, every count must agree.
    const attempts = purposes.flatMap((purpose, p) => Array.from({ length: 5 }, () => ({ purpose, code: otherCode(codes[p]!) })));
    await Promise.all(attempts.map((a, i) => verifyCode(depsFor(i), { accountId, trustedDeviceId: phoneId, ...a }, BROWSER)));

    const tries = (await t.db.verificationCode.findMany()).map((r) => r.wrongTries);
    expect(tries.every((n) => n <= MAX_WRONG_TRIES)).toBe(true);
    const counted = tries.reduce((a, b) => a + b, 0);
    expect(counted).toBeGreaterThanOrEqual(WRONG_CODES_BEFORE_PAUSE);
    expect(await t.db.securityEvent.count({ where: { accountId, kind: 'code-wrong' } })).toBe(counted);
    const run = await t.db.throttle.findUniqueOrThrow({ where: { key: wrongCodesKey(accountId) } });
    expect(run.failures).toBe(counted);
    // The pause of the longest run: no shorter pause overwrote it.
    expect(run.lockedUntil).toEqual(new Date(clock.now().getTime() + pauseMs(counted)));
    expect(await t.db.securityEvent.count({ where: { accountId, kind: 'codes-paused' } })).toBe(counted - WRONG_CODES_BEFORE_PAUSE + 1);
    expect(await t.db.emailOutbox.count({ where: { kind: 'wrong-codes-alert' } })).toBe(2); // Apple ID and rescue email, once
  });

  it('concurrent requests to send to one device: one code goes out, the others are told to wait', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => sendCode(depsFor(i), { accountId, trustedDeviceId: phoneId, purpose: 'sign-in' }, BROWSER)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(
      Array.from({ length: 9 }, () =>
        expect.objectContaining({ ok: false, code: 'WAIT_BEFORE_ANOTHER_CODE', error: expect.stringContaining('30 seconds') }),
      ),
    );
    expect(sms.sent).toHaveLength(1);
    expect(await t.db.codeSend.count()).toBe(1);
    expect(await t.db.verificationCode.count()).toBe(1);
    expect(
      await verifyCode(depsFor(0), { accountId, trustedDeviceId: phoneId, purpose: 'sign-in', code: lastSmsCode(sms, PHONE) }, BROWSER),
    ).toEqual({ ok: true });
  });
});
