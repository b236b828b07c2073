// Read-only, enforced on the server: EVERY server action (every export of app/actions/*.ts) and
// EVERY route handler (app/**/route.ts) is called with a support staff session (a real StaffSession
// row and its sealed two_step_staff cookie, and no customer cookie), with form fields that would
// change the account if anything let them through. Each customer action and route must refuse and
// leave every table of the database exactly as it was. The support console's own actions
// (app/actions/support.ts) may write only what a look writes: the look events the holder sees,
// and the staff session's bookkeeping (SUPPORT_BOOKKEEPING below, one rule per table); the second
// factor's (app/actions/staff-second-factor.ts) only the staff member's own sign-in rows.
//
// A staff session that passed only the password (no second factor yet) opens nothing: every
// support page and every console action sends it to the second factor and changes nothing; the
// customer side refuses it as it refuses any staff session.
//
// The modules are found by reading the directories, so an action or route added later is covered
// without touching this file. next/headers is replaced by a cookie jar; Next's redirect() and
// notFound() throw, and count as refusals.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD, accountInput, testDeps } from '../harness/accounts.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { SECURITY_QUESTIONS } from '../../src/accounts/security-questions.ts';
import { Prisma } from '../../src/generated/sqlite/client.ts';
import type { Db } from '../../src/db/client.ts';
import { addStaffUser, createStaffSession, type StaffStage } from '../../src/support/staff.ts';
import { STAFF_EVENTS } from '../../src/support/staff-events.ts';
import { supportPinHash } from '../../src/support/pin.ts';
import { SUPPORT_LOOK_KINDS } from '../../src/support/looks.ts';
import { APP, CODE_KEY, appEnv, filesUnder, isActionModule, jar, outcomeOf, serverActions } from './app-harness.ts';
import { tokenId } from '../../src/tokens.ts';

// next/headers serves the harness's cookie jar (see app-harness.ts); vi.mock must sit in the test file.
vi.mock('next/headers', async () => (await import('./app-harness.ts')).nextHeaders);
vi.mock('next/cache', async () => (await import('./app-harness.ts')).nextCache);

/** The staff console's own actions: read-only, not refused. Everything else in app/actions is the customers'. */
const STAFF_ACTION_MODULES = ['support.ts', 'staff-second-factor.ts'];
/** What a session with only the password may use: signing in and out, and the second factor's own actions. */
const SECOND_FACTOR_STEP = (a: { module: string; name: string }) =>
  a.module === 'actions/staff-second-factor.ts' || ['staffSignInAction', 'staffSignOutAction'].includes(a.name);
const SECOND_FACTOR_PAGE = 'redirect /support/sign-in/verify';

// ---- The database, every table ----------------------------------------------------------------

type Snapshot = Record<string, Array<Record<string, unknown>>>;
const delegate = (model: string) => model[0]!.toLowerCase() + model.slice(1);

async function snapshot(db: Db): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const rows =
      (await (db as unknown as Record<string, { findMany(): Promise<Array<Record<string, unknown>>> }>)[delegate(model)]!.findMany()) ?? [];
    out[model] = rows
      .map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>)
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return out;
}

const text = (rows: Array<Record<string, unknown>>) => rows.map((r) => JSON.stringify(r));
const without = (rows: Array<Record<string, unknown>>, fields: string[]) =>
  text(rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !fields.includes(k))))).sort();

/**
 * What a support console action may change, table by table; every other table must be identical.
 * Each rule returns null when the difference is allowed, or what is wrong.
 */
const SUPPORT_BOOKKEEPING: Record<
  string,
  (before: Array<Record<string, unknown>>, after: Array<Record<string, unknown>>) => string | null
