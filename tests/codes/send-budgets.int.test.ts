// A stranger cannot spend the SMS budget the holder needs (src/codes/limits.ts, "Sending limits").
// The holder has two-step on and a trusted number; the stranger has an account of their own (and,
// in one test, the holder's password). Codes go through the real `twilio` SDK to the Twilio
// stand-in and are read back from what it received; the clock is the tests' fake clock. The
// parallel requests go through two clients on PostgreSQL, as two app instances send them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountInput, GOOD_PASSWORD } from '../harness/accounts.ts';
import { createTestDb, TEST_ENGINE, type TestDb } from '../harness/db.ts';
import { startStandinSenders, type StandinSenders } from '../harness/standins.ts';
import { twoInstances } from '../harness/two-instances.ts';
import { APPLE_ID, withTwoStepAccount } from '../two-step/helpers.ts';
import { depsWith, lastSmsCode, PHONE, smsDevice, START, type TestClock } from './helpers.ts';
import { fixedClock } from '../../src/clock.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { sessionIdOf } from '../../src/sessions/sessions.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { completeSignIn, sendSignInCode } from '../../src/sign-in/code.ts';
import { MAX_TRUSTED_DEVICES, resendCode } from '../../src/devices/trusted-devices.ts';
import { addPhoneNumber } from '../../src/kinds/sms/add.ts';
import { CODES_ERRORS, sendCode, type CodeDeps } from '../../src/codes/codes.ts';
import { SENDS_PER_ACCOUNT, SENDS_PER_CLIENT_ADDRESS, SENDS_PER_DESTINATION, SENDS_PER_DEVICE } from '../../src/codes/limits.ts';
import type { Actor } from '../../src/sessions/actor.ts';
import type { RequestContext } from '../../src/security-events/record.ts';
import { sentenceOf } from '../../src/result.ts';

const STRANGER_ADDRESS = '203.0.113.66';
const OWN_PHONE = '+15550107777';
/** Just past the per-device wait, so that only the other limits refuse. */
const NEXT_SEND_MS = SENDS_PER_DEVICE.windowMs + 1_000;
const PARALLEL = 100;

