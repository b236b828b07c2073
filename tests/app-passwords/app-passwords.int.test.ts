// App-specific passwords (docs/rules.md#app-specific-passwords) against a real database: the
// format, what is stored, the limit, listing and revoking, and signing in from an app
// (authenticateApp and the HTTP Basic endpoint app/api/app/whoami), with its refusals and the
// sign-in lockouts.
import { signIn } from '../../src/sign-in/password.ts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD, freshAccount, markTwoStepOn, testDeps, accountInput } from '../harness/accounts.ts';
import {
  APP_SIGN_IN_FAILED,
  authenticateApp,
  createAppPassword,
  generateAppPassword,
  listAppPasswords,
  MAX_APP_PASSWORDS,
  revokeAllAppPasswords,
  revokeAllOnPasswordChange,
  revokeAppPassword,
} from '../../src/app-passwords/app-passwords.ts';
import type { Actor } from '../../src/sessions/actor.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { localEnv, DEV_PORTS, TEST_SECRETS } from '../../dev/standins/local-env.ts';
import { MINUTE } from '../../src/clock.ts';
import { PER_APPLE_ID } from '../../src/accounts/password-guesses.ts';
import { BUSY_RETRY_AFTER_SECONDS, HASHES_IN_FLIGHT, HASHES_WAITING, hashingLine, LINE_SHARES } from '../../src/accounts/hashing-line.ts';
import { heldLine, productionLine, type HeldLine } from '../harness/held-line.ts';

const APPLE_ID = 'jane.holder@example.com';
const FORMAT = /^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$/;

