import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.ts';
import { accountInput, BROWSER, GOOD_PASSWORD, testDeps } from '../support/accounts.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { verifySecret } from '../../src/accounts/passwords.ts';
import { normaliseAnswer } from '../../src/accounts/security-questions.ts';

describe('creating an account', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    await t.db.emailOutbox.deleteMany();
    await t.db.account.deleteMany();
  });

  async function counts() {
    return { accounts: await t.db.account.count(), emails: await t.db.emailOutbox.count(), events: await t.db.securityEvent.count() };
  }

  it('stores the account with hashed secrets, a security event, a session and the welcome email', async () => {
    const deps = testDeps(t.db);
    const result = await createAccount(deps, accountInput(), BROWSER);
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const account = await t.db.account.findUniqueOrThrow({ where: { id: result.accountId }, include: { securityQuestions: true } });
    expect(account.appleId).toBe('Jane.Holder@Example.com');
    expect(account.appleIdKey).toBe('jane.holder@example.com');
    expect(account.passwordHash).not.toContain(GOOD_PASSWORD);
    expect(await verifySecret(GOOD_PASSWORD, account.passwordHash)).toBe(true);
    expect(account.securityQuestions).toHaveLength(3);
    const first = account.securityQuestions.find((q) => q.position === 1)!;
    expect(first.answerHash).not.toContain('Blue');
    expect(await verifySecret(normaliseAnswer('  BLUE '), first.answerHash)).toBe(true);

    const events = await t.db.securityEvent.findMany({ where: { accountId: account.id } });
    expect(events.map((e) => e.kind)).toEqual(['account-created']);
    expect(events[0].clientAddress).toBe(BROWSER.clientAddress);

    const emails = await t.db.emailOutbox.findMany();
    expect(emails).toHaveLength(1);
    expect(emails[0].toAddress).toBe('Jane.Holder@Example.com');
    expect(emails[0].kind).toBe('welcome');
    expect(emails[0].textBody).not.toContain(GOOD_PASSWORD);

    expect(await t.db.session.count({ where: { accountId: account.id } })).toBe(1);
  });

  it('refuses an Apple ID that exists in another case, and changes nothing', async () => {
    const deps = testDeps(t.db);
    await createAccount(deps, accountInput(), BROWSER);
    const before = await counts();
    const again = await createAccount(deps, accountInput({ appleId: 'JANE.HOLDER@example.COM' }), BROWSER);
    expect(again).toEqual({ ok: false, fieldErrors: { appleId: expect.stringMatching(/already used/) } });
    expect(await counts()).toEqual(before);
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
    ['birthDate', { birthDate: '2020-01-01' }, /at least 13/],
    ['countryCode', { countryCode: 'XX' }, /country/],
    ['name', { name: '   ' }, /name/],
    ['question3', { question3: 'no-such-question' }, /question/],
    ['answer2', { answer2: ' ' }, /at least 2/],
  ] as const)('puts a message next to %s for %j and stores nothing', async (field, overrides, message) => {
    const result = await createAccount(testDeps(t.db), accountInput(overrides), BROWSER);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors[field]).toMatch(message);
    expect(await counts()).toEqual({ accounts: 0, emails: 0, events: 0 });
  });

  it('asks for three different questions and three different answers', async () => {
    const same = accountInput();
    const result = await createAccount(testDeps(t.db), { ...same, question3: same.question1, answer3: ' blue ' }, BROWSER);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.question3).toMatch(/three different questions/);
    expect(result.fieldErrors.answer3).toMatch(/different answer/);
  });

  it('shows every problem at once, not one field after another', async () => {
    const result = await createAccount(
      testDeps(t.db),
      accountInput({ appleId: 'sam@', password: 'password1', confirmPassword: 'password2', birthDate: '', question1: '' }),
      BROWSER,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(['appleId', 'birthDate', 'confirmPassword', 'password', 'question1']);
  });

  it('accepts an account without a rescue email', async () => {
    const result = await createAccount(testDeps(t.db), accountInput({ rescueEmail: '' }), BROWSER);
    expect(result.ok).toBe(true);
    expect((await t.db.account.findFirstOrThrow()).rescueEmail).toBeNull();
  });
});
