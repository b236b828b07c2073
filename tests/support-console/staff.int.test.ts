// Staff users and their sessions: made only by the operator command (which needs no standard
// input), their own password rules, sign-in with the same lockouts as customers, and sessions with
// their own timeouts.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { fixedClock, MINUTE, HOUR } from '../../src/clock.ts';
import { START, type TestClock } from '../codes/helpers.ts';
import { DESK, STAFF_PASSWORD, firstSignInWithApp, passwordOnly, session, signInWithApp, staffDeps, staffMember } from './helpers.ts';
import { TOTP_STEP_SECONDS } from '../../src/kinds/authenticator-app/totp.ts';
import { ROOT } from './app-harness.ts';
import { verifySecret } from '../../src/accounts/passwords.ts';
import {
  addStaffUser,
  checkStaffPassword,
  consoleReady,
  endStaffSession,
  isLiveStaffSession,
  lookUpStaffSession,
  STAFF_ABSOLUTE_MS,
  STAFF_IDLE_MS,
  STAFF_SECOND_FACTOR_MS,
  staffSignIn,
} from '../../src/support/staff.ts';
import { nameFromEmail, parseStaffCommand, runStaffCommand } from '../../src/support/staff-admin.ts';
import { resetStaffFactors } from '../../src/support/staff-factors.ts';
import { NO_REQUEST } from '../../src/security-events/record.ts';
import { SUPPORT_ERRORS } from '../../src/support/errors.ts';
import { sentenceOf } from '../../src/result.ts';

