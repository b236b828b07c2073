// Bad input gets a clear answer and stores nothing: EVERY server action (every export of
// app/actions/*.ts and of each kind's app/_kinds/<kind>/actions.ts) and EVERY route handler
// (app/**/route.ts), found by reading the directories as
// tests/support-console/read-only.int.test.ts does, is called with arbitrary arguments (fast-check):
// nothing, null, strings, numbers, objects, arrays, Maps, and FormData with arbitrary field names
// and values (NUL, lone surrogates, bidi overrides, zero-width text, 100,000 characters, files),
// often on top of a form that would otherwise go through, so the fuzz reaches the database. Each
// call is made signed out, as a holder with two-step off (security questions answered), as a
// holder with two-step on (a code entered a minute ago), and as a session that has only the password
// of a two-step account (the code step: what a stolen password alone reaches), on SQLite and on
// PostgreSQL (where a NUL in an id is an error, not just no row). After every call:
//
// - nothing was thrown but Next's redirect() / notFound(), and no Response has a status >= 500;
// - every stored name and label is one line of plain, visible, trimmed NFC text
//   (src/accounts/display-text.ts);
// - a call answered with the form's own error (or an HTTP 4xx) left the row count of every table as
//   it was, but for the bookkeeping a refusal writes: lockout counters, security events, alerts.
//
// Bounded: FUZZ_RUNS (default 3) random runs per action and holder, after the fixed EXAMPLES below
// (each shape that once gave a 500). The seed is printed, and a failure names the seed and the
// shrunk arguments: FUZZ_SEED=<seed> reruns it; FUZZ_RUNS=30 looks harder.
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { NASTY_STRINGS } from '../../scripts/lib/nasty-strings.ts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, TEST_ENGINE, type TestDb } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD, accountInput, testDeps } from '../harness/accounts.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { SECURITY_QUESTIONS } from '../../src/accounts/security-questions.ts';
import { createSession } from '../../src/sessions/sessions.ts';
import { hasVisibleText, isPlainText } from '../../src/accounts/display-text.ts';
import { Prisma } from '../../src/generated/sqlite/client.ts';
import type { Db } from '../../src/db/client.ts';
import { APP, appEnv, filesUnder, jar, nextThrow, serverActions, type FoundAction } from '../support-console/app-harness.ts';

vi.mock('next/headers', async () => (await import('../support-console/app-harness.ts')).nextHeaders);
vi.mock('next/cache', async () => (await import('../support-console/app-harness.ts')).nextCache);

const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/** Tables a refused request may still write to: the lockout counters, the security log, the alerts it sends. */
const REFUSAL_BOOKKEEPING = new Set(['Throttle', 'SecurityEvent', 'EmailOutbox']);

// ---- Arbitrary arguments ------------------------------------------------------------------------

const FIELD_NAMES = [
  'name',
  'label',
  'appleId',
  'email',
  'password',
  'confirmPassword',
  'currentPassword',
  'birthDate',
  'countryCode',
  'rescueEmail',
  'question1',
  'question2',
  'question3',
  'answer1',
  'answer2',
  'answer3',
  'trustedDeviceId',
  'registeredDeviceId',
  'appPasswordId',
  'phoneNumber',
  'deviceId',
  'code',
  'recoveryKey',
  'accept',
  'pin',
  'next',
  '$ACTION_ID_0',
  '$ACTION_REF_1',
  '1_$ACTION_KEY',
];
const HUGE = 'x'.repeat(100_000);

const nastyText = fc
  .array(fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 5 })
  .map((a) => a.join(''));
const text = fc.oneof(
  { weight: 3, arbitrary: nastyText },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', HUGE, `${HUGE}\u0000`, 'Jane Holder', GOOD_PASSWORD, '1234', '000000', 'ABCD-EFGH-JKLM-NP'),
  },
  // A good value with something nasty at one end: "Mail\u202e", "\u200bJane".
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('Jane', 'Mail', 'iPhone', '1990-04-30', 'US'), fc.constantFrom(...NASTY_STRINGS), fc.boolean())
      .map(([v, n, before]) => (before ? n + v : v + n)),
  },
);
const fieldName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: text });
type FieldValue = string | { file: string };
const fieldValue: fc.Arbitrary<FieldValue> = fc.oneof(
  { weight: 9, arbitrary: text },
  { weight: 1, arbitrary: text.map((t) => ({ file: t })) },
);