describe('app-specific passwords', () => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  let actor: Actor;

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    const fresh = await freshAccount(t.db);
    deps = fresh.deps;
    actor = { accountId: fresh.accountId, sessionId: fresh.sessionId };
    await markTwoStepOn(t.db, actor.accountId, deps.clock.now());
  });

  async function create(label = 'Mail on my laptop') {
    const result = await createAppPassword(deps, actor, { label }, BROWSER);
    if (!result.ok) throw new Error(`create: ${JSON.stringify(result)}`);
    return result;
  }
  const auth = (password: string, appleId = APPLE_ID, ctx = BROWSER) => authenticateApp(deps, { appleId, password }, ctx);

  it('are four groups of four lowercase letters, drawn from the whole alphabet', async () => {
    const { password } = await create();
    expect(password).toMatch(FORMAT);
    const letters = new Set(Array.from({ length: 300 }, generateAppPassword).join('').replace(/-/g, ''));
    expect([...letters].sort().join('')).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(new Set(Array.from({ length: 50 }, generateAppPassword)).size).toBe(50);
  });

  it('are stored only as a bcrypt hash, with the first group as the lookup key', async () => {
    const { password, id } = await create();
    const row = await t.db.appPassword.findUniqueOrThrow({ where: { id } });
    expect(row.lookupKey).toBe(password.slice(0, 4));
    expect(row.hash).toMatch(/^\$2[aby]\$/);
    const plain = password.replace(/-/g, '');
    const everything = JSON.stringify([
      await t.db.appPassword.findMany(),
      await t.db.securityEvent.findMany(),
      await t.db.emailOutbox.findMany(),
    ]);
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(plain);
    expect(everything).not.toContain(password.slice(5));
  });

  it('are shown once: the list never has them; creation is recorded and mailed to every address on file', async () => {
    const { password } = await create('Calendar');
    const list = await listAppPasswords(t.db, actor.accountId);
    expect(list).toEqual([{ id: expect.any(String), label: 'Calendar', createdAt: deps.clock.now(), lastUsedAt: null }]);
    expect(JSON.stringify(list)).not.toContain(password);
    const events = await t.db.securityEvent.findMany({ where: { kind: 'app-password-created' } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].details!)).toMatchObject({ label: 'Calendar' });
    const mails = await t.db.emailOutbox.findMany();
    expect(mails.map((m) => m.toAddress.toLowerCase()).sort()).toEqual(['jane.holder@example.com', 'jane.rescue@example.org']);
    expect(mails[0].subject).toBe('An app-specific password was created for your Apple ID');
    expect(mails[0].textBody).toContain('“Calendar”');
  });

  it('need a label of 1 to 60 characters', async () => {
    expect(await createAppPassword(deps, actor, { label: '   ' }, BROWSER)).toMatchObject({
      ok: false,
      code: 'INVALID_FIELDS',
      fieldErrors: { label: expect.any(String) },
    });
    expect(await createAppPassword(deps, actor, { label: 'x'.repeat(61) }, BROWSER)).toMatchObject({
      ok: false,
      code: 'INVALID_FIELDS',
      fieldErrors: { label: expect.any(String) },
    });
    expect(await createAppPassword(deps, actor, {}, BROWSER)).toMatchObject({ ok: false, code: 'INVALID_FIELDS' });
    expect((await create('x'.repeat(60))).label).toHaveLength(60);
  });

  it('are only for accounts with two-step on', async () => {
    await t.db.account.update({ where: { id: actor.accountId }, data: { twoStepEnabledAt: null } });
    expect(await createAppPassword(deps, actor, { label: 'Mail' }, BROWSER)).toMatchObject({ ok: false, code: 'TWO_STEP_NEEDED' });
    expect(await t.db.appPassword.count()).toBe(0);
  });

  it(`are at most ${MAX_APP_PASSWORDS} active at once; a revoked one makes room`, async () => {
    const rows = Array.from({ length: MAX_APP_PASSWORDS }, (_, i) => ({
      accountId: actor.accountId,
      label: `app ${i}`,
      lookupKey: 'abcd',
      hash: 'x',
      createdAt: deps.clock.now(),
    }));
    await t.db.appPassword.createMany({ data: rows });
    const refused = await createAppPassword(deps, actor, { label: 'one too many' }, BROWSER);
    expect(refused).toMatchObject({
      ok: false,
      code: 'TOO_MANY_APP_PASSWORDS',
      error: expect.stringContaining(`${MAX_APP_PASSWORDS} app-specific passwords`),
    });
    const first = (await listAppPasswords(t.db, actor.accountId))[0];
    expect((await revokeAppPassword(deps, actor, first.id, BROWSER)).ok).toBe(true);
    expect((await createAppPassword(deps, actor, { label: 'now fits' }, BROWSER)).ok).toBe(true);
  });

  it('work in an app (any case, with or without dashes) and record when they were last used', async () => {
    const { password, id } = await create();
    deps.clock.advance(5 * MINUTE);
    expect(await auth(password)).toEqual({ ok: true, name: 'Jane Holder' });
    const usedAt = deps.clock.now();
    expect((await t.db.appPassword.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(usedAt);
    deps.clock.advance(MINUTE);
    expect((await auth(password.toUpperCase().replace(/-/g, ' '), 'Jane.Holder@EXAMPLE.com')).ok).toBe(true);
    expect((await listAppPasswords(t.db, actor.accountId))[0].lastUsedAt).toEqual(deps.clock.now());
  });

  it('listing shows only active ones, newest first', async () => {
    const a = await create('A');
    deps.clock.advance(MINUTE);
    await create('B');
    deps.clock.advance(MINUTE);
    await create('C');
    await revokeAppPassword(deps, actor, a.id, BROWSER);
    expect((await listAppPasswords(t.db, actor.accountId)).map((p) => p.label)).toEqual(['C', 'B']);
  });

  it('revoking one refuses it in apps at once, leaves the others working, and is recorded and mailed', async () => {
    const mail = await create('Mail');
    const contacts = await create('Contacts');
    await t.db.emailOutbox.deleteMany();
    const result = await revokeAppPassword(deps, actor, mail.id, BROWSER);
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('Mail') });
    expect(await auth(mail.password)).toMatchObject({ ok: false, code: 'APP_SIGN_IN_FAILED', status: 401 });
    expect((await auth(contacts.password)).ok).toBe(true);
    expect(await t.db.securityEvent.count({ where: { kind: 'app-password-revoked' } })).toBe(1);
    const mails = await t.db.emailOutbox.findMany();
    expect(mails).toHaveLength(2);
    expect(mails[0].subject).toBe('An app-specific password of your Apple ID was revoked');
    // Twice, or someone else's: no longer on your account.
    expect(await revokeAppPassword(deps, actor, mail.id, BROWSER)).toMatchObject({ ok: false, code: 'APP_PASSWORD_GONE' });
    expect(await revokeAppPassword(deps, actor, 'no-such-id', BROWSER)).toMatchObject({ ok: false, code: 'APP_PASSWORD_GONE' });
    expect(await revokeAppPassword(deps, actor, 42, BROWSER)).toMatchObject({ ok: false, code: 'APP_PASSWORD_GONE' });
  });

  it("cannot revoke another account's", async () => {
    const mine = await create();
    const other = await createAccount(deps, accountInput({ appleId: 'other@example.com', rescueEmail: '' }), BROWSER);
    if (!other.ok) throw new Error('setup');
    const result = await revokeAppPassword(deps, { accountId: other.accountId, sessionId: 'x' }, mine.id, BROWSER);
    expect(result.ok).toBe(false);
    expect((await auth(mine.password)).ok).toBe(true);
  });

  it('Revoke All revokes every active one with one event and one email per address', async () => {
    const a = await create('A');
    const b = await create('B');
    await t.db.emailOutbox.deleteMany();
    expect(await revokeAllAppPasswords(deps, actor, BROWSER)).toMatchObject({ ok: true, count: 2 });
    expect(await listAppPasswords(t.db, actor.accountId)).toEqual([]);
    expect((await auth(a.password)).ok).toBe(false);
    expect((await auth(b.password)).ok).toBe(false);
    expect(await t.db.securityEvent.count({ where: { kind: 'app-passwords-revoked-all' } })).toBe(1);
    const mails = await t.db.emailOutbox.findMany();
    expect(mails).toHaveLength(2);
    expect(mails[0].textBody).toContain('all 2 app-specific passwords');
    expect(await revokeAllAppPasswords(deps, actor, BROWSER)).toMatchObject({ ok: false, code: 'NONE_TO_REVOKE' });
  });

  it('a password change revokes them all (revokeAllOnPasswordChange, in its transaction)', async () => {
    const a = await create('A');
    const count = await t.db.$transaction((tx) => revokeAllOnPasswordChange(tx, actor.accountId, deps.clock.now(), BROWSER));
    expect(count).toBe(1);
    expect((await auth(a.password)).ok).toBe(false);
  });

  it('refuse the main password while two-step is on with the same message as a wrong one (no check for a phished password); both are failures', async () => {
    await create();
    const main = await auth(GOOD_PASSWORD);
    const wrong = await auth('not the password at all');
    expect(main).toMatchObject({ ok: false, code: 'APP_SIGN_IN_FAILED', status: 401 });
    expect(JSON.stringify(main)).toBe(JSON.stringify(wrong));
    expect(!main.ok && main.error).toBe(APP_SIGN_IN_FAILED);
    expect(APP_SIGN_IN_FAILED).toBe(
      'Your Apple ID or password was incorrect. With two-step verification on, apps sign in with an app-specific password, not your Apple ID password: create one in Password and Security → App-Specific Passwords.',
    );
    // Both are failures. The holder's own log still tells the two apart (only someone signed in with a code reads it).
    const reasons = (await t.db.securityEvent.findMany({ where: { kind: 'app-sign-in-failed' } })).map(
      (e) => JSON.parse(e.details!).reason,
    );
    expect(reasons.sort()).toEqual(['main-password', 'wrong-password']);
  });

  it('answer a wrong password, a malformed one and an unknown Apple ID with the same generic message', async () => {
    const { password } = await create();
    const wrongGroup = `${password.slice(0, 15)}${password.endsWith('a') ? 'b' : 'a'}`;
    for (const [typed, appleId] of [
      [wrongGroup, APPLE_ID],
      ['zzzz-zzzz-zzzz-zzzz', APPLE_ID],
      ['not an app password', APPLE_ID],
      [password, 'nobody@example.com'],
      ['', APPLE_ID],
      [password, 'not an email'],
    ]) {
      expect(await auth(typed, appleId)).toMatchObject({ ok: false, code: 'APP_SIGN_IN_FAILED', status: 401 });
    }
  });

  it("lock strangers out after 5 failures, apart from the sign-in form, and never the holder's own app-specific password", async () => {
    const { password } = await create();
    for (let i = 0; i < 4; i++) expect(await auth('aaaa-bbbb-cccc-dddd')).toMatchObject({ status: 401 });
    const fifth = await auth('aaaa-bbbb-cccc-dddd');
    expect(fifth).toMatchObject({
      ok: false,
      code: 'PASSWORD_LOCKED_OUT',
      status: 429,
      error: expect.stringContaining('try again in 15 minutes'),
      retryAfterSeconds: 900,
    });
    expect(await auth('eeee-ffff-gggg-hhhh', APPLE_ID, { ...BROWSER, clientAddress: '198.51.100.9' })).toMatchObject({ status: 429 });
    // The holder's app (its password's first group names it) keeps its own budget, and so does the sign-in form.
    expect((await auth(password)).ok).toBe(true);
    expect((await signIn(deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, BROWSER)).ok).toBe(true);
    deps.clock.advance(15 * MINUTE + 1);
    expect(await auth('aaaa-bbbb-cccc-dddd')).toMatchObject({ status: 401 });
  });

  it('a success gives its attempt back: an app that polls is never locked by its own sign-ins', async () => {
    const { password } = await create();
    for (let i = 0; i < 50; i++) expect((await auth(password)).ok).toBe(true);
  });

  it('slow a client address down after 20 failures across Apple IDs, never lock it', async () => {
    const { password } = await create();
    for (let i = 0; i < 21; i++) expect(await auth('aaaa-bbbb-cccc-dddd', `guess${i}@example.com`)).toMatchObject({ status: 401 });
    expect(await auth('aaaa-bbbb-cccc-dddd', 'guess21@example.com')).toMatchObject({
      code: 'PASSWORD_LOCKED_OUT',
      status: 429,
      error: expect.stringContaining('second'),
    });
    expect((await auth(password)).ok).toBe(true);
    expect(await auth('aaaa-bbbb-cccc-dddd', 'other@example.com', { ...BROWSER, clientAddress: '198.51.100.9' })).toMatchObject({
      status: 401,
    });
  });

  describe('and the hashing line (held hashes: tests/harness/held-line.ts)', () => {
    let held: HeldLine;
    beforeEach(() => {
      held = heldLine(productionLine());
    });
    const stranger = (i: number) => ({ ...BROWSER, clientAddress: `198.51.100.${i % 250}` });
    const authIn = (password: string, ctx = BROWSER) =>
      authenticateApp({ ...deps, hashingLine: held.line }, { appleId: APPLE_ID, password }, ctx);

    it("an app's guesses for a locked Apple ID, from rotating addresses, take no place in the line", async () => {
      for (let i = 0; i < PER_APPLE_ID.maxFailures; i++) await authIn('aaaa-bbbb-cccc-dddd', stranger(i));
      const before = held.asked.length;
      held.hold();
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => authIn('aaaa-bbbb-cccc-dddd', stranger(100 + i))));
      held.release();
      expect(answers.every((r) => !r.ok && r.status === 429)).toBe(true);
      expect(held.asked.length).toBe(before);
    });

    it("the holder's app (its own app-specific password) gets a place while strangers' guesses hold the Apple ID's share", async () => {
      const { password } = await create();
      held.hold();
      const guesses = Array.from({ length: 10 }, (_, i) => authIn('aaaa-bbbb-cccc-dddd', stranger(i)));
      await held.askedBy(10);
      const holder = authIn(password, { ...BROWSER, clientAddress: '192.0.2.10' });
      await held.askedBy(11);
      held.release();
      expect(await holder).toEqual({ ok: true, name: 'Jane Holder' });
      const answers = await Promise.all(guesses);
      expect(answers.filter((r) => !r.ok && r.status === 503)).toHaveLength(10 - LINE_SHARES.perAppleId);
    });

    it('a full line answers 503 with Retry-After, and counts no guess', async () => {
      const { password } = await create();
      const joined = Array.from({ length: HASHES_IN_FLIGHT + HASHES_WAITING }, () => held.line.join());
      expect(await authIn(password)).toEqual({
        ok: false,
        code: 'SERVER_BUSY',
        error: 'The server is busy. Try again in a moment.',
        status: 503,
        retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
      });
      expect(await authIn('aaaa-bbbb-cccc-dddd')).toMatchObject({ code: 'SERVER_BUSY', status: 503 });
      expect(await t.db.throttle.count()).toBe(0);
      expect(await t.db.securityEvent.count({ where: { kind: 'app-sign-in-failed' } })).toBe(0);
      for (const p of joined) p.leave();
      expect((await authIn(password)).ok).toBe(true);
    });
  });

  it('with two-step off, the main password works in apps and app-specific passwords do not', async () => {
    const { password } = await create();
    await t.db.account.update({ where: { id: actor.accountId }, data: { twoStepEnabledAt: null } });
    expect(await auth(GOOD_PASSWORD)).toEqual({ ok: true, name: 'Jane Holder' });
    expect(await auth(password)).toMatchObject({ ok: false, code: 'APP_SIGN_IN_FAILED', status: 401 });
    expect(await auth('wrong password')).toMatchObject({ ok: false, code: 'APP_SIGN_IN_FAILED', status: 401 });
  });
});