> = {
  // Look events only: rows added (none changed or removed), each of a support look kind.
  SecurityEvent(before, after) {
    const old = new Set(text(before));
    if (text(before).some((r) => !text(after).includes(r))) return 'an existing security event changed or went';
    const added = after.filter((r) => !old.has(JSON.stringify(r)));
    const bad = added.filter((r) => !(SUPPORT_LOOK_KINDS as readonly unknown[]).includes(r.kind));
    return bad.length ? `events of kinds ${bad.map((r) => r.kind).join(', ')}` : null;
  },
  // The staff session itself: last seen, the account it found, a new one at sign-in, gone at sign-out.
  StaffSession: () => null,
  // The PIN was entered in this staff session.
  SupportUnlock(before, after) {
    return text(before).every((r) => text(after).includes(r)) ? null : 'an unlock went';
  },
  // A try at the PIN: its wrong tries and who bound it, nothing else (not the hash, not the expiry).
  SupportPin(before, after) {
    const fields = ['wrongTries', 'staffUserId', 'acceptedAt'];
    return JSON.stringify(without(before, fields)) === JSON.stringify(without(after, fields)) ? null : 'a PIN changed beyond its tries';
  },
  // Staff sign-in's own lockout counters.
  Throttle: staffKeysOnly,
  // Staff sign-in's own events (a wrong staff password): added only.
  StaffEvent: staffEventsAdded,
};

/** Only the staff side's counters and locks changed: staff sign-in, the second factor, a staff member's lock. */
function staffKeysOnly(before: Array<Record<string, unknown>>, after: Array<Record<string, unknown>>): string | null {
  const others = (rows: Array<Record<string, unknown>>) =>
    text(rows.filter((r) => !/^(staff-sign-in|staff-second-factor(-day)?|lock:staff-user):/.test(String(r.key))));
  return JSON.stringify(others(before)) === JSON.stringify(others(after)) ? null : 'a customer lockout counter changed';
}

function staffEventsAdded(before: Array<Record<string, unknown>>, after: Array<Record<string, unknown>>): string | null {
  if (text(before).some((r) => !text(after).includes(r))) return 'an existing staff event changed or went';
  const bad = after.filter((r) => !Object.keys(STAFF_EVENTS).includes(String(r.kind)));
  return bad.length ? 'an unknown staff event' : null;
}

/**
 * What the second factor's actions may write for a session that passed only the password: the staff
 * member's own factor rows (a pending app, a factor set up), WebAuthn challenges of staff only,
 * staff counters and events, and the session replaced. Nothing of any account.
 */
const SECOND_FACTOR_BOOKKEEPING: typeof SUPPORT_BOOKKEEPING = {
  StaffSession: () => null,
  StaffFactor: () => null,
  WebAuthnChallenge(before, after) {
    const accounts = (rows: Array<Record<string, unknown>>) => text(rows.filter((r) => r.staffUserId === null));
    return JSON.stringify(accounts(before)) === JSON.stringify(accounts(after)) ? null : "an account's challenge changed";
  },
  Throttle: staffKeysOnly,
  StaffEvent: staffEventsAdded,
};

/** A password-only session may only be looked up: its last-seen time, nothing else of it. */
const ONLY_LAST_SEEN: typeof SUPPORT_BOOKKEEPING = {
  StaffSession: (before, after) =>
    JSON.stringify(without(before, ['lastSeenAt'])) === JSON.stringify(without(after, ['lastSeenAt'])) ? null : 'the session changed',
};

function differences(before: Snapshot, after: Snapshot, allowed: typeof SUPPORT_BOOKKEEPING = {}): string[] {
  const problems: string[] = [];
  for (const model of Object.keys(before)) {
    const rule = allowed[model];
    if (rule) {
      const problem = rule(before[model]!, after[model]!);
      if (problem) problems.push(`${model}: ${problem}`);
    } else if (JSON.stringify(before[model]) !== JSON.stringify(after[model])) {
      problems.push(`${model} changed`);
    }
  }
  return problems;
}

// ---- The test ---------------------------------------------------------------------------------

/**
 * Some 200 calls, each between two snapshots of every table: on PostgreSQL on a loaded machine
 * (load 14 on 2 cores) that outlasted the 60 s every test gets, and the timed-out loop then ran on
 * beside the next test. Time enough for any machine that can run the suite at all.
 */
const LONG = 600_000;