/** One argument, as plain data (so a counterexample prints readably); made real by `materialise`. */
type ArgSpec =
  | { form: { base: 'none' | 'holder' | 'new'; fields: Array<[string, FieldValue]> } }
  | { map: Array<[string, string]> }
  | { value: unknown };
const formSpec = fc.record({
  base: fc.constantFrom('none', 'holder', 'holder', 'new'),
  fields: fc.array(fc.tuple(fieldName, fieldValue), { maxLength: 6 }),
});
const argSpec: fc.Arbitrary<ArgSpec> = fc.oneof(
  { weight: 4, arbitrary: formSpec.map((form) => ({ form })) },
  { weight: 1, arbitrary: fc.array(fc.tuple(text, text), { maxLength: 3 }).map((map) => ({ map })) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(fc.constantFrom(undefined, null, {}, [], '', 0, -1, true, NaN), text, fc.anything({ maxDepth: 2 }))
      .map((value) => ({ value })),
  },
);
const prevSpec: fc.Arbitrary<ArgSpec> = fc.oneof(
  fc.constant({ value: {} }),
  fc.constantFrom(undefined, null, 'x', 0).map((value) => ({ value })),
  fc.record({ error: text, values: fc.dictionary(text, text, { maxKeys: 2 }) }).map((value) => ({ value })),
);
/** Mostly the shape React sends (state, form), sometimes (bound value, state, form), sometimes anything. */
const actionArgs = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(
      prevSpec,
      formSpec.map((form): ArgSpec => ({ form })),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.oneof(text, fc.anything({ maxDepth: 1 })).map((value): ArgSpec => ({ value })),
      prevSpec,
      formSpec.map((form): ArgSpec => ({ form })),
    ),
  },
  { weight: 2, arbitrary: fc.array(argSpec, { maxLength: 3 }) },
);

/**
 * Always tried first, whatever the seed: each shape that once gave a 500 (fast-check counts them in
 * numRuns: all of them run, then RUNS random ones).
 */
const EXAMPLES: ArgSpec[][] = [
  [],
  [{ value: {} }, { value: 'name=Jane' }],
  [{ value: null }, { map: [['name', 'Jane']] }, { value: { appleId: 'x', entries: 1 } }],
  [{ value: {} }, { form: { base: 'new', fields: [['name', 'Jane\u0000Doe']] } }],
  [
    { value: {} },
    {
      form: {
        base: 'holder',
        fields: [
          ['name', '\u202eenaJ'],
          ['label', '\u200b\u200b'],
        ],
      },
    },
  ],
  [
    { value: {} },
    {
      form: {
        base: 'holder',
        fields: [
          ['trustedDeviceId', 'x\u0000'],
          ['appPasswordId', '\u0000'],
          ['registeredDeviceId', '\u0000'],
          ['code', '12\u00003'],
          ['appleId', 'jane\u0000@example.com'],
          ['password', `${HUGE}\u0000`],
          ['answer1', '\u0000'],
        ],
      },
    },
  ],
  [
    { value: {} },
    {
      form: {
        base: 'none',
        fields: [
          ['a\u0000b', 'x'],
          ['\ud800', '\udfff'],
          ['email', HUGE],
        ],
      },
    },
  ],
];

// ---- The database -------------------------------------------------------------------------------

async function counts(db: Db): Promise<Record<string, number>> {
  const sql = Object.values(Prisma.ModelName)
    .map((m) => `SELECT '${m}' AS t, COUNT(*) AS n FROM "${m}"`)
    .join(' UNION ALL ');
  const rows = await db.$queryRawUnsafe<Array<{ t: string; n: number | bigint }>>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

/** Every stored name and label breaking the rule for names (src/accounts/display-text.ts). */
async function badNames(db: Db): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<Array<{ t: string; s: string }>>(
    `SELECT 'Account.name' AS t, "name" AS s FROM "Account" UNION ALL SELECT 'RegisteredDevice.name', "name" FROM "RegisteredDevice"
     UNION ALL SELECT 'AppPassword.label', "label" FROM "AppPassword" UNION ALL SELECT 'StaffUser.displayName', "displayName" FROM "StaffUser"`,
  );
  return rows
    .filter(({ s }) => !isPlainText(s) || !hasVisibleText(s) || s !== s.normalize('NFC').trim())
    .map(({ t, s }) => `${t} ${JSON.stringify(s)}`);
}

