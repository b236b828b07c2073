// "Forgot password?" with two-step off, end to end below the web layer: a real database (SQLite or
// PostgreSQL), the outbox delivered over real SMTP to the SMTP stand-in, and the link read back out
// of the email as a person would.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { twoInstances } from '../harness/two-instances.ts';
import { freePort } from '../harness/net.ts';
import { accountInput, BROWSER, GOOD_PASSWORD, testDeps } from '../harness/accounts.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { checkAnswers, QUESTION_LOCK } from '../../src/accounts/question-check.ts';
import {
  completePasswordReset,
  MAX_WRONG_ANSWERS,
  openPasswordReset,
  REQUESTS_PER_APPLE_ID,
  REQUESTS_PER_CLIENT_ADDRESS,
  requestPasswordReset,
  RESET_REQUESTED,
} from '../../src/password-reset/by-link.ts';
import { PASSWORD_MESSAGES } from '../../src/accounts/password-policy.ts';
import { HOUR, MINUTE } from '../../src/clock.ts';
import { createSmtpMailer, type MailSender } from '../../src/mail/smtp.ts';
import { deliverDueEmails } from '../../src/mail/outbox-worker.ts';
import { startMailStandin, type MailStandin } from '../../dev/standins/mail.ts';

const APPLE_ID = 'jane.holder@example.com';
const RESCUE = 'jane.rescue@example.org';
const NEW_PASSWORD = 'amber lighthouse 77';
/** accountInput()'s answers, by question position. */
const ANSWERS: Record<number, string> = { 1: 'Blue', 2: 'Paris', 3: 'Rex' };
/** Envelope recipients, lower-cased (SMTP may change the case of the domain), sorted. */
const recipients = (mails: { to: string[] }[]) => mails.flatMap((m) => m.to.map((a) => a.toLowerCase())).sort();
const BOTH = [APPLE_ID, RESCUE].sort();

