// "N questions are set" on the Password and Security page comes from securityQuestionCount: the
// account's own questions only, three from sign-up, none once turning two-step on deleted them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { accountInput, BROWSER, freshAccount, testDeps } from '../harness/accounts.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { securityQuestionCount } from '../../src/accounts/question-check.ts';

describe('how many security questions an account has set', () => {
  let t: TestDb;
  let accountId: string;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    ({ accountId } = await freshAccount(t.db));
  });

  it("three from sign-up, not counting another account's", async () => {
    const other = await createAccount(
      testDeps(t.db),
      accountInput({ appleId: 'someone.else@example.com', rescueEmail: undefined }),
      BROWSER,
    );
    if (!other.ok) throw new Error('setup');
    expect(await securityQuestionCount(t.db, accountId)).toBe(3);
    expect(await securityQuestionCount(t.db, other.accountId)).toBe(3);
  });

  it('none once they are deleted (as turning two-step on does)', async () => {
    await t.db.securityQuestion.deleteMany({ where: { accountId } });
    expect(await securityQuestionCount(t.db, accountId)).toBe(0);
  });
});