function staffCommand(
  databaseUrl: string,
  args: string[],
  stdin?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/staff.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, BCRYPT_COST: '4' },
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    if (stdin !== undefined) child.stdin!.end(stdin);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('staff users and sessions', () => {
  let t: TestDb;
  let clock: TestClock;
  const deps = () => ({ db: t.db, clock, bcryptCost: 4 });

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    await t.db.staffUser.deleteMany();
    await t.db.throttle.deleteMany();
    clock = fixedClock(START);
  });

  it('staff passwords: at least 15 characters, not common, not the email', () => {
    expect(checkStaffPassword('violet stairs', 'sam@example.com')).toMatchObject({
      code: 'STAFF_PASSWORD_TOO_SHORT',
      error: 'A staff password needs at least 15 characters.',
    });
    expect(checkStaffPassword('sam.staff is on the desk', 'Sam.Staff@example.com')).toMatchObject({
      code: 'STAFF_PASSWORD_CONTAINS_EMAIL',
    });
    expect(checkStaffPassword(STAFF_PASSWORD, 'sam@example.com')).toBeNull();
  });

  it('resetting the factors of someone who is not a staff user is refused with NO_SUCH_STAFF_USER, as removing them is', async () => {
    expect(await resetStaffFactors(t.db, { email: 'Nobody@Example.com', emailKey: 'nobody@example.com' }, clock.now(), NO_REQUEST)).toEqual(
      {
        ok: false,
        code: 'NO_SUCH_STAFF_USER',
        error: 'no staff user Nobody@Example.com',
      },
    );
    expect(await t.db.staffEvent.count()).toBe(0);
    for (const verb of ['reset-factor', 'remove'] as const) {
      expect(await runStaffCommand(deps(), { command: verb, email: 'Nobody@Example.com' })).toEqual({
        stdout: [],
        stderr: [`staff: ${sentenceOf(SUPPORT_ERRORS, 'NO_SUCH_STAFF_USER', 'Nobody@Example.com')}`],
        exitCode: 1,
      });
    }
  });

  it('adds a staff user with a bcrypt hash, once per email (case-insensitive)', async () => {
    const added = await addStaffUser(deps(), { email: 'Sam.Staff@Example.com', displayName: '  Sam \n Staff ', password: STAFF_PASSWORD });
    expect(added.ok).toBe(true);
    const row = await t.db.staffUser.findFirstOrThrow();
    expect(row).toMatchObject({ emailKey: 'sam.staff@example.com', displayName: 'Sam Staff' });
    expect(row.passwordHash).not.toContain(STAFF_PASSWORD);
    expect(await verifySecret(STAFF_PASSWORD, row.passwordHash)).toBe(true);
    expect(await addStaffUser(deps(), { email: 'sam.staff@example.com', displayName: 'Sam', password: STAFF_PASSWORD })).toMatchObject({
      ok: false,
      code: 'STAFF_USER_EXISTS',
    });
    expect(await addStaffUser(deps(), { email: 'x@example.com', displayName: ' ', password: STAFF_PASSWORD })).toMatchObject({
      ok: false,
      code: 'INVALID_STAFF_USER',
    });
  });

  it('signs in with a new session each time, which opens nothing until the second factor; one answer for an unknown email and a wrong password', async () => {
    await staffMember(t.db, clock, 'sam.staff@example.com', 'Sam Staff');
    const a = await staffSignIn(deps(), { email: 'SAM.STAFF@example.com', password: STAFF_PASSWORD }, DESK);
    const b = await staffSignIn(deps(), { email: 'sam.staff@example.com', password: STAFF_PASSWORD }, DESK);
    if (!a.ok || !b.ok) throw new Error('sign-in');
    expect(a.token).not.toBe(b.token);
    // The first sign-in: no factor yet, so the next step is setting one up; the session is not the console's.
    expect(a.next).toBe('set-up');
    const first = (await session(t.db, clock, a.token))!;
    expect(first).toMatchObject({ staff: { displayName: 'Sam Staff' }, stage: 'second-factor' });
    expect(consoleReady(first)).toBe(false);
    expect(await staffSignIn(deps(), { email: 'sam.staff@example.com', password: 'not the password at all' }, DESK)).toMatchObject({
      ok: false,
      code: 'STAFF_WRONG_CREDENTIALS',
    });
    expect(await staffSignIn(deps(), { email: 'nobody@example.com', password: STAFF_PASSWORD }, DESK)).toMatchObject({
      ok: false,
      code: 'STAFF_WRONG_CREDENTIALS',
    });
    expect(await staffSignIn(deps(), { email: '', password: '' }, DESK)).toMatchObject({
      ok: false,
      code: 'INVALID_FIELDS',
      fieldErrors: { email: expect.any(String), password: expect.any(String) },
    });
  });

  it('locks an email after 5 wrong passwords for 15 minutes, even the right one', async () => {
    await staffMember(t.db, clock, 'sam.staff@example.com', 'Sam Staff');
    for (let i = 0; i < 5; i++) await staffSignIn(deps(), { email: 'sam.staff@example.com', password: `wrong password number ${i}` }, DESK);
    const locked = await staffSignIn(deps(), { email: 'sam.staff@example.com', password: STAFF_PASSWORD }, DESK);
    expect(locked).toEqual({
      ok: false,
      code: 'STAFF_LOCKED_OUT',
      error: 'Too many unsuccessful sign-in attempts. Try again in 15 minutes.',
    });
    // The customers' counters are apart.
    expect((await t.db.throttle.findMany()).every((r) => r.key.startsWith('staff-sign-in:'))).toBe(true);
    clock.advance(15 * MINUTE);
    expect((await staffSignIn(deps(), { email: 'sam.staff@example.com', password: STAFF_PASSWORD }, DESK)).ok).toBe(true);
  });

  it('a staff session ends after 15 minutes idle, 8 hours in all, or at sign-out; one with only the password after 10 minutes', async () => {
    await staffMember(t.db, clock, 'sam.staff@example.com', 'Sam Staff');
    const { secret } = await firstSignInWithApp(staffDeps(t.db, clock), 'sam.staff@example.com');
    // Each sign-in: the password and the app's code of a new time step.
    const signIn = async () => {
      clock.advance(TOTP_STEP_SECONDS * 1000);
      return signInWithApp(staffDeps(t.db, clock), 'sam.staff@example.com', secret);
    };
    const idle = await signIn();
    expect(consoleReady((await session(t.db, clock, idle))!)).toBe(true);
    clock.advance(STAFF_IDLE_MS);
    expect(await session(t.db, clock, idle)).not.toBeNull();
    clock.advance(STAFF_IDLE_MS + 1);
    expect(await isLiveStaffSession(t.db, idle, clock.now())).toBe(false);
    expect(await session(t.db, clock, idle)).toBeNull();

    const long = await signIn();
    for (let spent = 0; spent < STAFF_ABSOLUTE_MS; spent += 10 * MINUTE) {
      expect(await session(t.db, clock, long)).not.toBeNull();
      clock.advance(10 * MINUTE);
    }
    expect(STAFF_ABSOLUTE_MS).toBe(8 * HOUR);
    expect(await session(t.db, clock, long)).not.toBeNull(); // 8 hours exactly
    clock.advance(1);
    expect(await session(t.db, clock, long)).toBeNull();

    const out = await signIn();
    await endStaffSession(t.db, out);
    expect(await session(t.db, clock, out)).toBeNull();

    // Only the password: 10 minutes to give the second factor, however busy the session is.
    const { token: half } = await passwordOnly(staffDeps(t.db, clock), 'sam.staff@example.com');
    expect(STAFF_SECOND_FACTOR_MS).toBe(10 * MINUTE);
    for (let spent = 0; spent < STAFF_SECOND_FACTOR_MS; spent += 2 * MINUTE) {
      expect(await session(t.db, clock, half)).not.toBeNull();
      clock.advance(2 * MINUTE);
    }
    expect(await session(t.db, clock, half)).not.toBeNull(); // 10 minutes exactly
    clock.advance(1);
    expect(await isLiveStaffSession(t.db, half, clock.now())).toBe(false);
    expect(await session(t.db, clock, half)).toBeNull();
  });

  it('a session that ended by itself says why, once: idle after 15 minutes, or past its time limit', async () => {
    await staffMember(t.db, clock, 'sam.staff@example.com', 'Sam Staff');
    const { secret } = await firstSignInWithApp(staffDeps(t.db, clock), 'sam.staff@example.com');
    const signIn = async () => {
      clock.advance(TOTP_STEP_SECONDS * 1000);
      return signInWithApp(staffDeps(t.db, clock), 'sam.staff@example.com', secret);
    };
    const idle = await signIn();
    clock.advance(STAFF_IDLE_MS);
    expect(await lookUpStaffSession(t.db, idle, clock.now())).toMatchObject({ stage: 'console' });
    clock.advance(STAFF_IDLE_MS + 1);
    expect(await lookUpStaffSession(t.db, idle, clock.now())).toEqual({ ended: 'idle' });
    expect(await lookUpStaffSession(t.db, idle, clock.now())).toBeNull(); // the row is gone: said once

    const long = await signIn();
    for (let spent = 0; spent < STAFF_ABSOLUTE_MS; spent += 10 * MINUTE) {
      expect(await lookUpStaffSession(t.db, long, clock.now())).toMatchObject({ stage: 'console' });
      clock.advance(10 * MINUTE);
    }
    clock.advance(1);
    expect(await lookUpStaffSession(t.db, long, clock.now())).toEqual({ ended: 'time-limit' });
  });

  it('parses the operator command', () => {
    expect(parseStaffCommand(['add', 'sam@example.com', '--name', 'Sam Staff'])).toEqual({
      ok: true,
      command: { command: 'add', email: 'sam@example.com', name: 'Sam Staff', passwordStdin: false },
    });
    expect(parseStaffCommand(['add'])).toMatchObject({ ok: false, code: 'ADD_NEEDS_EMAIL' });
    expect(parseStaffCommand(['add', 'a@example.com', '--bogus'])).toMatchObject({ ok: false, code: 'BAD_ARGUMENTS' });
    expect(parseStaffCommand(['list', 'x'])).toMatchObject({ ok: false, code: 'LIST_TAKES_NO_ARGUMENTS' });
    expect(parseStaffCommand(['reset-factor', 'sam@example.com'])).toEqual({
      ok: true,
      command: { command: 'reset-factor', email: 'sam@example.com' },
    });
    expect(parseStaffCommand(['reset-factor'])).toMatchObject({ ok: false, code: 'RESET_FACTOR_NEEDS_EMAIL' });
    expect(parseStaffCommand(['reset-factor', 'a@example.com', '--name', 'x'])).toMatchObject({
      ok: false,
      code: 'RESET_FACTOR_NEEDS_EMAIL',
    });
    expect(parseStaffCommand(['frobnicate'])).toEqual({ ok: false, code: 'UNKNOWN_COMMAND', error: 'unknown command "frobnicate"' });
    expect(nameFromEmail('sam.o-staff@example.com')).toBe('Sam O Staff');
  });

  it('`npm run staff -- add` needs no standard input: it prints a strong password once, which signs in', async () => {
    const r = await staffCommand(t.url, ['add', 'Robin.Desk@example.com', '--name', 'Robin Desk']);
    expect(r.code, r.stderr).toBe(0);
    const password = /^password: (\S+)$/m.exec(r.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await t.db.staffUser.findUniqueOrThrow({ where: { emailKey: 'robin.desk@example.com' } })).toMatchObject({
      displayName: 'Robin Desk',
    });
    expect((await staffSignIn(deps(), { email: 'robin.desk@example.com', password }, DESK)).ok).toBe(true);

    const piped = await staffCommand(t.url, ['add', 'kim@example.com', '--password-stdin'], `${STAFF_PASSWORD}\n`);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).not.toContain('password:');
    expect((await staffSignIn(deps(), { email: 'kim@example.com', password: STAFF_PASSWORD }, DESK)).ok).toBe(true);

    const weak = await staffCommand(t.url, ['add', 'lee@example.com', '--password-stdin'], 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain(sentenceOf(SUPPORT_ERRORS, 'STAFF_PASSWORD_TOO_SHORT', 15));
    const again = await staffCommand(t.url, ['add', 'ROBIN.DESK@example.com']);
    expect(again.code).toBe(1);
    const bad = await staffCommand(t.url, ['frobnicate']);
    expect(bad.code).toBe(2);
  }, 90_000);

  it('`npm run staff`: add says the first sign-in sets up a second factor; list shows who has one; reset-factor removes it and ends their sessions', async () => {
    const added = await staffCommand(t.url, ['add', 'sam.staff@example.com', '--password-stdin'], `${STAFF_PASSWORD}\n`);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(
      'Their first sign-in at /support asks them to set up a second factor: an authenticator app, or a passkey or security key.',
    );
    await staffMember(t.db, clock, 'kim@example.com', 'Kim');
    const list = async () => (await staffCommand(t.url, ['list'])).stdout.trim().split('\n');
    expect(await list()).toEqual([
      expect.stringMatching(/^kim@example\.com\tKim\t\d{4}-\d\d-\d\d\tno second factor \(set up at the next sign-in\)$/),
      expect.stringMatching(/^sam\.staff@example\.com\tSam Staff\t\d{4}-\d\d-\d\d\tno second factor/),
      '2 staff users',
    ]);

    // Sam sets up an app at the first sign-in and is in the console; a second browser waits at the factor.
    const { token } = await firstSignInWithApp(staffDeps(t.db, clock), 'sam.staff@example.com');
    const { token: waiting } = await passwordOnly(staffDeps(t.db, clock), 'sam.staff@example.com');
    expect((await list())[1]).toMatch(/\tauthenticator app$/);

    const reset = await staffCommand(t.url, ['reset-factor', 'Sam.Staff@example.com']);
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toContain('removed 1 second factor of Sam.Staff@example.com and ended their sessions');
    expect(reset.stdout).toContain('Their next sign-in at /support asks them to set up a second factor');
    expect(await session(t.db, clock, token)).toBeNull();
    expect(await session(t.db, clock, waiting)).toBeNull();
    expect(await t.db.staffFactor.count()).toBe(0);
    expect((await list())[1]).toMatch(/\tno second factor/);
    const sam = await t.db.staffUser.findUniqueOrThrow({ where: { emailKey: 'sam.staff@example.com' } });
    expect(
      (await t.db.staffEvent.findMany({ where: { staffUserId: sam.id }, orderBy: { createdAt: 'asc' } })).map((e) => e.kind),
    ).toContain('staff-factors-reset');
    // The next sign-in sets up a factor again.
    expect((await passwordOnly(staffDeps(t.db, clock), 'sam.staff@example.com')).next).toBe('set-up');

    const nobody = await staffCommand(t.url, ['reset-factor', 'nobody@example.com']);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('no staff user nobody@example.com');
  }, 90_000);
});