describe('resetting a forgotten password (two-step off)', () => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  let standin: MailStandin;
  let mailer: MailSender;
  let accountId: string;

  beforeAll(async () => {
    t = await createTestDb();
    standin = await startMailStandin({ port: await freePort() });
    mailer = createSmtpMailer(`smtp://127.0.0.1:${standin.port}`, 'Two-Step <no-reply@two-step.test>', 'https://two-step.test');
  });
  // Even calls on the test's client, odd ones on a second client of the same database (PostgreSQL).
  const instance = twoInstances(() => t);
  afterAll(async () => {
    await standin.stop();
    await t.drop();
  });
  beforeEach(async () => {
    await t.db.account.deleteMany();
    await t.db.throttle.deleteMany();
    await t.db.emailOutbox.deleteMany();
    standin.reset();
    deps = testDeps(t.db);
    const created = await createAccount(deps, accountInput(), BROWSER);
    if (!created.ok) throw new Error('account not created');
    accountId = created.accountId;
    await deliver();
    standin.reset(); // forget the welcome email
  });

  async function deliver() {
    await deliverDueEmails({ db: t.db, clock: deps.clock, mailer });
  }

  /** Asks for a link as the holder would and returns the token from the newest email to the Apple ID. */
  async function requestLink(ctx = BROWSER): Promise<string> {
    expect(await requestPasswordReset(deps, { appleId: 'Jane.Holder@Example.com' }, ctx)).toEqual({ ok: true, message: RESET_REQUESTED });
    await deliver();
    const mail = standin.messages().find((m) => recipients([m]).includes(APPLE_ID) && m.subject === 'Reset your password');
    const token = /\/reset\/open\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    if (!token) throw new Error('no reset link in the email');
    return token;
  }

  async function rightAnswers(token: string): Promise<{ answer1: string; answer2: string }> {
    const opened = await openPasswordReset(deps, token);
    if (!opened.ok) throw new Error(opened.error);
    return { answer1: ANSWERS[opened.questions[0].position], answer2: ANSWERS[opened.questions[1].position] };
  }

  async function wrongAnswers(token: string): Promise<{ answer1: string; answer2: string }> {
    const right = await rightAnswers(token);
    return { answer1: right.answer1, answer2: 'not it' };
  }

  const newPassword = { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
  const passwordHash = async () => (await t.db.account.findUniqueOrThrow({ where: { id: accountId } })).passwordHash;

  it('answers the same sentence for an existing and an unknown Apple ID, and emails only the existing one', async () => {
    const existing = await requestPasswordReset(deps, { appleId: APPLE_ID }, BROWSER);
    const unknown = await requestPasswordReset(deps, { appleId: 'nobody@example.com' }, BROWSER);
    expect(existing).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(unknown).toEqual(existing);
    expect(RESET_REQUESTED).toBe(
      'If an account exists for that Apple ID, we emailed the addresses on file. With two-step verification off, the email has a link to reset the password, which works for 1 hour. ' +
        'With two-step verification on, there is no link: the email says how to reset the password with your Recovery Key and a trusted device. ' +
        'We send at most 3 of these emails an hour: if you asked several times, use the newest one.',
    );
    await deliver();
    expect(recipients(standin.messages())).toEqual(BOTH);
    expect(await t.db.passwordReset.count()).toBe(1);
    expect(await t.db.securityEvent.count({ where: { kind: 'password-reset-requested' } })).toBe(1);
  });

  it('sends no link for an account with two-step on, and answers the same; the email says to use the Recovery Key', async () => {
    await t.db.account.update({ where: { id: accountId }, data: { twoStepEnabledAt: deps.clock.now() } });
    expect(await requestPasswordReset(deps, { appleId: APPLE_ID }, BROWSER)).toEqual({ ok: true, message: RESET_REQUESTED });
    await deliver();
    expect(recipients(standin.messages())).toEqual(BOTH);
    for (const m of standin.messages()) {
      expect(m.text).toContain('Recovery Key');
      expect(m.text).not.toContain('token=');
    }
    expect(await t.db.passwordReset.count()).toBe(0);
  });

  it('puts a message next to a malformed Apple ID', async () => {
    const result = await requestPasswordReset(deps, { appleId: 'jane' }, BROWSER);
    expect(result).toMatchObject({ ok: false, code: 'INVALID_FIELDS', fieldErrors: { appleId: expect.stringMatching(/valid email/) } });
  });

  it('emails the link to the Apple ID and the rescue email; the token in it opens the reset and is stored only hashed', async () => {
    const token = await requestLink();
    const mails = standin.messages();
    expect(recipients(mails)).toEqual(BOTH);
    for (const m of mails) {
      expect(m.subject).toBe('Reset your password');
      expect(m.text).toContain(`http://localhost:3000/reset/open?token=${token}`);
      expect(m.text).not.toContain(GOOD_PASSWORD);
    }
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes

    const opened = await openPasswordReset(deps, token);
    expect(opened).toEqual({
      ok: true,
      accountId,
      questions: [expect.objectContaining({ text: expect.any(String) }), expect.objectContaining({ text: expect.any(String) })],
    });
    if (!opened.ok) return;
    expect(new Set(opened.questions.map((q) => q.position)).size).toBe(2);
    expect(opened.questions.map((q) => q.text)).not.toContain('Security question');

    // Reloading asks the same two questions.
    expect(await openPasswordReset(deps, token)).toEqual(opened);

    const row = await t.db.passwordReset.findFirstOrThrow();
    expect(row.id).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(HOUR);
    expect(JSON.stringify(row)).not.toContain(token);
    const events = await t.db.securityEvent.findMany();
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it('refuses unknown and malformed tokens with the one message', async () => {
    await requestLink();
    for (const token of [undefined, null, '', 'abc', 'x'.repeat(43), '../../etc/passwd']) {
      expect(await openPasswordReset(deps, token)).toMatchObject({ ok: false, code: 'LINK_INVALID' });
    }
    expect(await openPasswordReset(deps, 'abc')).toEqual({
      ok: false,
      code: 'LINK_INVALID',
      error: 'This link has expired or was already used. Ask for a new one.',
    });
  });

  it('works for 1 hour and not after', async () => {
    const token = await requestLink();
    deps.clock.advance(HOUR - MINUTE);
    expect((await openPasswordReset(deps, token)).ok).toBe(true);
    const answers = await rightAnswers(token);
    deps.clock.advance(MINUTE);
    expect(await openPasswordReset(deps, token)).toMatchObject({ ok: false, code: 'LINK_INVALID' });
    const before = await passwordHash();
    expect(await completePasswordReset(deps, token, { ...answers, ...newPassword }, BROWSER)).toMatchObject({
      ok: false,
      code: 'LINK_INVALID',
    });
    expect(await passwordHash()).toBe(before);
  });

  it('works once', async () => {
    const token = await requestLink();
    const answers = await rightAnswers(token);
    expect(await completePasswordReset(deps, token, { ...answers, ...newPassword }, BROWSER)).toEqual({ ok: true, accountId });
    expect(await openPasswordReset(deps, token)).toMatchObject({ ok: false, code: 'LINK_INVALID' });
    const again = { ...answers, password: 'second attempt 123', confirmPassword: 'second attempt 123' };
    expect(await completePasswordReset(deps, token, again, BROWSER)).toMatchObject({ ok: false, code: 'LINK_INVALID' });
    expect((await signIn(deps, { appleId: APPLE_ID, password: NEW_PASSWORD }, BROWSER)).ok).toBe(true);
  });

  it('lets exactly one of two concurrent completions of the same link succeed', async () => {
    const token = await requestLink();
    const answers = await rightAnswers(token);
    const passwords = ['concurrent first 11', 'concurrent second 22'];
    const results = await Promise.all(
      passwords.map((p) => completePasswordReset(deps, token, { ...answers, password: p, confirmPassword: p }, BROWSER)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ ok: false, code: 'LINK_INVALID' })]);
    const winner = passwords[results.findIndex((r) => r.ok)];
    const loser = passwords[results.findIndex((r) => !r.ok)];
    expect((await signIn(deps, { appleId: APPLE_ID, password: loser }, BROWSER)).ok).toBe(false);
    expect((await signIn(deps, { appleId: APPLE_ID, password: winner }, BROWSER)).ok).toBe(true);
    expect(await t.db.securityEvent.count({ where: { kind: 'password-reset' } })).toBe(1);
    expect(await t.db.waitingPeriod.count()).toBe(1);
    expect(await t.db.emailOutbox.count({ where: { kind: 'password-reset' } })).toBe(2); // one reset, to two addresses
  });

  it('100 submissions of one link at once, from two instances: the right answers reset the password exactly once and never fail with an error; nothing in flight kills the link', async () => {
    const token = await requestLink();
    const answers = await rightAnswers(token);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        completePasswordReset(
          instance({ ...deps }, i),
          token,
          { ...answers, password: `parallel reset ${i} 42`, confirmPassword: `parallel reset ${i} 42` },
          BROWSER,
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The others: the link used by the winner, or the questions busy with the answers in flight; never a wrong answer or a dead link.
    for (const r of results) if (!r.ok) expect(['LINK_INVALID', 'QUESTIONS_LOCKED']).toContain(r.code);
    const winner = results.findIndex((r) => r.ok);
    expect((await signIn(deps, { appleId: APPLE_ID, password: `parallel reset ${winner} 42` }, BROWSER)).ok).toBe(true);
    expect(await t.db.securityEvent.count({ where: { kind: 'password-reset' } })).toBe(1);
  });

  it('100 wrong submissions of one link at once, from two instances: each refused with its message (no error), and the link dead after them', async () => {
    const token = await requestLink();
    const wrong = await wrongAnswers(token);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        completePasswordReset(
          instance({ ...deps }, i),
          token,
          { ...wrong, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
          BROWSER,
        ),
      ),
    );
    for (const r of results) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['WRONG_ANSWERS', 'QUESTIONS_LOCKED', 'LINK_DIED', 'LINK_INVALID']).toContain(r.code);
    }
    expect(await openPasswordReset(deps, token)).toMatchObject({ ok: false, code: 'LINK_INVALID' });
  });

  it('a newer link makes the older one stop working', async () => {
    const older = await requestLink();
    deps.clock.advance(MINUTE);
    const newer = await requestLink();
    expect(newer).not.toBe(older);
    expect(await openPasswordReset(deps, older)).toMatchObject({ ok: false, code: 'LINK_INVALID' });
    expect((await openPasswordReset(deps, newer)).ok).toBe(true);
    const answers = await rightAnswers(newer);
    expect(await completePasswordReset(deps, older, { ...answers, ...newPassword }, BROWSER)).toMatchObject({
      ok: false,
      code: 'LINK_INVALID',
    });
    expect(await completePasswordReset(deps, newer, { ...answers, ...newPassword }, BROWSER)).toEqual({ ok: true, accountId });
  });

  it(`${MAX_WRONG_ANSWERS} wrong answer pairs kill the link and lock the questions everywhere for 15 minutes`, async () => {
    const token = await requestLink();
    const wrong = await wrongAnswers(token);
    const before = await passwordHash();
    const first = await completePasswordReset(deps, token, { ...wrong, ...newPassword }, BROWSER);
    expect(first).toMatchObject({ ok: false, code: 'WRONG_ANSWERS' });
    expect((await openPasswordReset(deps, token)).ok).toBe(true); // one wrong pair: the link still works
    await completePasswordReset(deps, token, { ...wrong, ...newPassword }, BROWSER);
    const third = await completePasswordReset(deps, token, { ...wrong, ...newPassword }, BROWSER);
    expect(third).toEqual({
      ok: false,
      code: 'LINK_DIED',
      error: expect.stringMatching(/^Too many wrong answers\. For your security, try again in 15 minutes\. This link no longer works/),
    });

    expect(await openPasswordReset(deps, token)).toMatchObject({ ok: false, code: 'LINK_INVALID' });
    const right = { answer1: ANSWERS[1], answer2: ANSWERS[2] };
    expect(await completePasswordReset(deps, token, { ...right, ...newPassword }, BROWSER)).toMatchObject({
      ok: false,
      code: 'LINK_INVALID',
    });
    expect(await passwordHash()).toBe(before);
    expect(await t.db.securityEvent.count({ where: { kind: 'password-reset-failed' } })).toBe(MAX_WRONG_ANSWERS);
    expect((await t.db.passwordReset.findFirstOrThrow()).wrongAnswers).toBe(MAX_WRONG_ANSWERS);

    // The lock is the one the Password and Security page uses too.
    const pageCheck = await checkAnswers(t.db, accountId, [1, 2], [ANSWERS[1], ANSWERS[2]], deps.clock.now());
    expect(pageCheck).toMatchObject({ ok: false, locked: true });

    // A new link does not get around it: the right answers are refused until the lock ends.
    deps.clock.advance(MINUTE);
    const fresh = await requestLink();
    const freshAnswers = await rightAnswers(fresh);
    expect(await completePasswordReset(deps, fresh, { ...freshAnswers, ...newPassword }, BROWSER)).toMatchObject({
      ok: false,
      code: 'QUESTIONS_LOCKED',
      error: expect.stringContaining('14 minutes'),
    });
    deps.clock.advance(QUESTION_LOCK.lockMs);
    expect(await completePasswordReset(deps, fresh, { ...freshAnswers, ...newPassword }, BROWSER)).toEqual({ ok: true, accountId });
  });

  it('puts password policy and confirmation problems next to the fields and changes nothing', async () => {
    const token = await requestLink();
    const answers = await rightAnswers(token);
    const before = await passwordHash();
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ ...answers, password: 'password123', confirmPassword: 'password123' }, { password: PASSWORD_MESSAGES.common }],
      [{ ...answers, password: 'short', confirmPassword: 'short' }, { password: PASSWORD_MESSAGES.tooShort }],
      [{ ...answers, password: APPLE_ID.toUpperCase(), confirmPassword: APPLE_ID.toUpperCase() }, { password: PASSWORD_MESSAGES.appleId }],
      [{ ...answers, password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` }, { confirmPassword: "The passwords don't match." }],
      [{ answer1: ' ', answer2: answers.answer2, ...newPassword }, { answer1: 'Enter your answer to the first question.' }],
      [
        {},
        {
          answer1: 'Enter your answer to the first question.',
          answer2: 'Enter your answer to the second question.',
          password: PASSWORD_MESSAGES.empty,
        },
      ],
    ];
    for (const [input, fieldErrors] of cases) {
      const result = await completePasswordReset(deps, token, input, BROWSER);
      expect(result).toMatchObject({ ok: false, code: 'INVALID_FIELDS', fieldErrors: expect.objectContaining(fieldErrors) });
    }
    expect(await passwordHash()).toBe(before);
    const row = await t.db.passwordReset.findFirstOrThrow();
    expect(row).toMatchObject({ usedAt: null, wrongAnswers: 0 });
    expect(await t.db.securityEvent.count({ where: { kind: { in: ['password-reset', 'password-reset-failed'] } } })).toBe(0);
    expect((await openPasswordReset(deps, token)).ok).toBe(true);
  });

  it('on success: the new password works, the old one not, every session ended, a waiting period started, emails sent', async () => {
    expect((await signIn(deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, BROWSER)).ok).toBe(true);
    expect(await t.db.session.count({ where: { accountId } })).toBe(2); // account creation + sign-in
    const token = await requestLink();
    standin.reset();
    const answers = await rightAnswers(token);
    deps.clock.advance(5 * MINUTE);
    const at = deps.clock.now();

    expect(await completePasswordReset(deps, token, { ...answers, ...newPassword, birthDate: '1990-04-30' }, BROWSER)).toEqual({
      ok: true,
      accountId,
    });

    expect(await t.db.session.count({ where: { accountId } })).toBe(0);
    const account = await t.db.account.findUniqueOrThrow({ where: { id: accountId } });
    expect(account.passwordChangedAt).toEqual(at);
    expect(await signIn(deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, BROWSER)).toMatchObject({
      ok: false,
      code: 'WRONG_CREDENTIALS',
    });
    expect((await signIn(deps, { appleId: APPLE_ID, password: NEW_PASSWORD }, BROWSER)).ok).toBe(true);

    const period = await t.db.waitingPeriod.findFirstOrThrow({ where: { accountId } });
    expect(period).toMatchObject({ reason: 'password-reset', reasonAt: at, startedAt: at });
    expect(period.endsAt.getTime() - at.getTime()).toBe(3 * 24 * HOUR);
    const kinds = (await t.db.securityEvent.findMany({ where: { accountId } })).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['password-reset-requested', 'password-reset', 'waiting-period-started']));

    await deliver();
    const mails = standin.messages();
    const changed = mails.filter((m) => m.subject === 'Your password was reset');
    expect(recipients(changed)).toEqual(BOTH);
    const paused = mails.filter((m) => m.subject.startsWith('Two-step verification setup is paused until'));
    expect(recipients(paused)).toEqual(BOTH);
    for (const m of mails) expect(m.text).not.toContain(NEW_PASSWORD);
  });

  it(`sends at most ${REQUESTS_PER_APPLE_ID.maxFailures} links an hour per Apple ID, existing or not; past that the same answer, nothing sent, and the newest link still works`, async () => {
    for (const appleId of [APPLE_ID, 'ghost@example.com']) {
      for (let i = 0; i < REQUESTS_PER_APPLE_ID.maxFailures; i++) {
        const ctx = { ...BROWSER, clientAddress: `198.51.100.${i}` };
        expect(await requestPasswordReset(deps, { appleId }, ctx)).toEqual({ ok: true, message: RESET_REQUESTED });
      }
      const past = await requestPasswordReset(deps, { appleId: appleId.toUpperCase() }, { ...BROWSER, clientAddress: '198.51.100.99' });
      expect(past).toEqual({ ok: true, message: RESET_REQUESTED });
    }
    expect(await t.db.passwordReset.count()).toBe(REQUESTS_PER_APPLE_ID.maxFailures);
    const newest = await t.db.passwordReset.findFirstOrThrow({
      orderBy: { createdAt: 'desc' },
      where: { expiresAt: { gt: deps.clock.now() } },
    });
    deps.clock.advance(30 * MINUTE);
    expect(await requestPasswordReset(deps, { appleId: APPLE_ID }, BROWSER)).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(await t.db.passwordReset.count()).toBe(REQUESTS_PER_APPLE_ID.maxFailures);
    expect((await t.db.passwordReset.findUniqueOrThrow({ where: { id: newest.id } })).expiresAt > deps.clock.now()).toBe(true);
    deps.clock.advance(30 * MINUTE);
    expect(await requestPasswordReset(deps, { appleId: APPLE_ID }, BROWSER)).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(await t.db.passwordReset.count()).toBe(REQUESTS_PER_APPLE_ID.maxFailures + 1);
  });

  it(`slows requests from one client address after ${REQUESTS_PER_CLIENT_ADDRESS.maxFailures} an hour, across Apple IDs, and only that address`, async () => {
    const attacker = { ...BROWSER, clientAddress: '192.0.2.66' };
    for (let i = 0; i < REQUESTS_PER_CLIENT_ADDRESS.maxFailures + 1; i++) {
      expect(await requestPasswordReset(deps, { appleId: `person${i}@example.com` }, attacker)).toEqual({
        ok: true,
        message: RESET_REQUESTED,
      });
    }
    expect(await requestPasswordReset(deps, { appleId: APPLE_ID }, attacker)).toMatchObject({
      ok: false,
      code: 'TOO_MANY_RESET_REQUESTS',
      error: expect.stringContaining(`${REQUESTS_PER_CLIENT_ADDRESS.slowDown.firstDelayMs / 1000} seconds`),
    });
    expect(await t.db.passwordReset.count()).toBe(0);
    expect(await requestPasswordReset(deps, { appleId: APPLE_ID }, BROWSER)).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(await t.db.passwordReset.count()).toBe(1);
  });

  it('the Apple ID and birth date alone reset nothing (the 2013 hole stays closed)', async () => {
    const before = await passwordHash();
    const hole = { appleId: APPLE_ID, birthDate: '1990-04-30', password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    for (const token of [undefined, '', APPLE_ID, '1990-04-30']) {
      expect(await completePasswordReset(deps, token, hole, BROWSER)).toMatchObject({ ok: false, code: 'LINK_INVALID' });
    }
    // Asking with them only sends a link to the addresses on file.
    expect(await requestPasswordReset(deps, hole, BROWSER)).toEqual({ ok: true, message: RESET_REQUESTED });
    // Even with a live link, the birth date is no substitute for the answers.
    const token = await requestLink({ ...BROWSER, clientAddress: '198.51.100.1' });
    expect(await completePasswordReset(deps, token, hole, BROWSER)).toMatchObject({
      ok: false,
      code: 'INVALID_FIELDS',
      fieldErrors: { answer1: 'Enter your answer to the first question.' },
    });

    expect(await passwordHash()).toBe(before);
    expect(await t.db.passwordReset.count({ where: { usedAt: { not: null } } })).toBe(0);
    expect(await t.db.securityEvent.count({ where: { kind: 'password-reset' } })).toBe(0);
    expect((await signIn(deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, BROWSER)).ok).toBe(true);
  });
});
