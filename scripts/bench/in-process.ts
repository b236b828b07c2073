// Figures measured in the bench process, no HTTP:
//   - goal 2 (d): the domain functions of a sign-in with two-step on (password, send code, check
//     code; the real twilio SDK against the stand-in) at 2 in flight, against the bcrypt limit;
//   - bcrypt cost ratios, timing equality (no account enumeration by timing), session look-ups
//     and email outbox throughput (the figures `npm run bench` printed before its pages and
//     sign-in parts: docs/performance.md).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Db } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createDb } from '../../src/db/client.ts';
import { systemClock } from '../../src/clock.ts';
import { hashSecret } from '../../src/accounts/passwords.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { completeSignIn, sendSignInCode } from '../../src/sign-in/code.ts';
import { resolveSession } from '../../src/sessions/sessions.ts';
import { enqueueEmail } from '../../src/mail/outbox.ts';
import { deliverDueEmails } from '../../src/mail/outbox-worker.ts';
import { createSmtpMailer } from '../../src/mail/smtp.ts';
import { createTwilioSms } from '../../src/kinds/sms/twilio-sms.ts';
import { createHttpPushSender } from '../../src/kinds/push/push-sender.ts';
import { SECURITY_QUESTIONS } from '../../src/accounts/security-questions.ts';
import { generateRecoveryKey, hashRecoveryKey } from '../../src/recovery-key/recovery-key.ts';
import { startKeyReset } from '../../src/password-reset/by-recovery-key.ts';
import { startMailStandin } from '../../dev/standins/mail.ts';
import { STANDIN_TWILIO } from '../../dev/standins/local-env.ts';
import type { Standins } from '../../dev/standins/server.ts';
import { throwawayDatabase, onStop } from './harness.ts';
import { BENCH_PASSWORD } from './seed.ts';
import { AccountPool, bcryptLimit, codeFor, median } from './sign-in.ts';
import { addRow, ms, perS, section } from './table.ts';

/** Goal 2 (d): rounds of the domain sign-in interleaved with rounds of the bcrypt limit. */
export async function benchDomainSignIn(
  db: Db,
  standins: Standins,
  pool: AccountPool,
  opts: { seconds: number; rounds: number; engineLabel: string },
): Promise<void> {
  const deps = {
    db,
    clock: systemClock,
    bcryptCost: 12,
    appUrl: 'http://127.0.0.1',
    codeKey: randomBytes(32).toString('base64url'),
    codeDigits: 4,
    totpKey: randomBytes(32),
    sms: createTwilioSms({
      accountSid: STANDIN_TWILIO.accountSid,
      authToken: STANDIN_TWILIO.authToken,
      from: STANDIN_TWILIO.from,
      apiBaseUrl: standins.httpUrl,
      lookupsBaseUrl: standins.httpUrl,
    }),
    push: createHttpPushSender(standins.httpUrl),
  };
  const devices = new Map<string, string>();
  let address = 0;
  const once = async () => {
    const user = pool.take();
    const ctx = { clientAddress: `10.200.${(address >> 8) & 255}.${address++ & 255}`, userAgent: 'bench' };
    const pw = await signIn(deps, { appleId: user.appleId, password: BENCH_PASSWORD }, ctx);
    if (!pw.ok || !pw.needsCode) throw new Error(`domain sign-in: the password step failed (${pw.ok ? 'no code asked' : pw.error})`);
    let deviceId = devices.get(pw.accountId);
    if (!deviceId) {
      deviceId = (await db.trustedDevice.findFirstOrThrow({ where: { accountId: pw.accountId } })).id;
      devices.set(pw.accountId, deviceId);
    }
    const sentAt = Date.now();
    const sent = await sendSignInCode(deps, pw.sessionToken, { trustedDeviceId: deviceId }, ctx);
    if (!sent.ok) throw new Error(`domain sign-in: send code failed (${sent.error})`);
    const code = await codeFor(standins, user.phone, sentAt);
    const done = await completeSignIn(deps, pw.sessionToken, { trustedDeviceId: deviceId, code }, ctx);
    if (!done.ok) throw new Error(`domain sign-in: the code was refused (${done.error})`);
  };
  const limits: number[] = [];
  const rates: number[] = [];
  const seconds = opts.seconds * 2;
  await once(); // warm-up: compiled queries, connections
  for (let r = 0; r < opts.rounds; r++) {
    limits.push((await bcryptLimit(opts.seconds)).perSecond);
    let count = 0;
    const start = performance.now();
    const from = start + (seconds * 1000) / 4;
    const until = start + seconds * 1000;
    await Promise.all(
      [0, 1].map(async () => {
        while (performance.now() < until) {
          await once();
          const end = performance.now();
          if (end >= from && end <= until) count++;
        }
      }),
    );
    // As for HTTP (sign-in.ts runUsers): what ended in the last three quarters, both busy throughout.
    rates.push(count / ((until - from) / 1000));
  }
  const limit = median(limits);
  const rate = median(rates);
  addRow({
    what: `${opts.engineLabel} in process: domain sign-in (password, send, check), 2 in flight`,
    figure: perS(rate, 'sign-ins/s'),
    limit: perS(limit, 'compares/s'),
    ratio: rate / limit,
    goal: ['>=', 0.95],
  });
}

async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return times;
}

