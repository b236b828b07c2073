// An account as it is once two-step verification is on: a trusted phone number, a Recovery Key,
// no security questions, and a signed-in session whose code was just entered. For the tests of
// living with two-step on (fresh codes, Replace Lost Key, turning off, reset, locked out).
import type { Db } from '../../src/db/client.ts';
import { fixedClock } from '../../src/clock.ts';
import { createSession, sessionIdOf } from '../../src/sessions/sessions.ts';
import { generateRecoveryKey, hashRecoveryKey } from '../../src/recovery-key/recovery-key.ts';
import { CODE_KEY, memoryPush, memorySms, newAccount, PHONE, resetTables, smsDevice, START } from '../codes/helpers.ts';
import { BROWSER } from '../support/accounts.ts';

export const APPLE_ID = 'jane.holder@example.com';

export async function twoStepAccount(db: Db, start = START) {
  await resetTables(db);
  await db.session.deleteMany();
  await db.passwordReset.deleteMany();
  const clock = fixedClock(start);
  const accountId = await newAccount(db, clock);
  const recoveryKey = generateRecoveryKey();
  await db.account.update({
    where: { id: accountId },
    data: { twoStepEnabledAt: clock.now(), recoveryKeyHash: await hashRecoveryKey(recoveryKey, 4), recoveryKeyCreatedAt: clock.now(), recoveryKeyConfirmedAt: clock.now() },
  });
  await db.securityQuestion.deleteMany({ where: { accountId } });
  const phoneId = await smsDevice(db, accountId, PHONE);
  await db.session.deleteMany({ where: { accountId } });
  const token = await createSession(db, accountId, clock.now(), BROWSER, { codeVerifiedAt: clock.now() });
  const sms = Object.assign(memorySms(), { lineType: async () => 'mobile' as const });
  const push = memoryPush();
  const deps = { db, clock, codeKey: CODE_KEY, codeDigits: 4, sms, push, bcryptCost: 4, appUrl: 'http://localhost:3000' };
  return { deps, clock, sms, push, accountId, recoveryKey, phoneId, token, actor: { accountId, sessionId: sessionIdOf(token) } };
}

export type TwoStepAccount = Awaited<ReturnType<typeof twoStepAccount>>;
