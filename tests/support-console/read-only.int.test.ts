// Read-only, enforced on the server: EVERY server action (every export of app/actions/*.ts) and
// EVERY route handler (app/**/route.ts) is called with a support staff session (a real StaffSession
// row and its sealed two_step_staff cookie, and no customer cookie), with form fields that would
// change the account if anything let them through. Each customer action and route must refuse and
// leave every table of the database exactly as it was. The support console's own actions
// (app/actions/support.ts) may write only what a look writes: the look events the holder sees,
// and the staff session's bookkeeping (SUPPORT_BOOKKEEPING below, one rule per table).
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
import { addStaffUser, createStaffSession } from '../../src/support/staff.ts';
import { supportPinHash } from '../../src/support/pin.ts';
import { SUPPORT_LOOK_KINDS } from '../../src/support/looks.ts';
import { APP, CODE_KEY, appEnv, filesUnder, jar, outcomeOf } from './app-harness.ts';
import { tokenId } from '../../src/tokens.ts';

// next/headers serves the harness's cookie jar (see app-harness.ts); vi.mock must sit in the test file.
vi.mock('next/headers', async () => (await import('./app-harness.ts')).nextHeaders);
vi.mock('next/cache', async () => (await import('./app-harness.ts')).nextCache);

/** The staff console's own actions: read-only, not refused. Everything else in app/actions is the customers'. */
const STAFF_ACTION_MODULES = ['support.ts'];

// ---- The database, every table ----------------------------------------------------------------

type Snapshot = Record<string, Array<Record<string, unknown>>>;
const delegate = (model: string) => model[0]!.toLowerCase() + model.slice(1);