// ---- The test -----------------------------------------------------------------------------------

/** 'password stage': two-step on, the password given and the code not yet (what a stolen password alone reaches). */
type Mode = 'signed out' | 'two-step off' | 'two-step on' | 'password stage';
const MODES: Mode[] = ['signed out', 'two-step off', 'two-step on', 'password stage'];
const twoStepIn = (mode: Mode) => mode === 'two-step on' || mode === 'password stage';

describe(`bad input to every server action and route handler: a clear 4xx or the form's message, nothing stored (${TEST_ENGINE}, seed ${SEED})`, () => {
  let t: TestDb;
  let db: Db;
  const actions: FoundAction[] = [];
  const routes: Array<{ module: string; path: string; method: string; fn: (req: Request) => Promise<Response> }> = [];
  let setSessionCookie: (token: string) => Promise<void>;
  let serial = 0;

  /** The holder the current property calls act as (a new one per action and mode). */
  let holder!: {
    accountId: string;
    appleId: string;
    trustedDeviceId: string;
    appPasswordId: string;
    registeredDeviceId: string;
    deviceId: string;
  };

  beforeAll(async () => {
    t = await createTestDb();
    db = t.db;
    appEnv(t.url);
    process.env.PUSH_URL = 'http://127.0.0.1:9'; // nothing listens: a push that got through fails, as a text does
    actions.push(...(await serverActions()));
    for (const file of filesUnder(APP, (f) => /(^|\/)route\.ts$/.test(f))) {
      const mod = (await import(file)) as Record<string, unknown>;
      const path = `/${relative(APP, file)
        .replace(/\/?route\.ts$/, '')
        .replace(/\[[^\]]+\]/g, 'x')}`;
      for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        if (typeof mod[method] === 'function')
          routes.push({ module: relative(APP, file), path, method, fn: mod[method] as (req: Request) => Promise<Response> });
      }
    }
    ({ setSessionCookie } = await import('../../app/lib/session.ts'));
    console.log(
      `fuzz: ${actions.length} actions, ${routes.length} route handlers, ${RUNS} runs each per holder, seed ${SEED} (FUZZ_SEED=${SEED} to repeat)`,
    );
  });
  afterAll(() => t?.drop());

  /**
   * The holder for the next calls: the last one while it is as it was made (an action that went
   * through may have turned two-step off, or removed its device or app-specific password), else a new one.
   */
  async function holderFor(twoStep: boolean) {
    if (holder as typeof holder | undefined) {
      const row = await db.account.findUnique({
        where: { id: holder.accountId },
        select: {
          twoStepEnabledAt: true,
          _count: { select: { trustedDevices: { where: { verifiedAt: { not: null } } }, appPasswords: { where: { revokedAt: null } } } },
        },
      });
      if (row && Boolean(row.twoStepEnabledAt) === twoStep && row._count.trustedDevices === 2 && row._count.appPasswords === 1) return;
    }
    await newHolder(twoStep);
  }

  /**
   * A new holder: two-step off with questions, or on with a trusted phone, a registered iOS device
   * (trusted too) and an app-specific password.
   */
  async function newHolder(twoStep: boolean) {
    const appleId = `holder.${++serial}@example.com`;
    const created = await createAccount({ ...testDeps(db), clock: { now: () => new Date() } as never }, accountInput({ appleId }), BROWSER);
    if (!created.ok) throw new Error(`holder: ${JSON.stringify(created)}`);
    const accountId = created.accountId;
    const now = new Date();
    const phone = await db.trustedDevice.create({
      data: { accountId, kind: 'sms', phoneNumber: `+1555010${String(1000 + serial).slice(-4)}`, createdAt: now, verifiedAt: now },
    });
    const deviceId = `sim-fuzz-${serial}`;
    const registered = await db.registeredDevice.create({ data: { accountId, deviceId, name: 'Jane’s iPhone', createdAt: now } });
    await db.trustedDevice.create({
      data: { accountId, kind: 'push', registeredDeviceId: registered.id, createdAt: now, verifiedAt: now },
    });
    const appPassword = await db.appPassword.create({ data: { accountId, label: 'Mail', lookupKey: 'abcd', hash: 'x', createdAt: now } });
    if (twoStep) await db.account.update({ where: { id: accountId }, data: { twoStepEnabledAt: now } });
    holder = { accountId, appleId, trustedDeviceId: phone.id, appPasswordId: appPassword.id, registeredDeviceId: registered.id, deviceId };
  }

  /** The browser for a call: no cookie, or a new session of the holder (questions answered, a code entered a minute ago). */
  async function signIn(mode: Mode) {
    jar.clear();
    if (mode === 'signed out') return;
    const now = new Date();
    const token = await createSession(
      db,
      holder.accountId,
      now,
      BROWSER,
      mode === 'password stage'
        ? { stage: 'password' }
        : { securityPassAt: now, ...(mode === 'two-step on' ? { codeVerifiedAt: new Date(now.getTime() - 60_000) } : {}) },
    );
    await setSessionCookie(token);
  }

  /** A form that would go through if nothing spoiled it: the holder's own details, or a new person's. */
  function baseForm(base: 'holder' | 'new'): Record<string, string> {
    const common = {
      name: 'Jane Holder',
      birthDate: '1990-04-30',
      countryCode: 'US',
      rescueEmail: `rescue.${serial}@example.org`,
      question1: SECURITY_QUESTIONS[0]!.id,
      question2: SECURITY_QUESTIONS[1]!.id,
      question3: SECURITY_QUESTIONS[2]!.id,
      answer1: 'Blue',
      answer2: 'Paris',
      answer3: 'Rex',
      currentPassword: GOOD_PASSWORD,
      trustedDeviceId: holder.trustedDeviceId,
      appPasswordId: holder.appPasswordId,
      registeredDeviceId: holder.registeredDeviceId,
      deviceId: holder.deviceId,
      label: 'Calendar',
      phoneNumber: '(555) 010-9999',
      accept: 'on',
    };
    return base === 'holder'
      ? { ...common, appleId: holder.appleId, email: holder.appleId, password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }
      : {
          ...common,
          appleId: `new.${++serial}@example.com`,
          email: `new.${serial}@example.com`,
          password: 'an entirely new password 99',
          confirmPassword: 'an entirely new password 99',
        };
  }

  function materialise(spec: ArgSpec): unknown {
    if ('map' in spec) return new Map(spec.map);
    if ('value' in spec) return spec.value;
    const fd = new FormData();
    if (spec.form.base !== 'none') for (const [k, v] of Object.entries(baseForm(spec.form.base))) fd.set(k, v);
    for (const [k, v] of spec.form.fields) {
      if (typeof v === 'string') fd.set(k, v);
      else fd.set(k, new Blob([v.file]), 'upload.bin');
    }
    return fd;
  }

  /** What came back: 'refused' (the form's error, a 4xx), 'redirect', 'answered' (anything else), or a failure. */
  async function call(
    fn: () => Promise<unknown>,
  ): Promise<{ kind: 'refused' | 'redirect' | 'answered' } | { kind: 'failed'; why: string }> {
    try {
      const value = await fn();
      if (value instanceof Response) {
        if (value.status >= 500) return { kind: 'failed', why: `HTTP ${value.status}: ${await value.text()}` };
        return { kind: value.status >= 400 ? 'refused' : 'answered' };
      }
      const state = (value ?? {}) as { error?: unknown; fieldErrors?: object; done?: boolean };
      return {
        kind: !state.done && (state.error || (state.fieldErrors && Object.keys(state.fieldErrors).length)) ? 'refused' : 'answered',
      };
    } catch (e) {
      const how = nextThrow(e);
      if (how) return { kind: 'redirect' };
      return { kind: 'failed', why: `threw ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 300)}` : String(e)}` };
    }
  }

  /** Runs one call and checks everything the header promises; throws (for fast-check to shrink) on a problem. */
  async function check(label: string, fn: () => Promise<unknown>) {
    const before = await counts(db);
    const outcome = await call(fn);
    if (outcome.kind === 'failed') throw new Error(`${label}: ${outcome.why}`);
    const bad = await badNames(db);
    if (bad.length) throw new Error(`${label}: stored ${bad.join(', ')}`);
    if (outcome.kind === 'refused') {
      const after = await counts(db);
      const changed = Object.keys(before).filter((m) => !REFUSAL_BOOKKEEPING.has(m) && before[m] !== after[m]);
      if (changed.length) throw new Error(`${label}: refused, yet ${changed.map((m) => `${m} ${before[m]} → ${after[m]}`).join(', ')}`);
    }
  }

  it('finds the actions and route handlers by reading the app', () => {
    expect(actions.length).toBeGreaterThan(30);
    // The kinds' own actions, beside their forms, are fuzzed like the rest.
    expect(actions.map((a) => `${a.module} ${a.name}`)).toEqual(
      expect.arrayContaining(['_kinds/sms/actions.ts addPhoneNumberAction', '_kinds/passkey/actions.ts addPasskeyAction']),
    );
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['GET /api/app/whoami', 'GET /reset/open', 'POST /dev/clock']),
    );
  });

  for (const mode of MODES) {
    it(`every server action, ${mode}: arbitrary arguments`, async () => {
      for (const action of actions) {
        await holderFor(twoStepIn(mode));
        await fc.assert(
          fc.asyncProperty(actionArgs, async (specs) => {
            await signIn(mode);
            await check(`${action.module} ${action.name} (${mode})`, () => action.fn(...specs.map(materialise)));
          }),
          { numRuns: RUNS + EXAMPLES.length, seed: SEED, examples: EXAMPLES.map((e) => [e]) },
        );
      }
    }, 120_000);
  }

  const requestSpec = fc.record({
    query: fc.array(fc.tuple(text, text), { maxLength: 3 }),
    authorization: fc.oneof(
      fc.constant(null),
      fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
      fc.tuple(text, text).map(([u, p]) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`),
    ),
    contentType: fc.constantFrom(
      null,
      'application/json',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
    ),
    body: fc.oneof(
      fc.constant(null),
      text,
      fc.json(),
      fc.anything({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null'),
    ),
  });

  for (const mode of MODES) {
    it(`every route handler, ${mode}: arbitrary query, credentials and body`, async () => {
      await holderFor(twoStepIn(mode));
      for (const route of routes) {
        await fc.assert(
          fc.asyncProperty(requestSpec, async (spec) => {
            await signIn(mode);
            const url = new URL(`http://localhost:3000${route.path}`);
            for (const [k, v] of spec.query) url.searchParams.append(k, v);
            const headers = new Headers({ cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') });
            if (spec.authorization !== null) headers.set('authorization', spec.authorization);
            if (spec.contentType) headers.set('content-type', spec.contentType);
            const withBody = spec.body !== null && !['GET', 'HEAD'].includes(route.method);
            const req = new Request(url, { method: route.method, headers, body: withBody ? spec.body : undefined });
            await check(`${route.method} ${route.path} (${mode})`, () => route.fn(req));
          }),
          {
            numRuns: RUNS * 2,
            seed: SEED,
            examples: [
              [
                {
                  query: [['token', '\u0000'.repeat(43)]],
                  authorization: `Basic ${Buffer.from('jane\u0000@example.com:\u0000').toString('base64')}`,
                  contentType: 'application/json',
                  body: '{"advanceSeconds":1e999}',
                },
              ],
              [
                {
                  query: [['token', HUGE]],
                  authorization: `Basic ${Buffer.from(`${holder.appleId}:${HUGE}`).toString('base64')}`,
                  contentType: 'multipart/form-data; boundary=x',
                  body: '--x\r\nContent-Disposition: form-data; name="a\u0000"\r\n\r\nv\r\n--x--',
                },
              ],
            ],
          },
        );
      }
    }, 120_000);
  }
});
