// Creating an account (docs/rules.md#account): the Create Account form answers "check your email"
// whatever the address; a new address gets a link (single use, stored as its SHA-256, 24 hours)
// that activates the Apple ID; an address already in use gets an email that someone tried, and
// nothing else changes; creation is limited per client address, emails per address. The emails go
// through the outbox, the real SMTP sender and the SMTP stand-in.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import bcrypt from 'bcrypt';
import { createHash } from 'node:crypto';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { freePort } from '../harness/net.ts';
import { accountInput, BROWSER, GOOD_PASSWORD, testDeps } from '../harness/accounts.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import {
  ACTIVATED_LINK_REMEMBERED_MS,
  ACTIVATION_LINK_TTL_MS,
  activateAccount,
  openActivation,
  signUp,
} from '../../src/accounts/sign-up.ts';
import { CREATIONS_PER_CLIENT_ADDRESS, EMAILS_PER_APPLE_ID } from '../../src/accounts/creation-limits.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { verifySecret } from '../../src/accounts/passwords.ts';
import { normaliseAnswer } from '../../src/accounts/security-questions.ts';
import { HOUR } from '../../src/clock.ts';
import { createSmtpMailer, type MailSender } from '../../src/mail/smtp.ts';
import { deliverDueEmails } from '../../src/mail/outbox-worker.ts';
import { startMailStandin, type MailStandin } from '../../dev/standins/mail.ts';