describe('GET /api/app/whoami', () => {
  let t: TestDb;
  const g = globalThis as unknown as { twoStepRuntime?: { db: { $disconnect(): Promise<void> } } };

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  afterEach(async () => {
    await g.twoStepRuntime?.db.$disconnect();
    delete g.twoStepRuntime;
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function routeGet() {
    const env = localEnv(DEV_PORTS, { ...TEST_SECRETS, DATABASE_URL: t.url, BCRYPT_COST: '4' });
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    await g.twoStepRuntime?.db.$disconnect();
    delete g.twoStepRuntime;
    vi.resetModules();
    const { GET } = await import('../../app/api/app/whoami/route.ts');
    return GET;
  }
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
  const request = (authorization?: string) =>
    new Request('http://localhost:3000/api/app/whoami', {
      headers: { ...(authorization ? { authorization } : {}), 'x-forwarded-for': '192.0.2.1, 203.0.113.50', 'user-agent': 'MailApp/1.0' },
    });

  it('answers 200 { name } for an app-specific password, 401 with a Basic challenge otherwise', async () => {
    const fresh = await freshAccount(t.db);
    await markTwoStepOn(t.db, fresh.accountId, fresh.deps.clock.now());
    const created = await createAppPassword(
      fresh.deps,
      { accountId: fresh.accountId, sessionId: fresh.sessionId },
      { label: 'Mail' },
      BROWSER,
    );
    if (!created.ok) throw new Error('setup');
    const GET = await routeGet();

    const ok = await GET(request(basic('Jane.Holder@example.com', created.password)));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ name: 'Jane Holder' });
    expect((await t.db.appPassword.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();

    // The right main password and a wrong one: the same status, headers and body, byte for byte.
    const main = await GET(request(basic(APPLE_ID, GOOD_PASSWORD)));
    const wrong = await GET(request(basic(APPLE_ID, 'violet staircase 43')));
    expect(main.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(main.headers.get('www-authenticate')).toBe('Basic realm="Two-Step"');
    expect([...main.headers.entries()]).toEqual([...wrong.headers.entries()]);
    const [mainBody, wrongBody] = [Buffer.from(await main.arrayBuffer()), Buffer.from(await wrong.arrayBuffer())];
    expect(mainBody.equals(wrongBody)).toBe(true);
    expect(JSON.parse(mainBody.toString('utf8'))).toEqual({ error: APP_SIGN_IN_FAILED });

    for (const authorization of [
      undefined,
      'Bearer abc',
      'Basic !!!',
      basic('no-colon', '').replace(/Og==$/, ''),
      basic(APPLE_ID, 'aaaa-bbbb-cccc-dddd'),
    ]) {
      const res = await GET(request(authorization));
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="Two-Step"');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
    // The failures were counted against the last X-Forwarded-For entry.
    expect(await t.db.throttle.findUnique({ where: { key: 'app:sign-in:address:203.0.113.50' } })).not.toBeNull();
    const failed = await t.db.securityEvent.findFirstOrThrow({ where: { kind: 'app-sign-in-failed' } });
    expect(failed).toMatchObject({ clientAddress: '203.0.113.50', userAgent: 'MailApp/1.0' });
  });

  it('answers 429 with Retry-After once the Apple ID is locked', async () => {
    await freshAccount(t.db);
    const fresh = await t.db.account.findFirstOrThrow();
    await t.db.account.update({ where: { id: fresh.id }, data: { twoStepEnabledAt: new Date() } });
    const GET = await routeGet();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await GET(request(basic(APPLE_ID, 'aaaa-bbbb-cccc-dddd')))).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const locked = await GET(request(basic(APPLE_ID, 'aaaa-bbbb-cccc-dddd')));
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await locked.json()).error).toContain('try again in');
  });

  it("answers 503 with Retry-After when the process's hashing line has no place, before any guess is counted", async () => {
    await freshAccount(t.db);
    const GET = await routeGet();
    const joined = Array.from({ length: HASHES_IN_FLIGHT + HASHES_WAITING }, () => hashingLine.join());
    try {
      const busy = await GET(request(basic(APPLE_ID, 'aaaa-bbbb-cccc-dddd')));
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe(String(BUSY_RETRY_AFTER_SECONDS));
      expect(await busy.json()).toEqual({ error: 'The server is busy. Try again in a moment.' });
      expect(await t.db.throttle.count()).toBe(0);
    } finally {
      for (const p of joined) p.leave();
    }
  });
});
