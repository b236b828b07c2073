// An account as it is once two-step verification is on: a trusted phone number, a Recovery Key,
// no security questions, and a signed-in session whose code was just entered. For the tests of
// living with two-step on (fresh codes, Replace Lost Key, turning off, reset, locked out). Codes go
// through the real `twilio` SDK and push sender to the stand-ins (tests/harness/standins.ts), and
// the tests read them back from `sms.sent` / `push.pushed`.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { SECURITY_QUESTIONS } from '../../src/accounts/security-questions.ts';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { fixedClock } from '../../src/clock.ts';
import { createSession, sessionIdOf } from '../../src/sessions/sessions.ts';
import { generateRecoveryKey, hashRecoveryKey } from '../../src/recovery-key/recovery-key.ts';
import { CODE_KEY, TOTP_KEY, lastSmsCode, newAccount, otherCode, PHONE, resetTables, smsDevice, START } from '../codes/helpers.ts';
import { startStandinSenders, type StandinSenders } from '../harness/standins.ts';
import { BROWSER, GOOD_PASSWORD } from '../harness/accounts.ts';
import type { RequestContext } from '../../src/security-events/record.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { completeSignIn, sendSignInCode } from '../../src/sign-in/code.ts';
import { WRONG_CODES_BEFORE_PAUSE } from '../../src/codes/limits.ts';
import { relyingParty } from '../../src/kinds/passkey/relying-party.ts';

export const APPLE_ID = 'jane.holder@example.com';
export const APP_URL = 'http://localhost:3000';

export async function twoStepAccount(db: Db, senders: StandinSenders, start = START) {
  await resetTables(db);
  await senders.reset();
  await db.session.deleteMany();
  await db.passwordReset.deleteMany();
  const clock = fixedClock(start);
  const accountId = await newAccount(db, clock);
  const recoveryKey = generateRecoveryKey();
  await db.account.update({
    where: { id: accountId },
    data: {
      twoStepEnabledAt: clock.now(),
      recoveryKeyHash: await hashRecoveryKey(recoveryKey, 4),
      recoveryKeyCreatedAt: clock.now(),
      recoveryKeyConfirmedAt: clock.now(),
    },
  });
  await db.securityQuestion.deleteMany({ where: { accountId } });
  const phoneId = await smsDevice(db, accountId, PHONE);
  await db.session.deleteMany({ where: { accountId } });
  const token = await createSession(db, accountId, clock.now(), BROWSER, { codeVerifiedAt: clock.now() });
  const { sms, push } = senders;
  const deps = {
    db,
    clock,
    codeKey: CODE_KEY,
    codeDigits: 4,
    sms,
    push,
    totpKey: TOTP_KEY,
    bcryptCost: 4,
    appUrl: APP_URL,
    webauthn: relyingParty(APP_URL),
  };
  return { deps, clock, sms, push, accountId, recoveryKey, phoneId, token, actor: { accountId, sessionId: sessionIdOf(token) } };
}

export type TwoStepAccount = Awaited<ReturnType<typeof twoStepAccount>>;

/**
 * For a describe block: one test database and one set of stand-ins (Twilio, push) for the block,
 * and before each test a fresh two-step account in it, with the stand-ins' inboxes emptied. Read
 * `s.t` and `s.a` inside the tests (they change per test).
 */
export function withTwoStepAccount(): { t: TestDb; a: TwoStepAccount } {
  const s = {} as { t: TestDb; a: TwoStepAccount };
  let senders: StandinSenders;
  beforeAll(async () => {
    s.t = await createTestDb();
    senders = await startStandinSenders();
  });
  afterAll(async () => {
    await senders?.stop();
    await s.t?.drop();
  });
  beforeEach(async () => {
    s.a = await twoStepAccount(s.t.db, senders);
  });
  return s;
}

/** Three questions other than accountInput()'s, as the turn-off form sends them. */
export const NEW_QUESTIONS = {
  question1: SECURITY_QUESTIONS[3].id,
  answer1: 'Lisbon',
  question2: SECURITY_QUESTIONS[4].id,
  answer2: 'Tabby',
  question3: SECURITY_QUESTIONS[5].id,
  answer3: 'Nineteen',
};

/**
 * A stranger with the password signs in from `from` and asks for codes to the trusted phone until
 * the number's limit, mistyping each, until the account pauses codes for unknown browsers (and
 * past it). Answers the stranger's pending sign-in.
 */
export async function strangerPausesCodes(a: TwoStepAccount, from: RequestContext): Promise<string> {
  const pending = await signIn(a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, from);
  if (!pending.ok) throw new Error(pending.error);
  for (let i = 0; i < WRONG_CODES_BEFORE_PAUSE + 2; i++) {
    a.clock.advance(31_000);
    const sent = await sendSignInCode(a.deps, pending.sessionToken, { trustedDeviceId: a.phoneId }, from);
    const code = sent.ok ? lastSmsCode(a.sms, PHONE) : '0000';
    for (let k = 0; k < 3; k++)
      await completeSignIn(a.deps, pending.sessionToken, { trustedDeviceId: a.phoneId, code: otherCode(code) }, from);
  }
  return pending.sessionToken;
}