const APPLE_ID = 'jane.holder@example.com';
const LINK = /http:\/\/localhost:3000\/create\/activate\/open\?token=([A-Za-z0-9_-]{43})/;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('creating an account: the form, the email and the link', () => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  let standin: MailStandin;
  let mailer: MailSender;

  beforeAll(async () => {
    t = await createTestDb();
    standin = await startMailStandin({ port: await freePort() });
    mailer = createSmtpMailer(`smtp://127.0.0.1:${standin.port}`, 'Two-Step <no-reply@two-step.test>', 'https://two-step.test');
  });
  afterAll(async () => {
    await standin.stop();
    await t.drop();
  });
  beforeEach(async () => {
    await t.db.emailOutbox.deleteMany();
    await t.db.account.deleteMany();
    await t.db.pendingAccount.deleteMany();
    await t.db.throttle.deleteMany();
    standin.reset();
    deps = testDeps(t.db);
  });

  async function counts() {
    return {
      accounts: await t.db.account.count(),
      pending: await t.db.pendingAccount.count(),
      emails: await t.db.emailOutbox.count(),
      events: await t.db.securityEvent.count(),
      sessions: await t.db.session.count(),
    };
  }

  /** Delivers the outbox through SMTP and returns what the stand-in received for `address`, newest first. */
  async function mailsTo(address: string) {
    await deliverDueEmails({ db: t.db, clock: deps.clock, mailer });
    return standin.messages().filter((m) => m.to.some((a) => a.toLowerCase() === address.toLowerCase()));
  }

  /** The form sent for a new address; the token from the link in the email it got. */
  async function signUpAndReadLink(overrides: Parameters<typeof accountInput>[0] = {}, ctx = BROWSER): Promise<string> {
    const input = accountInput(overrides);
    expect(await signUp(deps, input, ctx)).toEqual({ ok: true, appleId: input.appleId });
    const [mail] = await mailsTo(input.appleId!);
    const token = LINK.exec(mail?.text ?? '')?.[1];
    if (!token) throw new Error(`no activation link in ${JSON.stringify(mail)}`);
    return token;
  }

  it('a new address gets "check your email" and a link by email; nothing exists but a waiting row holding hashes only', async () => {
    const token = await signUpAndReadLink();
    const [mail] = await mailsTo(APPLE_ID);
    expect(mail.subject).toBe('Activate your new Apple ID');
    expect(mail.text).not.toContain(GOOD_PASSWORD);
    expect(mail.text).not.toMatch(/blue|paris|rex/i);

    expect(await counts()).toEqual({ accounts: 0, pending: 1, emails: 1, events: 0, sessions: 0 });
    const row = await t.db.pendingAccount.findFirstOrThrow();
    expect(row.id).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(GOOD_PASSWORD);
    expect(await verifySecret(GOOD_PASSWORD, row.passwordHash)).toBe(true);
    expect(row.expiresAt).toEqual(new Date(deps.clock.now().getTime() + ACTIVATION_LINK_TTL_MS));
    expect(ACTIVATION_LINK_TTL_MS).toBe(24 * HOUR);
    expect(await openActivation(deps, token)).toEqual({ ok: true, appleId: 'Jane.Holder@Example.com', name: 'Jane Holder' });
  });

  it('the link activates the account once: hashed secrets, the account-created event and the welcome email, and no session', async () => {
    const token = await signUpAndReadLink();
    const activated = await activateAccount(deps, token, BROWSER);
    expect(activated).toEqual({ ok: true, accountId: expect.any(String), appleId: 'Jane.Holder@Example.com' });
    if (!activated.ok) return;

    const account = await t.db.account.findUniqueOrThrow({ where: { id: activated.accountId }, include: { securityQuestions: true } });
    expect(account).toMatchObject({
      appleId: 'Jane.Holder@Example.com',
      appleIdKey: APPLE_ID,
      name: 'Jane Holder',
      birthDate: '1990-04-30',
      countryCode: 'US',
      rescueEmail: 'jane.rescue@example.org',
    });
    expect(await verifySecret(GOOD_PASSWORD, account.passwordHash)).toBe(true);
    expect(account.securityQuestions).toHaveLength(3);
    const first = account.securityQuestions.find((q) => q.position === 1)!;
    expect(await verifySecret(normaliseAnswer('  BLUE '), first.answerHash)).toBe(true);

    const events = await t.db.securityEvent.findMany({ where: { accountId: account.id } });
    expect(events.map((e) => e.kind)).toEqual(['account-created']);
    expect(events[0].clientAddress).toBe(BROWSER.clientAddress);
    const [welcome] = await mailsTo(APPLE_ID);
    expect(welcome.subject).toBe('Welcome to your new Apple ID');
    expect(welcome.text).not.toContain(GOOD_PASSWORD);
    expect(await t.db.session.count()).toBe(0);
    // The link's row stays, to say the account is active, with nothing personal or secret left in it.
    const kept = await t.db.pendingAccount.findMany();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ passwordHash: '', name: '', birthDate: '', rescueEmail: null, questions: '[]' });

    // Single use: opened again, the link says the Apple ID is active (the page links to sign-in).
    expect(await activateAccount(deps, token, BROWSER)).toMatchObject({ ok: false, code: 'ALREADY_ACTIVE' });
    expect(await openActivation(deps, token)).toEqual({
      ok: false,
      code: 'ALREADY_ACTIVE',
      error: 'This Apple ID is already active. Sign in with it.',
    });
    // Still so a week later, long after a link would have expired; then forgotten.
    deps.clock.advance(7 * ACTIVATION_LINK_TTL_MS);
    expect(await openActivation(deps, token)).toMatchObject({ ok: false, code: 'ALREADY_ACTIVE' });
    deps.clock.advance(ACTIVATED_LINK_REMEMBERED_MS);
    expect(await openActivation(deps, token)).toMatchObject({ ok: false, code: 'ACTIVATION_LINK_INVALID' });
    expect(await t.db.account.count()).toBe(1);
  });

  it('an address already in use gets the same answer and an email without a link; nothing else changes', async () => {
    const existing = await createAccount(deps, accountInput(), BROWSER);
    if (!existing.ok) throw new Error('setup');
    await t.db.emailOutbox.deleteMany();
    const hashBefore = (await t.db.account.findUniqueOrThrow({ where: { id: existing.accountId } })).passwordHash;
    const before = await counts();

    const used = await signUp(
      deps,
      accountInput({ appleId: 'JANE.HOLDER@example.COM', password: 'another good passphrase', confirmPassword: 'another good passphrase' }),
      BROWSER,
    );
    const fresh = await signUp(deps, accountInput({ appleId: 'JANE.OTHER@example.COM' }), BROWSER);
    // The same answer, field for field (the address is the one typed).
    expect(used).toEqual({ ok: true, appleId: 'JANE.HOLDER@example.COM' });
    expect(fresh).toEqual({ ok: true, appleId: 'JANE.OTHER@example.COM' });

    const [mail] = await mailsTo(APPLE_ID);
    expect(mail.subject).toBe('Someone tried to create an Apple ID with your email address');
    expect(mail.text).toContain('No new Apple ID was created and nothing on your account changed.');
    expect(mail.text).not.toMatch(/token=|\/create\/activate/);
    expect(mail.text).not.toContain('another good passphrase');
    // Nothing else: no account, no waiting row, no event, no session for the used address.
    expect(await counts()).toEqual({ ...before, pending: before.pending + 1, emails: before.emails + 2 });
    expect(await t.db.pendingAccount.count({ where: { appleIdKey: APPLE_ID } })).toBe(0);
    expect((await t.db.account.findUniqueOrThrow({ where: { id: existing.accountId } })).passwordHash).toBe(hashBefore);
  });

  it('a used address costs as much as a new one: both hash the password and the three answers', async () => {
    // The work itself, not the time it took (which a busy machine changes): the bcrypt hashes each
    // path computes, at which cost, and that every one of them finished before the answer came.
    const slow = { ...deps, bcryptCost: 10 };
    const existing = await createAccount(deps, accountInput(), BROWSER);
    if (!existing.ok) throw new Error('setup');
    const work = async (appleId: string) => {
      const spy = vi.spyOn(bcrypt, 'hash'); // calls the real bcrypt.hash, noting each call and how it ended
      try {
        const r = await signUp(slow, accountInput({ appleId }), { ...BROWSER, clientAddress: null });
        expect(r.ok).toBe(true);
        // As they stood when signUp answered.
        return spy.mock.calls.map((args, i) => ({ cost: args[1], finished: spy.mock.settledResults[i]?.type === 'fulfilled' }));
      } finally {
        spy.mockRestore();
      }
    };
    const done = [
      { cost: 10, finished: true },
      { cost: 10, finished: true },
      { cost: 10, finished: true },
      { cost: 10, finished: true },
    ];
    expect(await work(APPLE_ID)).toEqual(done);
    expect(await work('new0@example.com')).toEqual(done);
  });

  it('until the link is opened, the Apple ID cannot sign in: the answer is the one for any unknown Apple ID', async () => {
    await signUpAndReadLink();
    const signInDeps = { db: t.db, clock: deps.clock, bcryptCost: 4 };
    const pending = await signIn(signInDeps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, BROWSER);
    const unknown = await signIn(signInDeps, { appleId: 'nobody@example.com', password: GOOD_PASSWORD }, BROWSER);
    expect(pending).toMatchObject({ ok: false, code: 'WRONG_CREDENTIALS' });
    expect(JSON.stringify(pending)).toBe(JSON.stringify(unknown));
    expect(await t.db.session.count()).toBe(0);
  });

  it('a link works for 24 hours', async () => {
    const token = await signUpAndReadLink();
    deps.clock.advance(ACTIVATION_LINK_TTL_MS);
    expect(await openActivation(deps, token)).toMatchObject({ ok: false, code: 'ACTIVATION_LINK_INVALID' });
    expect(await activateAccount(deps, token, BROWSER)).toMatchObject({ ok: false, code: 'ACTIVATION_LINK_INVALID' });
    expect(await t.db.account.count()).toBe(0);
    // The next form sent, for any address, clears the rows that ran out (they hold password hashes).
    await signUp(deps, accountInput({ appleId: 'someone.else@example.com' }), BROWSER);
    expect(await t.db.pendingAccount.count({ where: { appleIdKey: APPLE_ID } })).toBe(0);
  });

  it.each([undefined, '', 'short', 'x'.repeat(43), `${'A'.repeat(42)}=`, 42])(
    'a malformed or unknown token (%j) activates nothing',
    async (token) => {
      await signUpAndReadLink();
      expect(await activateAccount(deps, token, BROWSER)).toMatchObject({ ok: false, code: 'ACTIVATION_LINK_INVALID' });
      expect(await openActivation(deps, token as string | undefined)).toMatchObject({ ok: false, code: 'ACTIVATION_LINK_INVALID' });
      expect(await t.db.account.count()).toBe(0);
    },
  );

  it('each form sent makes its own link: the first one opened makes the account, with ITS password, and the others stop working', async () => {
    // A stranger types the holder's address first, with their own password...
    const strangers = await signUpAndReadLink(
      { password: 'stranger chose this 1', confirmPassword: 'stranger chose this 1' },
      { ...BROWSER, clientAddress: '198.51.100.66' },
    );
    // ...which neither holds the address nor blocks the holder, whose own link makes the account.
    const holders = await signUpAndReadLink();
    expect(await activateAccount(deps, holders, BROWSER)).toMatchObject({ ok: true });
    const account = await t.db.account.findUniqueOrThrow({ where: { appleIdKey: APPLE_ID } });
    expect(await verifySecret(GOOD_PASSWORD, account.passwordHash)).toBe(true);
    expect(await activateAccount(deps, strangers, BROWSER)).toMatchObject({ ok: false, code: 'ACTIVATION_LINK_INVALID' });
    // Only the used link's row is left, emptied of everything personal.
    expect(await t.db.pendingAccount.count({ where: { NOT: { passwordHash: '' } } })).toBe(0);
    expect(await t.db.pendingAccount.count()).toBe(1);
  });

  it('a link for an address that became an Apple ID meanwhile says so and makes nothing', async () => {
    const token = await signUpAndReadLink();
    await createAccount(deps, accountInput(), BROWSER);
    expect(await activateAccount(deps, token, BROWSER)).toMatchObject({ ok: false, code: 'ALREADY_ACTIVE' });
    expect(await t.db.account.count()).toBe(1);
  });

  it('the link pressed many times at once makes one account, and one press succeeds', async () => {
    const token = await signUpAndReadLink();
    const results = await Promise.all(Array.from({ length: 8 }, () => activateAccount(deps, token, BROWSER)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The other presses say the Apple ID is active: the link did its work.
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'ALREADY_ACTIVE')).toBe(true);
    expect(await t.db.account.count()).toBe(1);
    expect(await t.db.securityEvent.count({ where: { kind: 'account-created' } })).toBe(1);
    expect(await t.db.emailOutbox.count({ where: { kind: 'welcome' } })).toBe(1);
  });

  it('one client address may ask for 10 Apple IDs an hour, counted atomically: of 30 at once, exactly 10 go ahead', async () => {
    expect(CREATIONS_PER_CLIENT_ADDRESS).toEqual({ maxFailures: 10, windowMs: HOUR, lockMs: HOUR });
    deps.clock.set('2026-11-23T10:00:00Z'); // the start of an hour window
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signUp(deps, accountInput({ appleId: `many${i}@example.com` }), BROWSER)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(20);
    for (const r of refused)
      expect(r).toEqual({
        ok: false,
        code: 'TOO_MANY_SIGN_UPS',
        error: 'Too many Apple IDs were asked for from your network in the last hour. Try again in 1 hour.',
      });
    expect(await t.db.pendingAccount.count()).toBe(10);
    expect(await t.db.emailOutbox.count()).toBe(10);

    // Another address is not held back; this one is again in the next window.
    expect((await signUp(deps, accountInput({ appleId: 'elsewhere@example.com' }), { ...BROWSER, clientAddress: '198.51.100.7' })).ok).toBe(
      true,
    );
    deps.clock.advance(HOUR);
    expect((await signUp(deps, accountInput({ appleId: 'later@example.com' }), BROWSER)).ok).toBe(true);
    // One counter row per address: the next window's first request starts it afresh.
    expect(await t.db.throttle.findUniqueOrThrow({ where: { key: `create-account:address:${BROWSER.clientAddress}` } })).toMatchObject({
      failures: 1,
    });
  });

  it('the operator may set another limit per client address (ACCOUNTS_PER_ADDRESS_PER_HOUR)', async () => {
    const two = { ...deps, accountsPerAddressPerHour: 2 };
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => signUp(two, accountInput({ appleId: `few${i}@example.com` }), BROWSER)),
    );
    expect(results.map((r) => r.ok).sort()).toEqual([false, false, true, true]);
  });

  it('one address gets at most 3 emails an hour, whichever they are; the answer does not change', async () => {
    expect(EMAILS_PER_APPLE_ID).toEqual({ maxFailures: 3, windowMs: HOUR, lockMs: HOUR });
    for (let i = 0; i < 5; i++) {
      expect(await signUp(deps, accountInput(), { ...BROWSER, clientAddress: `198.51.100.${i + 1}` })).toEqual({
        ok: true,
        appleId: 'Jane.Holder@Example.com',
      });
    }
    expect(await mailsTo(APPLE_ID)).toHaveLength(3);
    expect(await t.db.pendingAccount.count()).toBe(3);
  });

  it.each([
    ['appleId', { appleId: 'not-an-email' }, /valid email/],
    ['password', { password: 'password1', confirmPassword: 'password1' }, /commonly used/],
    ['password', { password: 'short', confirmPassword: 'short' }, /at least 8/],
    ['password', { password: 'jane.holder@example.com', confirmPassword: 'jane.holder@example.com' }, /Apple ID/],
    ['confirmPassword', { confirmPassword: 'something else entirely' }, /don't match/],
    ['rescueEmail', { rescueEmail: 'JANE.holder@example.com' }, /different from your Apple ID/],
    ['rescueEmail', { rescueEmail: 'nope' }, /valid email/],
    ['birthDate', { birthDate: '1990-02-30' }, /real date/],
    ['birthDate', { birthDate: '2020-01-01' }, /^You must be at least 13 years old to have an Apple ID\.$/],
    ['countryCode', { countryCode: 'XX' }, /country/],
    ['name', { name: '   ' }, /name/],
    ['question3', { question3: 'no-such-question' }, /question/],
    ['answer2', { answer2: ' ' }, /at least 2/],
  ] as const)('puts a message next to %s for %j, stores nothing and counts nothing', async (field, overrides, message) => {
    const result = await signUp(deps, accountInput(overrides), BROWSER);
    expect(result).toMatchObject({
      ok: false,
      code: 'birthDate' in overrides && overrides.birthDate === '2020-01-01' ? 'TOO_YOUNG' : 'INVALID_FIELDS',
    });
    if (result.ok) return;
    expect(result.fieldErrors?.[field]).toMatch(message);
    expect(await counts()).toEqual({ accounts: 0, pending: 0, emails: 0, events: 0, sessions: 0 });
    expect(await t.db.throttle.count()).toBe(0);
  });

  it('asks for three different questions and three different answers', async () => {
    const same = accountInput();
    const result = await signUp(deps, { ...same, question3: same.question1, answer3: ' blue ' }, BROWSER);
    expect(result).toMatchObject({ ok: false, code: 'INVALID_FIELDS' });
    if (result.ok) return;
    expect(result.fieldErrors?.question3).toBe('Question 3: choose a question different from question 1.');
    expect(result.fieldErrors?.answer3).toBe('Question 3: give an answer different from the answer to question 1.');
  });

  it('lists the problems in the order the form shows its fields, each naming its question', async () => {
    const result = await signUp(
      deps,
      accountInput({ name: '', password: 'short', confirmPassword: 'other', birthDate: '', question2: '', answer1: '' }),
      BROWSER,
    );
    expect(result).toMatchObject({ ok: false, code: 'INVALID_FIELDS', error: '' });
    if (result.ok) return;
    expect(Object.entries(result.fieldErrors ?? {})).toEqual([
      ['name', 'Enter your name.'],
      ['birthDate', 'Enter your birth date.'],
      ['password', expect.stringMatching(/at least 8/)],
      ['confirmPassword', "The passwords don't match."],
      ['answer1', 'Question 1: enter an answer of at least 2 characters.'],
      ['question2', 'Question 2: choose a question.'],
    ]);
  });

  it('takes the birth date as three fields, month, day and year, and checks the date they make', async () => {
    const parts = (birthMonth: string, birthDay: string, birthYear: string) => {
      const { birthDate: _, ...rest } = accountInput();
      return { ...rest, birthMonth, birthDay, birthYear };
    };
    for (const [month, day, year, message] of [
      ['2', '30', '1990', /real date/],
      ['13', '1', '1990', /real date/],
      ['4', '30', '90', /real date/],
      ['4', '', '1990', /real date/],
      ['four', '30', '1990', /real date/],
      ['', '', '', /^Enter your birth date\.$/],
      ['1', '1', '2020', /at least 13/],
    ] as const) {
      const result = await signUp(deps, parts(month, day, year), BROWSER);
      expect(result.ok, `${month}/${day}/${year}`).toBe(false);
      if (!result.ok) expect(result.fieldErrors?.birthDate, `${month}/${day}/${year}`).toMatch(message);
    }
    expect(await counts()).toMatchObject({ accounts: 0, pending: 0 });
    expect(await signUp(deps, parts('4', '30', '1990'), BROWSER)).toMatchObject({ ok: true });
    expect(await t.db.pendingAccount.findMany({ select: { birthDate: true } })).toEqual([{ birthDate: '1990-04-30' }]);
  });

  it('shows every problem at once, not one field after another', async () => {
    const result = await signUp(
      deps,
      accountInput({ appleId: 'sam@', password: 'password1', confirmPassword: 'password2', birthDate: '', question1: '' }),
      BROWSER,
    );
    expect(result).toMatchObject({ ok: false, code: 'INVALID_FIELDS', error: '' });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['appleId', 'birthDate', 'confirmPassword', 'password', 'question1']);
  });

  it('accepts an account without a rescue email', async () => {
    const token = await signUpAndReadLink({ rescueEmail: '' });
    expect((await activateAccount(deps, token, BROWSER)).ok).toBe(true);
    expect((await t.db.account.findFirstOrThrow()).rescueEmail).toBeNull();
  });

  it('createAccount (the seed and tests only, never the form) makes an active account at once, signed in', async () => {
    const result = await createAccount(deps, accountInput(), BROWSER);
    expect(result).toEqual({ ok: true, accountId: expect.any(String), sessionToken: expect.any(String) });
    expect(await t.db.securityEvent.count({ where: { kind: 'account-created' } })).toBe(1);
    expect(await t.db.emailOutbox.count({ where: { kind: 'welcome' } })).toBe(1);
  });
});
