// Building blocks for tests that need accounts.
import { createAccount, type CreateAccountInput, type AccountDeps } from '../../src/accounts/create-account.ts';
import { sessionIdOf } from '../../src/sessions/sessions.ts';
import { SECURITY_QUESTIONS } from '../../src/accounts/security-questions.ts';
import type { Db } from '../../src/db/client.ts';
import { fixedClock } from '../../src/clock.ts';
import type { RequestContext } from '../../src/security-events/record.ts';

export const BROWSER: RequestContext = { clientAddress: '203.0.113.7', userAgent: 'Mozilla/5.0 (test) Chrome/156' };
export const GOOD_PASSWORD = 'violet staircase 42';

export function accountInput(overrides: Partial<CreateAccountInput> = {}): CreateAccountInput {
  return {
    appleId: 'Jane.Holder@Example.com',
    password: GOOD_PASSWORD,
    confirmPassword: overrides.password ?? GOOD_PASSWORD,
    name: 'Jane Holder',
    birthDate: '1990-04-30',
    countryCode: 'US',
    rescueEmail: 'jane.rescue@example.org',
    question1: SECURITY_QUESTIONS[0].id,
    answer1: 'Blue',
    question2: SECURITY_QUESTIONS[1].id,
    answer2: 'Paris',
    question3: SECURITY_QUESTIONS[2].id,
    answer3: 'Rex',
    ...overrides,
  };
}

export function testDeps(db: Db, start = '2026-11-23T10:00:00Z'): AccountDeps & { clock: ReturnType<typeof fixedClock> } {
  return { db, clock: fixedClock(start), bcryptCost: 4, appUrl: 'http://localhost:3000' };
}

/**
 * A clean slate with one new account (accountInput()), signed in: for tests that start from an
 * existing holder. Earlier accounts, lockout counters and queued emails (the welcome email
 * included) are cleared.
 */
export async function freshAccount(db: Db, start?: string) {
  await db.account.deleteMany();
  await db.throttle.deleteMany();
  const deps = testDeps(db, start);
  const created = await createAccount(deps, accountInput(), BROWSER);
  if (!created.ok) throw new Error(`test account: ${JSON.stringify(created.fieldErrors)}`);
  await db.emailOutbox.deleteMany();
  const token = created.sessionToken;
  return { deps, accountId: created.accountId, token, sessionId: sessionIdOf(token) };
}

/**
 * Marks two-step as on for the account, as if its sessions had just entered a code from a trusted
 * device (sensitive changes need one within 10 minutes: src/step-up/fresh-code.ts).
 */
export async function markTwoStepOn(db: Db, accountId: string, at: Date): Promise<void> {
  await db.account.update({ where: { id: accountId }, data: { twoStepEnabledAt: at } });
  await db.session.updateMany({ where: { accountId }, data: { codeVerifiedAt: at } });
}
