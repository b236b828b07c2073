// The one pair of second-step actions (app/actions/proof.ts) takes its purpose from the browser, so
// the purpose is attacker-controlled: a value the table (app/lib/proof-purposes.ts) does not hold as
// its own key reaches no flow, each purpose checks its own session or stage (a right code for one
// flow does nothing through another flow's purpose, or without that flow's session), and what the
// page bound for the finish (the page to go back to, an app's interaction) is parsed again: never an
// address elsewhere.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, accountInput, testDeps } from '../harness/accounts.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { createSession } from '../../src/sessions/sessions.ts';
import { codeHash, type CodePurpose } from '../../src/codes/codes.ts';
import type { Db } from '../../src/db/client.ts';
import { SENDS_PER_DEVICE } from '../../src/codes/limits.ts';
import { waitWords } from '../../src/throttle/wait-text.ts';
import { CODE_KEY, appEnv, jar, nextThrow } from '../support-console/app-harness.ts';

vi.mock('next/headers', async () => (await import('../support-console/app-harness.ts')).nextHeaders);
vi.mock('next/cache', async () => (await import('../support-console/app-harness.ts')).nextCache);

const CODE = '2468';

let t: TestDb;
let db: Db;
let proof: typeof import('../../app/actions/proof.ts');
let setSessionCookie: (token: string) => Promise<void>;
let digits: number;

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  appEnv(t.url);
  proof = await import('../../app/actions/proof.ts');
  ({ setSessionCookie } = await import('../../app/lib/session.ts'));
  digits = (await import('../../src/runtime.ts')).runtime().codeDigits;
});
afterAll(async () => {
  jar.clear();
  await t?.drop();
});

let serial = 0;