describe('a stranger cannot spend the SMS budget the holder needs', () => {
  const s = withTwoStepAccount();
  // The holder's browser, which signed in before (its device cookie), and a browser of theirs that never did.
  const holdersBrowser = (): RequestContext => ({
    clientAddress: '192.0.2.10',
    userAgent: 'Mozilla/5.0 Chrome/150',
    knownBrowsers: [{ accountId: s.a.accountId, id: 'the-holders-browser' }],
  });
  const holdersNewBrowser = (): RequestContext => ({ clientAddress: '192.0.2.11', userAgent: 'Mozilla/5.0 Firefox/150' });
  /** The stranger's browser: known to the stranger's own account (they signed in to it), and to nothing else. */
  const strangersBrowser = (own: string, address = STRANGER_ADDRESS): RequestContext => ({
    clientAddress: address,
    userAgent: 'curl/8.0',
    knownBrowsers: [{ accountId: own, id: `browser-of-${own}` }],
  });

  async function strangerAccount(appleId = 'stranger@example.net'): Promise<Actor> {
    const created = await createAccount(s.a.deps, accountInput({ appleId, rescueEmail: undefined }), strangersBrowser('none'));
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    return { accountId: created.accountId, sessionId: sessionIdOf(created.sessionToken) };
  }

  const textsTo = (number: string) => s.a.sms.sent.filter((m) => m.to === number).length;

  /** The holder signs in with the password from `ctx`, asks for a code to `deviceId` and enters it. */
  async function holderSignsIn(ctx: RequestContext, deviceId = s.a.phoneId) {
    const pending = await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, ctx);
    if (!pending.ok) throw new Error(pending.error);
    const sent = await sendSignInCode(s.a.deps, pending.sessionToken, { trustedDeviceId: deviceId }, ctx);
    if (!sent.ok) return sent;
    return completeSignIn(s.a.deps, pending.sessionToken, { trustedDeviceId: deviceId, code: lastSmsCode(s.a.sms, PHONE) }, ctx);
  }

  /** Asks for codes to the stranger's pending device until a limit other than the per-device wait refuses. */
  async function resendUntilRefused(stranger: Actor, deviceId: string, ctx: RequestContext) {
    for (let i = 0; i < 50; i++) {
      s.a.clock.advance(NEXT_SEND_MS);
      const again = await resendCode(s.a.deps, stranger, deviceId, ctx);
      if (!again.ok) return again;
    }
    throw new Error('never refused');
  }

  it("a stranger's account adds the holder's number and asks for codes until refused: the holder's known browser, and the holder on a new browser, still get a code", async () => {
    const stranger = await strangerAccount();
    const ctx = strangersBrowser(stranger.accountId);
    const added = await addPhoneNumber(s.a.deps, stranger, { countryCode: 'US', phoneNumber: PHONE }, ctx);
    if (!added.ok) throw new Error(added.error);
    const firstSentAt = s.a.clock.now().getTime();

    const refused = await resendUntilRefused(stranger, added.trustedDeviceId, ctx);
    const until = new Date(firstSentAt + SENDS_PER_DESTINATION.windowMs);
    expect(refused).toEqual({
      ok: false,
      code: 'TOO_MANY_TO_DESTINATION',
      error: sentenceOf(CODES_ERRORS, 'TOO_MANY_TO_DESTINATION', 'sms', until, s.a.clock.now()),
      waitMs: until.getTime() - s.a.clock.now().getTime(),
    });
    expect(textsTo(PHONE)).toBe(SENDS_PER_DESTINATION.max);

    expect(await holderSignsIn(holdersBrowser())).toMatchObject({ ok: true });
    s.a.clock.advance(NEXT_SEND_MS);
    expect(await holderSignsIn(holdersNewBrowser())).toMatchObject({ ok: true });
    expect(textsTo(PHONE)).toBe(SENDS_PER_DESTINATION.max + 2);
  });

  it("the stranger's texts to a number they added keep counting after they sign in to their own account again", async () => {
    // A stranger with two-step on, with a trusted number of their own: signing in to their account
    // ends the blocks of its trusted budget, never its pending sends.
    const stranger = await strangerAccount();
    const ownPhone = await smsDevice(s.t.db, stranger.accountId, OWN_PHONE);
    const now = s.a.clock.now();
    await s.t.db.account.update({ where: { id: stranger.accountId }, data: { twoStepEnabledAt: now } });
    await s.t.db.session.updateMany({ where: { accountId: stranger.accountId }, data: { codeVerifiedAt: now } });
    const ctx = strangersBrowser(stranger.accountId);
    const added = await addPhoneNumber(s.a.deps, stranger, { countryCode: 'US', phoneNumber: PHONE }, ctx);
    if (!added.ok) throw new Error(added.error);
    expect(await resendUntilRefused(stranger, added.trustedDeviceId, ctx)).toMatchObject({ ok: false, code: 'TOO_MANY_TO_DESTINATION' });

    const pending = await signIn(s.a.deps, { appleId: 'stranger@example.net', password: GOOD_PASSWORD }, ctx);
    if (!pending.ok) throw new Error(pending.error);
    expect((await sendSignInCode(s.a.deps, pending.sessionToken, { trustedDeviceId: ownPhone }, ctx)).ok).toBe(true);
    const signedIn = await completeSignIn(
      s.a.deps,
      pending.sessionToken,
      { trustedDeviceId: ownPhone, code: lastSmsCode(s.a.sms, OWN_PHONE) },
      ctx,
    );
    if (!signedIn.ok) throw new Error(signedIn.error);

    s.a.clock.advance(NEXT_SEND_MS);
    const fresh = { accountId: stranger.accountId, sessionId: sessionIdOf(signedIn.sessionToken) };
    expect(await resendCode(s.a.deps, fresh, added.trustedDeviceId, ctx)).toMatchObject({ ok: false, code: 'TOO_MANY_TO_DESTINATION' });
    expect(textsTo(PHONE)).toBe(SENDS_PER_DESTINATION.max);
  });

  it("texts to numbers being added count per sending account and per client address, from the sender's own known browser too (SMS pumping)", async () => {
    const first = await strangerAccount('pumper.one@example.net');
    const second = await strangerAccount('pumper.two@example.net');
    const send = (a: Actor, deviceId: string) =>
      sendCode(s.a.deps, { accountId: a.accountId, trustedDeviceId: deviceId, purpose: 'verify-device' }, strangersBrowser(a.accountId));
    /** Pending numbers of the account, each taking its SENDS_PER_DESTINATION.max. */
    const pendingNumbers = async (a: Actor, base: number) =>
      Promise.all(Array.from({ length: 5 }, (_, i) => smsDevice(s.t.db, a.accountId, `+1555030${base + i}00`, { verified: false })));
    const firstSentAt = s.a.clock.now().getTime();

    // The first account: its SENDS_PER_ACCOUNT.max texts (4 numbers × 5), then refused, on a fifth number too.
    const mine = await pendingNumbers(first, 10);
    for (let round = 0; round < SENDS_PER_DESTINATION.max; round++) {
      for (const id of mine.slice(0, 4)) expect(await send(first, id)).toMatchObject({ ok: true, sent: true });
      s.a.clock.advance(NEXT_SEND_MS);
    }
    expect(SENDS_PER_ACCOUNT.max).toBe(4 * SENDS_PER_DESTINATION.max);
    const accountUntil = new Date(firstSentAt + SENDS_PER_ACCOUNT.windowMs);
    expect(await send(first, mine[4]!)).toEqual({
      ok: false,
      code: 'TOO_MANY_FOR_ACCOUNT',
      error: sentenceOf(CODES_ERRORS, 'TOO_MANY_FOR_ACCOUNT', accountUntil, s.a.clock.now()),
      waitMs: accountUntil.getTime() - s.a.clock.now().getTime(),
    });

    // A second account from the same address: the address's SENDS_PER_CLIENT_ADDRESS.max, then refused.
    const theirs = await pendingNumbers(second, 50);
    let sent = SENDS_PER_ACCOUNT.max;
    for (let round = 0; sent < SENDS_PER_CLIENT_ADDRESS.max; round++) {
      for (const id of theirs) {
        if (sent === SENDS_PER_CLIENT_ADDRESS.max) break;
        expect(await send(second, id)).toMatchObject({ ok: true, sent: true });
        sent++;
      }
      s.a.clock.advance(NEXT_SEND_MS);
    }
    const addressUntil = new Date(firstSentAt + SENDS_PER_CLIENT_ADDRESS.windowMs);
    expect(await send(second, theirs[4]!)).toEqual({
      ok: false,
      code: 'TOO_MANY_FROM_NETWORK',
      error: sentenceOf(CODES_ERRORS, 'TOO_MANY_FROM_NETWORK', addressUntil, s.a.clock.now()),
      waitMs: addressUntil.getTime() - s.a.clock.now().getTime(),
    });
    expect(s.a.sms.sent).toHaveLength(SENDS_PER_CLIENT_ADDRESS.max);
  });

  it("a stranger with the password who asks for codes to the holder's number until refused: the holder's known browser still gets codes to that number", async () => {
    const strangerCtx: RequestContext = { clientAddress: STRANGER_ADDRESS, userAgent: 'curl/8.0' };
    const pending = await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, strangerCtx);
    if (!pending.ok) throw new Error(pending.error);
    let refused;
    for (let i = 0; i < 50 && !refused; i++) {
      s.a.clock.advance(NEXT_SEND_MS);
      const sent = await sendSignInCode(s.a.deps, pending.sessionToken, { trustedDeviceId: s.a.phoneId }, strangerCtx);
      if (!sent.ok) refused = sent;
    }
    expect(refused).toMatchObject({ ok: false, code: 'TOO_MANY_TO_DESTINATION' });
    expect(textsTo(PHONE)).toBe(SENDS_PER_DESTINATION.max);

    s.a.clock.advance(NEXT_SEND_MS);
    expect(await holderSignsIn(holdersBrowser())).toMatchObject({ ok: true });
  });

  it('known browsers share one budget per number: SENDS_PER_DESTINATION.max an hour, not that many per browser', async () => {
    const otherBrowser = (): RequestContext => ({
      ...holdersBrowser(),
      knownBrowsers: [{ accountId: s.a.accountId, id: 'the-holders-laptop' }],
    });
    const firstSentAt = s.a.clock.now().getTime();
    const send = (ctx: RequestContext) =>
      sendCode(s.a.deps, { accountId: s.a.accountId, trustedDeviceId: s.a.phoneId, purpose: 'confirm-identity' }, ctx);
    for (let i = 0; i < SENDS_PER_DESTINATION.max; i++) {
      expect(await send(i % 2 ? otherBrowser() : holdersBrowser())).toMatchObject({ ok: true, sent: true });
      s.a.clock.advance(NEXT_SEND_MS);
    }
    const until = new Date(firstSentAt + SENDS_PER_DESTINATION.windowMs);
    for (const ctx of [holdersBrowser(), otherBrowser()]) {
      expect(await send(ctx)).toEqual({
        ok: false,
        code: 'TOO_MANY_TO_DESTINATION',
        error: sentenceOf(CODES_ERRORS, 'TOO_MANY_TO_DESTINATION', 'sms', until, s.a.clock.now()),
        waitMs: until.getTime() - s.a.clock.now().getTime(),
      });
    }
    expect(textsTo(PHONE)).toBe(SENDS_PER_DESTINATION.max);
  });

  it("a completed sign-in ends the known browser's sends too: the holder can sign in again at once (an app's purchase asks right after a sign-in)", async () => {
    expect(await holderSignsIn(holdersBrowser())).toMatchObject({ ok: true });
    expect(await holderSignsIn(holdersBrowser())).toMatchObject({ ok: true });
    expect(textsTo(PHONE)).toBe(2);
  });
});