async function snapshot(db: Db): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const rows = (await (db as unknown as Record<string, { findMany(): Promise<Array<Record<string, unknown>>> }>)[delegate(model)]!.findMany()) ?? [];
    out[model] = rows.map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
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
const SUPPORT_BOOKKEEPING: Record<string, (before: Array<Record<string, unknown>>, after: Array<Record<string, unknown>>) => string | null> = {
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
  Throttle(before, after) {
    const others = (rows: Array<Record<string, unknown>>) => text(rows.filter((r) => !String(r.key).startsWith('staff-sign-in:')));
    return JSON.stringify(others(before)) === JSON.stringify(others(after)) ? null : 'a customer lockout counter changed';
  },
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
    const device = await db.trustedDevice.create({ data: { accountId: holder.accountId, kind: 'sms', phoneNumber: '+15550101234', createdAt: new Date(), verifiedAt: new Date() } });
    const appPassword = await db.appPassword.create({ data: { accountId: holder.accountId, label: 'Mail', lookupKey: 'abcd', hash: 'x', createdAt: new Date() } });
    const onAccount = await createAccount(deps, accountInput({ appleId: 'two.step@example.com' }), BROWSER);
    if (!onAccount.ok) throw new Error('two-step account');
    twoStepAccountId = onAccount.accountId;
    await db.account.update({ where: { id: twoStepAccountId }, data: { twoStepEnabledAt: new Date() } });
    await db.supportPin.create({
      data: { accountId: twoStepAccountId, pinHash: supportPinHash(CODE_KEY, twoStepAccountId, '123456'), createdAt: new Date(), expiresAt: new Date(Date.now() + 30 * 60_000) },
    });
    const staff = await addStaffUser(deps, { email: 'sam.staff@example.com', displayName: 'Sam Staff', password: 'a long staff password 2026' });
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
      { ...common, appleId: 'jane.holder@example.com', email: 'jane.holder@example.com', password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD },
      { ...common, appleId: 'new.person@example.com', email: 'sam.staff@example.com', password: 'an entirely new password 99', confirmPassword: 'an entirely new password 99' },
    ];

    // Every export of every module in app/actions: a 'use server' file exports only actions.
    for (const file of filesUnder(join(APP, 'actions'), (f) => f.endsWith('.ts'))) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod)) {
        if (typeof fn === 'function') actions.push({ module: relative(APP, file), name, fn: fn as (...args: unknown[]) => Promise<unknown> });
      }
    }
    for (const file of filesUnder(APP, (f) => /(^|\/)route\.ts$/.test(f))) {
      const mod = (await import(file)) as Record<string, unknown>;
      const path = `/${relative(APP, file).replace(/\/?route\.ts$/, '').replace(/\[[^\]]+\]/g, 'x')}`;
      for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        if (typeof mod[method] === 'function') routes.push({ module: relative(APP, file), path, method, fn: mod[method] as (req: Request) => Promise<Response> });
      }
    }
    ({ setStaffCookie } = await import('../../app/lib/staff-session.ts'));
  });
  afterAll(() => t?.drop());

  /** A new staff session in the jar, and no customer cookie; optionally looking at an account. */
  async function asStaff(accountId: string | null = null) {
    jar.clear();
    const token = await createStaffSession(db, staffUserId, new Date(), BROWSER);
    if (accountId) await db.staffSession.update({ where: { id: tokenId(token) }, data: { accountId } });
    await setStaffCookie(token);
    expect([...jar.keys()]).toEqual(['two_step_staff']);
  }

  function formData(fields: Record<string, string>): FormData {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.set(k, v);
    return fd;
  }

  it('finds the actions and routes by reading the app, and no server action lives outside app/actions', () => {
    const names = actions.map((a) => a.name);
    for (const known of ['createAccountAction', 'signInAction', 'changePasswordAction', 'removeDeviceAction', 'createAppPasswordAction', 'turnOnAction', 'createSupportPinAction', 'findAccountAction', 'enterSupportPinAction']) {
      expect(names).toContain(known);
    }
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['GET /api/app/whoami', 'GET /reset/open']));
    // An inline 'use server' in a page would be an action this test does not see.
    const inline = filesUnder(APP, (f) => /\.(ts|tsx)$/.test(f) && !f.startsWith('actions/')).filter((f) => /^\s*['"]use server['"]/m.test(readFileSync(f, 'utf8')));
    expect(inline.map((f) => relative(APP, f))).toEqual([]);
  });

  it('every customer server action refuses and changes nothing', async () => {
    const customer = actions.filter((a) => !STAFF_ACTION_MODULES.includes(a.module.replace('actions/', '')));
    expect(customer.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const action of customer) {
      for (const fields of forms) {
        await asStaff();
        const before = await snapshot(db);
        const outcome = await outcomeOf(() => action.fn({}, formData(fields)));
        const changed = differences(before, await snapshot(db));
        const cookies = [...jar.keys()];
        if (!outcome.refused || changed.length || cookies.join() !== 'two_step_staff') {
          failures.push(`${action.module} ${action.name} (${fields.appleId}): ${outcome.how}; ${changed.join(', ') || 'no table changed'}; cookies ${cookies.join()}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('every route handler refuses and changes nothing', async () => {
    const failures: string[] = [];
    const basic = `Basic ${Buffer.from(`jane.holder@example.com:${GOOD_PASSWORD}`).toString('base64')}`;
    for (const route of routes) {
      await asStaff();
      const before = await snapshot(db);
      const req = new Request(`http://localhost:3000${route.path}?token=${'A'.repeat(43)}`, { method: route.method, headers: { authorization: basic, cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
      const outcome = await outcomeOf(() => route.fn(req));
      const changed = differences(before, await snapshot(db));
      const cookies = [...jar.keys()];
      if (!outcome.refused || changed.length || cookies.join() !== 'two_step_staff') {
        failures.push(`${route.method} ${route.path}: ${outcome.how}; ${changed.join(', ') || 'no table changed'}; cookies ${cookies.join()}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("the support console's own actions write only look events and the staff session's bookkeeping", async () => {
    const staffActions = actions.filter((a) => STAFF_ACTION_MODULES.includes(a.module.replace('actions/', '')));
    expect(staffActions.map((a) => a.name).sort()).toEqual(expect.arrayContaining(['enterSupportPinAction', 'findAccountAction', 'staffSignInAction', 'staffSignOutAction']));
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
    // They did look, and the looks were recorded: the search and the wrong PIN.
    expect(await db.securityEvent.count({ where: { kind: 'support-looked-up' } })).toBeGreaterThan(0);
    expect(await db.securityEvent.count({ where: { kind: 'support-pin-failed', accountId: twoStepAccountId } })).toBeGreaterThan(0);
  });
});