/** A holder with two-step on and a trusted phone, and a browser signed in to it at `stage`. */
async function holder(stage: 'signed out' | 'password' | 'security pass') {
  const created = await createAccount(
    { ...testDeps(db), clock: { now: () => new Date() } as never },
    accountInput({ appleId: `proof.${++serial}@example.com` }),
    BROWSER,
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  const accountId = created.accountId;
  const now = new Date();
  await db.account.update({ where: { id: accountId }, data: { twoStepEnabledAt: now } });
  const phone = await db.trustedDevice.create({
    data: { accountId, kind: 'sms', phoneNumber: `+1555011${String(1000 + serial).slice(-4)}`, createdAt: now, verifiedAt: now },
  });
  jar.clear();
  if (stage !== 'signed out') {
    // The security pass with a code from long ago: a sensitive change needs a fresh one.
    const long = new Date(now.getTime() - 3_600_000);
    await setSessionCookie(
      await createSession(
        db,
        accountId,
        now,
        BROWSER,
        stage === 'password' ? { stage: 'password' } : { securityPassAt: now, codeVerifiedAt: long },
      ),
    );
  }
  return { accountId, trustedDeviceId: phone.id };
}

/** A code "sent" to the holder's phone for one purpose: what the holder would type. */
async function codeSent(h: { accountId: string; trustedDeviceId: string }, purpose: CodePurpose): Promise<FormData> {
  const code = CODE.padEnd(digits, '0').slice(0, digits);
  const now = new Date();
  await db.verificationCode.create({
    data: {
      accountId: h.accountId,
      trustedDeviceId: h.trustedDeviceId,
      purpose,
      codeHash: codeHash(CODE_KEY, purpose, h.trustedDeviceId, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + 600_000),
    },
  });
  const form = new FormData();
  form.set('trustedDeviceId', h.trustedDeviceId);
  form.set('code', code);
  return form;
}

/** How a call ended: 'redirect <path>', 'not found', or the answer's error or PIN. */
async function ending(call: () => Promise<unknown>): Promise<string> {
  try {
    const answer = (await call()) as { error?: string; pin?: unknown };
    return answer.pin ? 'pin' : `error ${answer.error ?? JSON.stringify(answer)}`;
  } catch (e) {
    const how = nextThrow(e);
    if (how) return how;
    throw e;
  }
}

const unusedCodes = (accountId: string) => db.verificationCode.count({ where: { accountId, usedAt: null } });

describe('the second step’s one pair of actions', () => {
  it('reaches no flow with a purpose the table does not hold as its own', async () => {
    const h = await holder('security pass');
    const form = await codeSent(h, 'confirm-identity');
    for (const purpose of [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      '',
      'Fresh-Code',
      'fresh-code ',
      42,
      null,
      undefined,
      {},
      ['fresh-code'],
    ]) {
      expect(await ending(() => proof.askAction(purpose))).toBe('not found');
      expect(await ending(() => proof.askAction(purpose, {}, form))).toBe('not found');
      expect(await ending(() => proof.proveAction(purpose, '/account/security/devices', {}, form))).toBe('not found');
    }
    expect(await unusedCodes(h.accountId)).toBe(1);
  });

  it('ends each flow in its own finish, with a right code and the session it needs', async () => {
    const fresh = await holder('security pass');
    expect(
      await ending(async () => proof.proveAction('fresh-code', '/account/security/devices', {}, await codeSent(fresh, 'confirm-identity'))),
    ).toBe('redirect /account/security/devices');
    const app = await holder('security pass');
    expect(await ending(async () => proof.proveAction('app-sign-in', null, {}, await codeSent(app, 'confirm-identity')))).toBe(
      'redirect /account',
    );
    const pin = await holder('security pass');
    expect(await ending(async () => proof.proveAction('support-pin', null, {}, await codeSent(pin, 'support-pin')))).toBe('pin');
    const signIn = await holder('password');
    expect(await ending(async () => proof.proveAction('sign-in', null, {}, await codeSent(signIn, 'sign-in')))).toBe('redirect /account');
  });

  it('checks each purpose’s own session or stage: a right code does nothing without it', async () => {
    // Only the password (what a stolen password reaches): none of the flows of a signed-in holder.
    for (const [purpose, codePurpose] of [
      ['fresh-code', 'confirm-identity'],
      ['app-sign-in', 'confirm-identity'],
      ['support-pin', 'support-pin'],
    ] as const) {
      const h = await holder('password');
      expect(await ending(async () => proof.proveAction(purpose, null, {}, await codeSent(h, codePurpose)))).toMatch(/^redirect /);
      expect(await unusedCodes(h.accountId)).toBe(1);
    }
    // Signed in: not a pending sign-in, and no reset under way (no reset cookie).
    const signedIn = await holder('security pass');
    expect(await ending(async () => proof.proveAction('sign-in', null, {}, await codeSent(signedIn, 'sign-in')))).toMatch(/^error /);
    expect(await ending(async () => proof.proveAction('recovery-key-reset', null, {}, await codeSent(signedIn, 'reset-password')))).toMatch(
      /^error /,
    );
    expect(await unusedCodes(signedIn.accountId)).toBe(2);
    // Signed out: nothing at all.
    const out = await holder('signed out');
    for (const purpose of ['sign-in', 'fresh-code', 'app-sign-in', 'support-pin']) {
      expect(
        await ending(async () =>
          proof.proveAction(
            purpose,
            null,
            {},
            await codeSent(out, purpose === 'sign-in' ? 'sign-in' : purpose === 'support-pin' ? 'support-pin' : 'confirm-identity'),
          ),
        ),
      ).toMatch(/^redirect \/sign-in/);
    }
    expect(await unusedCodes(out.accountId)).toBe(4);
  });

  it('a code for one flow proves nothing through another’s purpose', async () => {
    const a = await holder('security pass');
    expect(await ending(async () => proof.proveAction('fresh-code', null, {}, await codeSent(a, 'support-pin')))).toMatch(/^error /);
    const b = await holder('security pass');
    expect(await ending(async () => proof.proveAction('support-pin', null, {}, await codeSent(b, 'confirm-identity')))).toMatch(/^error /);
    expect(await db.supportPin.count({ where: { accountId: b.accountId } })).toBe(0);
    for (const h of [a, b]) expect(await unusedCodes(h.accountId)).toBe(1);
  });

  it('sends the holder back only to one of the fixed pages, or to the bridge of a well-formed interaction', async () => {
    for (const next of [
      'https://evil.example/account/security',
      '//evil.example',
      '/account/security/devices/../../../x',
      'javascript:alert(1)',
      null,
    ]) {
      const h = await holder('security pass');
      expect(await ending(async () => proof.proveAction('fresh-code', next, {}, await codeSent(h, 'confirm-identity')))).toBe(
        'redirect /account/security/two-step',
      );
    }
    for (const interaction of ['https://evil.example/', '../../x', '\u0000']) {
      const h = await holder('security pass');
      expect(await ending(async () => proof.proveAction('app-sign-in', interaction, {}, await codeSent(h, 'confirm-identity')))).toBe(
        'redirect /account',
      );
    }
  });

  it('takes no signature for a flow only a typed code proves: the support PIN reads it as an empty form', async () => {
    const h = await holder('security pass');
    await codeSent(h, 'support-pin');
    expect(await ending(() => proof.askAction('support-pin'))).toMatch(/^error /);
    expect(await ending(() => proof.proveAction('support-pin', null, null, '{"id":"x","response":{}}'))).toMatch(/^error /);
    expect(await unusedCodes(h.accountId)).toBe(1);
    expect(await db.supportPin.count({ where: { accountId: h.accountId } })).toBe(0);
  });
  it("answers a send refused with a wait with the device still chosen and the wait by the portal's clock, for every flow that sends codes", async () => {
    for (const [purpose, stage] of [
      ['fresh-code', 'security pass'],
      ['sign-in', 'password'],
      ['support-pin', 'security pass'],
    ] as const) {
      const h = await holder(stage);
      const phone = await db.trustedDevice.findUniqueOrThrow({ where: { id: h.trustedDeviceId } });
      // A code went to the phone just now (in this browser or another): the next one waits.
      await db.codeSend.create({
        data: {
          accountId: h.accountId,
          trustedDeviceId: h.trustedDeviceId,
          destination: phone.phoneNumber!,
          clientAddress: null,
          budget: 'trusted',
          sentAt: new Date(),
        },
      });
      const form = new FormData();
      form.set('trustedDeviceId', h.trustedDeviceId);
      const answer = (await proof.askAction(purpose, {}, form)) as { error?: string; values?: Record<string, string>; waitMs?: number };
      expect(answer.values).toEqual({ trustedDeviceId: h.trustedDeviceId });
      expect(answer.waitMs).toBeGreaterThan(0);
      expect(answer.waitMs).toBeLessThanOrEqual(SENDS_PER_DEVICE.windowMs);
      // The sentence says the same wait the form counts down from.
      expect(answer.error).toBe(`Wait ${waitWords(answer.waitMs!)} before asking for another code.`);
    }
  });
});