/** The bench's first figures (docs/performance.md), on their own throwaway SQLite database. */
export async function benchInProcess(): Promise<void> {
  section('in process (SQLite): bcrypt, timing equality, sessions, outbox');
  const url = await throwawayDatabase('sqlite');
  await migrate(url);
  const db = createDb(url);
  onStop(() => db.$disconnect());
  const COST = 12;
  const deps = { db, clock: systemClock, bcryptCost: COST, appUrl: 'http://localhost:3000' };
  const ctx = { clientAddress: null, userAgent: 'bench' }; // no address: the per-address lockout stays out of the way

  const perCost: Record<number, number> = {};
  for (const cost of [10, 11, 12]) perCost[cost] = median(await timeEach(5, () => hashSecret('correct horse battery staple', cost)));
  addRow({ what: 'bcrypt hash, cost 10 / 11 / 12 (median of 5)', figure: [10, 11, 12].map((c) => ms(perCost[c]!)).join(' / ') });
  addRow({
    what: 'bcrypt cost 12 ÷ cost 10 (4.00 expected: each step doubles the work)',
    figure: ms(perCost[12]!),
    limit: ms(perCost[10]!),
    ratio: perCost[12]! / perCost[10]!,
  });

  const created = await createAccount(
    deps,
    {
      appleId: 'bench@example.com',
      password: 'violet staircase 42',
      confirmPassword: 'violet staircase 42',
      name: 'Bench',
      birthDate: '1980-01-01',
      countryCode: 'US',
      question1: SECURITY_QUESTIONS[0].id,
      answer1: 'one',
      question2: SECURITY_QUESTIONS[1].id,
      answer2: 'two',
      question3: SECURITY_QUESTIONS[2].id,
      answer3: 'three',
    },
    ctx,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));

  // Failures are spread over distinct Apple IDs / cleared so that no lockout cuts the loop short.
  const wrong = median(
    await timeEach(9, async () => {
      await db.throttle.deleteMany();
      return signIn(deps, { appleId: 'bench@example.com', password: 'not the password' }, ctx);
    }),
  );
  const unknown = median(await timeEach(9, (i) => signIn(deps, { appleId: `nobody${i}@example.com`, password: 'not the password' }, ctx)));
  const right = median(await timeEach(9, () => signIn(deps, { appleId: 'bench@example.com', password: 'violet staircase 42' }, ctx)));
  addRow({
    what: 'sign-in: unknown Apple ID ÷ wrong password (no timing difference)',
    figure: ms(unknown),
    limit: ms(wrong),
    ratio: unknown / wrong,
    goal: ['±', 0.1],
  });
  addRow({ what: 'sign-in: right password, one at a time', figure: `${ms(right)} → ${perS(1000 / right, 'per s')}` });

  // Two-step on for the bench account, with a key; then a wrong key, an unknown Apple ID and an
  // account with two-step off must cost the same: the first step reveals nothing about the account.
  const benchKey = generateRecoveryKey();
  await db.account.update({
    where: { appleIdKey: 'bench@example.com' },
    data: { twoStepEnabledAt: new Date(), recoveryKeyHash: await hashRecoveryKey(benchKey, COST) },
  });
  const keyStep = (appleId: string, recoveryKey: string) => async () => {
    await db.throttle.deleteMany();
    return startKeyReset(deps, { appleId, recoveryKey }, ctx);
  };
  const wrongKey = median(await timeEach(9, keyStep('bench@example.com', generateRecoveryKey())));
  const unknownId = median(await timeEach(9, keyStep('nobody@example.com', benchKey)));
  const rightKey = median(await timeEach(9, keyStep('bench@example.com', benchKey)));
  addRow({
    what: 'Recovery Key reset: unknown Apple ID ÷ wrong key (no timing difference)',
    figure: ms(unknownId),
    limit: ms(wrongKey),
    ratio: unknownId / wrongKey,
    goal: ['±', 0.1],
  });
  addRow({ what: 'Recovery Key reset: right key', figure: ms(rightKey) });

  const token = created.sessionToken;
  const N_SESSIONS = 2000;
  const sessionStart = performance.now();
  for (let i = 0; i < N_SESSIONS; i++) await resolveSession(db, token, new Date());
  const sessionMs = performance.now() - sessionStart;
  addRow({ what: 'session look-ups (SQLite, one at a time)', figure: perS((N_SESSIONS / sessionMs) * 1000, 'per s') });

  const smtp = await startMailStandin({ port: 0 });
  onStop(() => smtp.stop());
  const N_MAILS = 200;
  await db.$transaction(async (tx) => {
    for (let i = 0; i < N_MAILS; i++)
      await enqueueEmail(tx, { kind: 'bench', to: `reader${i}@example.com`, subject: `Bench ${i}`, text: 'Hello' });
  });
  const mailer = createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'Bench <bench@example.com>', 'http://127.0.0.1');
  const mailStart = performance.now();
  let sent = 0;
  for (let i = 0; sent < N_MAILS && i < 100; i++)
    sent += (await deliverDueEmails({ db, clock: systemClock, mailer }, { batchSize: 50 })).sent;
  const mailMs = performance.now() - mailStart;
  addRow({
    what: 'email outbox over SMTP (one connection per email; the stand-in greets after ~100 ms)',
    figure: `${perS((sent / mailMs) * 1000, 'per s')}, ${smtp.messages().length} of ${N_MAILS} received`,
  });
}