describe(`texts to numbers being added, under ${PARALLEL} parallel requests (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let senders: StandinSenders;
  let clock: TestClock;
  let deps: CodeDeps;
  /** PARALLEL accounts, each with a pending number of its own. */
  let accounts: string[] = [];
  beforeAll(async () => {
    t = await createTestDb();
    senders = await startStandinSenders();
    clock = fixedClock(START);
    // Plain rows, no password: these accounts only ask for codes.
    await t.db.account.createMany({
      data: Array.from({ length: PARALLEL }, (_, i) => ({
        appleId: `sender${i}@example.net`,
        appleIdKey: `sender${i}@example.net`,
        passwordHash: '-',
        name: `Sender ${i}`,
        birthDate: '1990-01-01',
        countryCode: 'US',
      })),
    });
    accounts = (await t.db.account.findMany({ select: { id: true }, orderBy: { appleIdKey: 'asc' } })).map((a) => a.id);
  });
  afterAll(async () => {
    await senders?.stop();
    await t?.drop();
  });
  const instance = twoInstances(() => t); // after the hook that makes t
  beforeEach(async () => {
    await t.db.trustedDevice.deleteMany();
    await t.db.codeSend.deleteMany();
    await t.db.throttle.deleteMany();
    await senders.reset();
    clock = fixedClock(START);
    deps = depsWith(t.db, clock, senders.sms, senders.push);
  });
  /** The i-th request, from the browser that signed in to its own account, as a stranger's would be. */
  const send = (i: number, accountId: string, trustedDeviceId: string, address: string) =>
    sendCode(
      instance(deps, i),
      { accountId, trustedDeviceId, purpose: 'verify-device' },
      { clientAddress: address, userAgent: 'curl/8.0', knownBrowsers: [{ accountId, id: `browser-${i}` }] },
    );
  const pending = (accountId: string, number: string) => smsDevice(t.db, accountId, number, { verified: false });
  const sentOf = (results: Array<{ ok: boolean }>) => results.filter((r) => r.ok).length;

  it(`one number added by ${PARALLEL} accounts at once, from ${PARALLEL} addresses: ${SENDS_PER_DESTINATION.max} texts`, async () => {
    const devices = await Promise.all(accounts.map((a) => pending(a, PHONE)));
    const results = await Promise.all(accounts.map((a, i) => send(i, a, devices[i]!, `198.51.100.${i}`)));
    expect(sentOf(results)).toBe(SENDS_PER_DESTINATION.max);
    expect(senders.sms.sent).toHaveLength(SENDS_PER_DESTINATION.max);
    expect(results.filter((r) => !r.ok)).toEqual(
      Array.from({ length: PARALLEL - SENDS_PER_DESTINATION.max }, () => expect.objectContaining({ code: 'TOO_MANY_TO_DESTINATION' })),
    );
  });

  it(`one account, ${PARALLEL} requests at once over its ${MAX_TRUSTED_DEVICES} pending numbers: never past ${SENDS_PER_ACCOUNT.max} texts`, async () => {
    const [accountId] = accounts as [string];
    const devices = await Promise.all(
      Array.from({ length: MAX_TRUSTED_DEVICES }, (_, i) => pending(accountId, `+155504000${String(i).padStart(2, '0')}`)),
    );
    // 15 texts earlier (each number is far from its own limit), so 5 are left.
    const earlier = SENDS_PER_ACCOUNT.max - 5;
    for (let i = 0; i < earlier; i++) {
      if (i % devices.length === 0) clock.advance(SENDS_PER_DEVICE.windowMs + 1_000);
      expect(await send(0, accountId, devices[i % devices.length]!, '198.51.100.1')).toMatchObject({ ok: true });
    }
    clock.advance(SENDS_PER_DEVICE.windowMs + 1_000);
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => send(i, accountId, devices[i % devices.length]!, `198.51.100.${i}`)),
    );
    expect(sentOf(results)).toBe(5);
    expect(senders.sms.sent).toHaveLength(SENDS_PER_ACCOUNT.max);
    expect(results.filter((r) => !r.ok && r.code === 'TOO_MANY_FOR_ACCOUNT').length).toBeGreaterThan(0);
  });

  it(`${PARALLEL} accounts at once from one address, each to a number of its own: ${SENDS_PER_CLIENT_ADDRESS.max} texts`, async () => {
    const devices = await Promise.all(accounts.map((a, i) => pending(a, `+155505${String(i).padStart(5, '0')}`)));
    const results = await Promise.all(accounts.map((a, i) => send(i, a, devices[i]!, STRANGER_ADDRESS)));
    expect(sentOf(results)).toBe(SENDS_PER_CLIENT_ADDRESS.max);
    expect(senders.sms.sent).toHaveLength(SENDS_PER_CLIENT_ADDRESS.max);
    expect(results.filter((r) => !r.ok)).toEqual(
      Array.from({ length: PARALLEL - SENDS_PER_CLIENT_ADDRESS.max }, () => expect.objectContaining({ code: 'TOO_MANY_FROM_NETWORK' })),
    );
  });
});
