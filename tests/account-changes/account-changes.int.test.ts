// The four significant changes of Password and Security, against a real database: what is stored,
// what is refused, the waiting period each starts, and the notices queued for every address.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD, testDeps, freshAccount } from '../harness/accounts.ts';
import { changeBirthDate, changePassword, changeRescueEmail, changeSecurityQuestions } from '../../src/account-changes/account-changes.ts';
import type { Actor } from '../../src/sessions/actor.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { verifySecret } from '../../src/accounts/passwords.ts';
import { normaliseAnswer, SECURITY_QUESTIONS } from '../../src/accounts/security-questions.ts';
import { resolveSession } from '../../src/sessions/sessions.ts';
import { DAY, MINUTE } from '../../src/clock.ts';

const NEW_PASSWORD = 'lantern orchard 1987';

describe('Password and Security changes', () => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  let actor: Actor;
  let token: string;

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    const fresh = await freshAccount(t.db);
    ({ deps, token } = fresh);
    actor = { accountId: fresh.accountId, sessionId: fresh.sessionId };
  });

  const account = () => t.db.account.findUniqueOrThrow({ where: { id: actor.accountId } });
  const periods = () => t.db.waitingPeriod.findMany({ where: { accountId: actor.accountId } });
  const mailsTo = async () => (await t.db.emailOutbox.findMany()).map((m) => `${m.kind} ${m.toAddress.toLowerCase()}`).sort();

  it('a password change needs the current password, keeps this session, ends the others, and starts a waiting period', async () => {
    const other = await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, BROWSER);
    if (!other.ok) throw new Error('setup');
    deps.clock.advance(10 * MINUTE);
    const result = await changePassword(
      deps,
      actor,
      { currentPassword: GOOD_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      BROWSER,
    );
    expect(result.ok).toBe(true);
    const a = await account();
    expect(await verifySecret(NEW_PASSWORD, a.passwordHash)).toBe(true);
    expect(a.passwordChangedAt).toEqual(deps.clock.now());
    expect(await resolveSession(t.db, token, deps.clock.now())).not.toBeNull();
    expect(await resolveSession(t.db, other.sessionToken, deps.clock.now())).toBeNull();
    const [period] = await periods();
    expect(period).toMatchObject({ reason: 'password-changed', endsAt: new Date(deps.clock.now().getTime() + 3 * DAY) });
    expect(await mailsTo()).toEqual([
      'password-changed jane.holder@example.com',
      'password-changed jane.rescue@example.org',
      'waiting-period-started jane.holder@example.com',
      'waiting-period-started jane.rescue@example.org',
    ]);
    for (const m of await t.db.emailOutbox.findMany()) expect(m.textBody).not.toContain(NEW_PASSWORD);
  });

  it('a password change revokes every app-specific password', async () => {
    await t.db.appPassword.create({
      data: { accountId: actor.accountId, label: 'Mail', lookupKey: 'abcd', hash: 'x', createdAt: deps.clock.now() },
    });
    await changePassword(deps, actor, { currentPassword: GOOD_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, BROWSER);
    expect(await t.db.appPassword.count({ where: { accountId: actor.accountId, revokedAt: null } })).toBe(0);
  });

  it.each([
    [
      { currentPassword: 'not it at all', password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      'currentPassword',
      'WRONG_CURRENT_PASSWORD',
      "That isn't your current password.",
    ],
    [
      { currentPassword: GOOD_PASSWORD, password: 'password1', confirmPassword: 'password1' },
      'password',
      'INVALID_FIELDS',
      /commonly used/,
    ],
    [
      { currentPassword: GOOD_PASSWORD, password: NEW_PASSWORD, confirmPassword: 'other' },
      'confirmPassword',
      'INVALID_FIELDS',
      "The passwords don't match.",
    ],
    [
      { currentPassword: GOOD_PASSWORD, password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD },
      'password',
      'SAME_PASSWORD',
      /different from your current one/,
    ],
    [
      { currentPassword: '', password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      'currentPassword',
      'INVALID_FIELDS',
      'Enter your current password.',
    ],
  ])('a refused password change %# says why next to %s and changes nothing', async (input, field, code, message) => {
    const before = await account();
    const result = await changePassword(deps, actor, input, BROWSER);
    expect(result).toMatchObject({ ok: false, code });
    if (result.ok) return;
    expect(result.fieldErrors?.[field]).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    expect((await account()).passwordHash).toBe(before.passwordHash);
    expect(await periods()).toEqual([]);
    expect(await mailsTo()).toEqual([]);
  });

  it('wrong current passwords lock the password change, and only it (a stolen session cannot lock the holder out of signing in)', async () => {
    let last;
    for (let i = 0; i < 5; i++)
      last = await changePassword(
        deps,
        actor,
        { currentPassword: `guess ${i}`, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        BROWSER,
      );
    expect(last).toEqual({
      ok: false,
      code: 'CURRENT_PASSWORD_LOCKED',
      error: '',
      fieldErrors: { currentPassword: 'Too many wrong passwords. Try again in 15 minutes.' },
    });
    const right = await changePassword(
      deps,
      actor,
      { currentPassword: GOOD_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      BROWSER,
    );
    expect(right).toMatchObject({ ok: false, code: 'CURRENT_PASSWORD_LOCKED' });
    expect((await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, BROWSER)).ok).toBe(true);
  });

  it('new security questions replace the old ones', async () => {
    const q = SECURITY_QUESTIONS.slice(5, 8).map((x) => x.id);
    const result = await changeSecurityQuestions(
      deps,
      actor,
      { question1: q[0], answer1: 'Oak', question2: q[1], answer2: 'Elm', question3: q[2], answer3: 'Ash' },
      BROWSER,
    );
    expect(result.ok).toBe(true);
    const rows = await t.db.securityQuestion.findMany({ where: { accountId: actor.accountId }, orderBy: { position: 'asc' } });
    expect(rows.map((r) => r.questionId)).toEqual(q);
    expect(await verifySecret(normaliseAnswer(' OAK '), rows[0].answerHash)).toBe(true);
    expect((await periods())[0].reason).toBe('security-questions-changed');
  });

  it('security questions must be three different ones with three different answers', async () => {
    const q = SECURITY_QUESTIONS[0].id;
    const result = await changeSecurityQuestions(
      deps,
      actor,
      { question1: q, answer1: 'a1', question2: q, answer2: 'a1', question3: q, answer3: 'a1' },
      BROWSER,
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_FIELDS',
      fieldErrors: {
        question2: 'Question 2: choose a question different from question 1.',
        answer2: 'Question 2: give an answer different from the answer to question 1.',
      },
    });
    expect(await periods()).toEqual([]);
  });

  it('a new rescue email is stored and both the old and the new address are told', async () => {
    const result = await changeRescueEmail(deps, actor, { rescueEmail: 'jane.new@example.net' }, BROWSER);
    expect(result).toEqual({ ok: true, message: 'Your rescue email is now jane.new@example.net.' });
    expect((await account()).rescueEmail).toBe('jane.new@example.net');
    const notices = (await mailsTo()).filter((m) => m.startsWith('rescue-email-changed'));
    expect(notices).toEqual([
      'rescue-email-changed jane.holder@example.com',
      'rescue-email-changed jane.new@example.net',
      'rescue-email-changed jane.rescue@example.org',
    ]);
    expect((await periods())[0].reason).toBe('rescue-email-changed');
  });

  it('the rescue email can be removed, but not set to the Apple ID or to itself', async () => {
    expect(await changeRescueEmail(deps, actor, { rescueEmail: 'JANE.HOLDER@example.com' }, BROWSER)).toMatchObject({
      ok: false,
      code: 'INVALID_FIELDS',
      fieldErrors: { rescueEmail: 'Your rescue email must be different from your Apple ID.' },
    });
    expect(await changeRescueEmail(deps, actor, { rescueEmail: 'Jane.Rescue@example.org' }, BROWSER)).toMatchObject({
      ok: false,
      code: 'RESCUE_EMAIL_UNCHANGED',
    });
    expect(await periods()).toEqual([]);
    expect(await changeRescueEmail(deps, actor, { rescueEmail: '' }, BROWSER)).toEqual({
      ok: true,
      message: 'Your rescue email was removed.',
    });
    expect((await account()).rescueEmail).toBeNull();
  });

  it('a new birth date is a significant change; an impossible or unchanged one is refused', async () => {
    expect(await changeBirthDate(deps, actor, { birthDate: '1990-02-30' }, BROWSER)).toMatchObject({
      ok: false,
      code: 'INVALID_FIELDS',
      fieldErrors: { birthDate: 'Enter a real date, such as 4 30 1990 (month, day, year).' },
    });
    expect(await changeBirthDate(deps, actor, { birthDate: '1990-04-30' }, BROWSER)).toMatchObject({
      ok: false,
      code: 'BIRTH_DATE_UNCHANGED',
    });
    expect(await changeBirthDate(deps, actor, { birthDate: '2020-01-01' }, BROWSER)).toEqual({
      ok: false,
      code: 'TOO_YOUNG',
      error: '',
      fieldErrors: { birthDate: 'You must be at least 13 years old to have an Apple ID.' },
    });
    expect(await periods()).toEqual([]);
    expect((await changeBirthDate(deps, actor, { birthDate: '1991-05-01' }, BROWSER)).ok).toBe(true);
    expect((await account()).birthDate).toBe('1991-05-01');
    expect((await periods())[0].reason).toBe('birth-date-changed');
  });

  it('a second change inside the waiting period moves its end and sends no second waiting-period email', async () => {
    await changeBirthDate(deps, actor, { birthDate: '1991-05-01' }, BROWSER);
    deps.clock.advance(DAY);
    await changeRescueEmail(deps, actor, { rescueEmail: '' }, BROWSER);
    const all = await periods();
    expect(all).toHaveLength(1);
    expect(all[0].endsAt).toEqual(new Date(deps.clock.now().getTime() + 3 * DAY));
    expect((await mailsTo()).filter((m) => m.startsWith('waiting-period-started'))).toHaveLength(2); // one per address, once
  });
});