describe('a staff session changes no account data: every server action and route handler, called with one', () => {
  let t: TestDb;
  let db: Db;
  let staffUserId: string;
  let twoStepAccountId: string;
  let forms: Array<Record<string, string>>;
  let setStaffCookie: (token: string) => Promise<void>;
  const actions: Array<{ module: string; name: string; fn: (...args: unknown[]) => Promise<unknown> }> = [];
  const routes: Array<{ module: string; path: string; method: string; fn: (req: Request) => Promise<Response> }> = [];

  beforeAll(async () => {
    t = await createTestDb();
    db = t.db;
    appEnv(t.url);

    // A holder with everything a change could touch: a session, security questions, a trusted
    // phone, an app-specific password, an open password reset; and a two-step account with a live PIN.
    const deps = { ...testDeps(db), bcryptCost: 4 };
    const holder = await createAccount(deps, accountInput(), BROWSER);
    if (!holder.ok) throw new Error('holder');
    const device = await db.trustedDevice.create({
      data: { accountId: holder.accountId, kind: 'sms', phoneNumber: '+15550101234', createdAt: new Date(), verifiedAt: new Date() },
    });
    const appPassword = await db.appPassword.create({
      data: { accountId: holder.accountId, label: 'Mail', lookupKey: 'abcd', hash: 'x', createdAt: new Date() },
    });
    const onAccount = await createAccount(deps, accountInput({ appleId: 'two.step@example.com' }), BROWSER);
    if (!onAccount.ok) throw new Error('two-step account');
    twoStepAccountId = onAccount.accountId;
    await db.account.update({ where: { id: twoStepAccountId }, data: { twoStepEnabledAt: new Date() } });
    await db.supportPin.create({
      data: {
        accountId: twoStepAccountId,
        pinHash: supportPinHash(CODE_KEY, twoStepAccountId, '123456'),
        createdAt: new Date(),
        expiresAt: new Date(Date.now() + 30 * 60_000),
      },
    });
    const staff = await addStaffUser(deps, {
      email: 'sam.staff@example.com',
      displayName: 'Sam Staff',
      password: 'a long staff password 2026',
    });
    if (!staff.ok) throw new Error(staff.error);
    staffUserId = staff.staffUserId;

    // Fields that would change something if an action let them through: the holder's own Apple ID
    // and password (sign-in, reset, every change to the account), and a new Apple ID with a good new
    // password (a new account).
    const common = {
      name: 'Someone Else',
      birthDate: '1970-01-01',
      countryCode: 'US',
      rescueEmail: 'attacker@example.net',
      question1: SECURITY_QUESTIONS[3]!.id,
      question2: SECURITY_QUESTIONS[4]!.id,
      question3: SECURITY_QUESTIONS[5]!.id,
      answer1: 'Blue',
      answer2: 'Paris',
      answer3: 'Rex',
      currentPassword: GOOD_PASSWORD,
      trustedDeviceId: device.id,
      appPasswordId: appPassword.id,
      registeredDeviceId: 'attacker-phone',
      label: 'Attacker app',
      phoneNumber: '(555) 010-9999',
      deviceId: 'attacker-phone',
      code: '1234',
      recoveryKey: 'ABCD-EFGH-JKLM-NP',
      accept: 'on',
      pin: '000000',
    };
    forms = [
      {
        ...common,
        appleId: 'jane.holder@example.com',
        email: 'jane.holder@example.com',
        password: GOOD_PASSWORD,
        confirmPassword: GOOD_PASSWORD,
      },
      {
        ...common,
        appleId: 'new.person@example.com',
        email: 'sam.staff@example.com',
        password: 'an entirely new password 99',
        confirmPassword: 'an entirely new password 99',
      },
    ];

    // Every export of every module in app/actions, the second step's pair once per purpose too.
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
    ({ setStaffCookie } = await import('../../app/lib/staff-session.ts'));
  });
  afterAll(() => t?.drop());

  /**
   * A new staff session in the jar, and no customer cookie; optionally looking at an account; by
   * default one that proved the second factor.
   */
  async function asStaff(accountId: string | null = null, stage: StaffStage = 'console') {
    jar.clear();
    const token = await createStaffSession(db, staffUserId, new Date(), BROWSER, stage === 'console' ? 'totp' : null);
    if (accountId) await db.staffSession.update({ where: { id: tokenId(token) }, data: { accountId } });
    await setStaffCookie(token);
    expect([...jar.keys()]).toEqual(['two_step_staff']);
  }

  function formData(fields: Record<string, string>): FormData {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.set(k, v);
    return fd;
  }

  it("finds the actions and routes by reading the app, and no server action lives outside app/actions and the kinds' actions.ts", () => {
    const names = actions.map((a) => a.name);
    for (const known of [
      'createAccountAction',
      'signInAction',
      'changePasswordAction',
      'removeDeviceAction',
      'createAppPasswordAction',
      'turnOnAction',
      "proveAction('support-pin')",
      'findAccountAction',
      'enterSupportPinAction',
      "proveStaffFactorAction('totp')",
      "confirmStaffFactorAction('passkey')",
      'askAction',
      'proveAction',
      "askAction('sign-in')",
      "proveAction('sign-in')",
      // A kind's own, beside its forms (app/_kinds/<kind>/actions.ts).
      'addPhoneNumberAction',
      'registerDeviceAction',
      'addPushDeviceAction',
      'startAuthenticatorAppAction',
      'passkeyRegistrationOptionsAction',
      'addPasskeyAction',
    ]) {
      expect(names).toContain(known);
    }
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['GET /api/app/whoami', 'GET /reset/open']));
    // An inline 'use server' in a page would be an action this test does not see.
    const inline = filesUnder(APP, (f) => /\.(ts|tsx)$/.test(f) && !isActionModule(f)).filter((f) =>
      /^\s*['"]use server['"]/m.test(readFileSync(f, 'utf8')),
    );
    expect(inline.map((f) => relative(APP, f))).toEqual([]);
    // And every module taken for one holds only actions: it says 'use server' at its top.
    const modules = [...new Set(actions.map((a) => a.module))];
    expect(modules).toEqual(expect.arrayContaining(['actions/devices.ts', '_kinds/sms/actions.ts', '_kinds/passkey/actions.ts']));
    for (const m of modules) expect(readFileSync(join(APP, m), 'utf8'), m).toMatch(/^(\/\/[^\n]*\n)*['"]use server['"]/);
  });

  it(
    'every customer server action refuses and changes nothing, whether or not the staff session passed the second factor',
    async () => {
      const customer = actions.filter((a) => !STAFF_ACTION_MODULES.includes(a.module.replace('actions/', '')));
      expect(customer.length).toBeGreaterThan(20);
      const failures: string[] = [];
      for (const action of customer) {
        for (const [fields, stage] of [
          [forms[0]!, 'console'],
          [forms[1]!, 'console'],
          [forms[0]!, 'second-factor'],
        ] as const) {
          await asStaff(null, stage);
          const before = await snapshot(db);
          const outcome = await outcomeOf(() => action.fn({}, formData(fields)));
          const changed = differences(before, await snapshot(db));
          const cookies = [...jar.keys()];
          if (!outcome.refused || changed.length || cookies.join() !== 'two_step_staff') {
            failures.push(
              `${action.module} ${action.name} (${fields.appleId}, ${stage}): ${outcome.how}; ${changed.join(', ') || 'no table changed'}; cookies ${cookies.join()}`,
            );
          }
        }
      }
      expect(failures).toEqual([]);
    },
    LONG,
  );

  it('every route handler refuses and changes nothing', async () => {
    const failures: string[] = [];
    const basic = `Basic ${Buffer.from(`jane.holder@example.com:${GOOD_PASSWORD}`).toString('base64')}`;
    for (const route of routes) {
      await asStaff();
      const before = await snapshot(db);
      const req = new Request(`http://localhost:3000${route.path}?token=${'A'.repeat(43)}`, {
        method: route.method,
        headers: { authorization: basic, cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      const outcome = await outcomeOf(() => route.fn(req));
      const changed = differences(before, await snapshot(db));
      const cookies = [...jar.keys()];
      if (!outcome.refused || changed.length || cookies.join() !== 'two_step_staff') {
        failures.push(
          `${route.method} ${route.path}: ${outcome.how}; ${changed.join(', ') || 'no table changed'}; cookies ${cookies.join()}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it("the support console's own actions write only look events and the staff session's bookkeeping", async () => {
    const staffActions = actions.filter((a) => STAFF_ACTION_MODULES.includes(a.module.replace('actions/', '')));
    expect(staffActions.map((a) => a.name).sort()).toEqual(
      expect.arrayContaining(['enterSupportPinAction', 'findAccountAction', 'staffSignInAction', 'staffSignOutAction']),
    );
    const failures: string[] = [];
    // With no account found, and looking at the two-step account (a wrong PIN); with each form.
    for (const lookingAt of [null, twoStepAccountId]) {
      for (const action of staffActions) {
        for (const fields of forms) {
          await asStaff(lookingAt);
          const before = await snapshot(db);
          const outcome = await outcomeOf(() => action.fn({}, formData(fields)));
          const changed = differences(before, await snapshot(db), SUPPORT_BOOKKEEPING);
          if (changed.length) failures.push(`${action.name} (${fields.appleId}): ${outcome.how}; ${changed.join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // With a console session the second factor's actions have nothing to do: they send it to the console.
    for (const action of staffActions.filter((a) => a.module === 'actions/staff-second-factor.ts')) {
      await asStaff();
      expect(await outcomeOf(() => action.fn({}, formData(forms[0]!))), action.name).toEqual({ refused: true, how: 'redirect /support' });
    }
    // They did look, and the looks were recorded: the search and the wrong PIN.
    expect(await db.securityEvent.count({ where: { kind: 'support-looked-up' } })).toBeGreaterThan(0);
    expect(await db.securityEvent.count({ where: { kind: 'support-pin-failed', accountId: twoStepAccountId } })).toBeGreaterThan(0);
  });

  it('a staff session that passed only the password opens no support page and no console action, and changes nothing', async () => {
    const pages = await Promise.all(
      filesUnder(APP, (f) => f.startsWith('support/') && f.endsWith('page.tsx') && !f.startsWith('support/sign-in/')).map(async (f) => ({
        path: relative(APP, f),
        render: (await import(f)).default as (p: object) => Promise<unknown>,
      })),
    );
    expect(pages.map((p) => p.path)).toEqual(expect.arrayContaining(['support/page.tsx', 'support/account/page.tsx']));
    const consoleActions = actions.filter((a) => STAFF_ACTION_MODULES.includes(a.module.replace('actions/', '')) && !SECOND_FACTOR_STEP(a));
    expect(consoleActions.map((a) => a.name)).toEqual(expect.arrayContaining(['findAccountAction', 'enterSupportPinAction']));
    const failures: string[] = [];
    const calls = [
      ...pages.map((p) => ({ what: p.path, call: () => p.render({ searchParams: Promise.resolve({}), params: Promise.resolve({}) }) })),
      ...consoleActions.flatMap((a) =>
        forms.map((fields) => ({ what: `${a.name} (${fields.appleId})`, call: () => a.fn({}, formData(fields)) })),
      ),
    ];
    for (const lookingAt of [null, twoStepAccountId]) {
      for (const { what, call } of calls) {
        await asStaff(lookingAt, 'second-factor');
        const before = await snapshot(db);
        const outcome = await outcomeOf(call);
        const changed = differences(before, await snapshot(db), ONLY_LAST_SEEN);
        if (outcome.how !== SECOND_FACTOR_PAGE || changed.length)
          failures.push(`${what}: ${outcome.how}; ${changed.join(', ') || 'no table changed'}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("the second factor's actions, with a password-only session, write only that staff member's own sign-in rows", async () => {
    const stepActions = actions.filter((a) => a.module === 'actions/staff-second-factor.ts');
    // One set for every kind of factor, each also bound to each kind as its forms bind it (app-harness.ts).
    const stepNames = ['beginStaffFactorAction', 'confirmStaffFactorAction', 'challengeStaffFactorAction', 'proveStaffFactorAction'];
    expect(stepActions.map((a) => a.name).sort()).toEqual(
      [...stepNames, ...['totp', 'passkey'].flatMap((kind) => stepNames.map((name) => `${name}('${kind}')`))].sort(),
    );
    const failures: string[] = [];
    for (const action of stepActions) {
      for (const fields of [...forms, { code: '123456' }]) {
        await asStaff(twoStepAccountId, 'second-factor');
        const before = await snapshot(db);
        const outcome = await outcomeOf(() => action.fn({}, formData(fields)));
        const changed = differences(before, await snapshot(db), SECOND_FACTOR_BOOKKEEPING);
        if (changed.length) failures.push(`${action.name}: ${outcome.how}; ${changed.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
    // They did their step: a pending app was started, and the wrong code was counted for this staff member.
    expect(await db.staffFactor.count({ where: { staffUserId, kind: 'totp', verifiedAt: null } })).toBe(1);
    expect(await db.staffEvent.count({ where: { staffUserId, kind: 'staff-factor-failed' } })).toBeGreaterThan(0);
  });
});
