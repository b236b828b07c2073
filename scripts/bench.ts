// `npm run bench`: measures what a timed unit test must not. Prints figures and ratios:
//   - bcrypt cost: milliseconds per hash at costs 10 to 12 (12 is production's);
//   - sign-in: a wrong password and an unknown Apple ID take the same time (no account
//     enumeration by timing), and password sign-ins per second at cost 12;
//   - sessions: session look-ups per second (every request makes one);
//   - email: outbox deliveries per second over SMTP to the local stand-in.
// Runs on a throw-away SQLite file; takes about a minute on 2 cores.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrate } from '../src/db/migrate.ts';
import { createDb } from '../src/db/client.ts';
import { systemClock } from '../src/clock.ts';
import { hashSecret } from '../src/accounts/passwords.ts';
import { createAccount } from '../src/accounts/create-account.ts';
import { signIn } from '../src/sign-in/password.ts';
import { resolveSession } from '../src/sessions/sessions.ts';
import { enqueueEmail } from '../src/mail/outbox.ts';
import { deliverDueEmails } from '../src/mail/outbox-worker.ts';
import { createSmtpMailer } from '../src/mail/smtp.ts';
import { startMailStandin } from '../dev/standins/mail.ts';
import { SECURITY_QUESTIONS } from '../src/accounts/security-questions.ts';
import { generateRecoveryKey, hashRecoveryKey } from '../src/recovery-key/recovery-key.ts';
import { startKeyReset } from '../src/password-reset/by-recovery-key.ts';

async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return times;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number, digits = 1) => x.toFixed(digits);

const dir = mkdtempSync(join(tmpdir(), 'two-step-bench-'));
const url = `file:${join(dir, 'bench.db')}`;
await migrate(url);
const db = createDb(url);
const COST = 12;
const deps = { db, clock: systemClock, bcryptCost: COST, appUrl: 'http://localhost:3000' };
const ctx = { clientAddress: null, userAgent: 'bench' }; // no address: the per-address lockout stays out of the way

console.log('bcrypt (ms per hash, median of 5)');
const perCost: Record<number, number> = {};
for (const cost of [10, 11, 12]) {
  perCost[cost] = median(await timeEach(5, () => hashSecret('correct horse battery staple', cost)));
  console.log(`  cost ${cost}: ${fmt(perCost[cost])} ms`);
}
console.log(`  cost 12 / cost 10: ${fmt(perCost[12] / perCost[10], 2)} (4.00 expected: each step doubles the work)`);

const created = await createAccount(
  deps,
  {
    appleId: 'bench@example.com', password: 'violet staircase 42', confirmPassword: 'violet staircase 42', name: 'Bench',
    birthDate: '1980-01-01', countryCode: 'US',
    question1: SECURITY_QUESTIONS[0].id, answer1: 'one', question2: SECURITY_QUESTIONS[1].id, answer2: 'two', question3: SECURITY_QUESTIONS[2].id, answer3: 'three',
  },
  ctx,
);
if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));

console.log('\nsign-in at cost 12 (ms, median of 9)');
// Failures are spread over distinct Apple IDs / cleared so that no lockout cuts the loop short.
const wrong = median(await timeEach(9, async () => {
  await db.throttle.deleteMany();
  return signIn(deps, { appleId: 'bench@example.com', password: 'not the password' }, ctx);
}));
const unknown = median(await timeEach(9, (i) => signIn(deps, { appleId: `nobody${i}@example.com`, password: 'not the password' }, ctx)));
const right = median(await timeEach(9, () => signIn(deps, { appleId: 'bench@example.com', password: 'violet staircase 42' }, ctx)));
console.log(`  wrong password: ${fmt(wrong)} ms, unknown Apple ID: ${fmt(unknown)} ms, ratio ${fmt(unknown / wrong, 2)} (1.00 = no timing difference)`);
console.log(`  right password: ${fmt(right)} ms -> ${fmt(1000 / right)} sign-ins per second per core`);

console.log('\nreset with the Recovery Key at cost 12 (ms, median of 9)');
// Two-step on for the bench account, with a key; then a wrong key, an unknown Apple ID and an
// account with two-step off must cost the same: the first step reveals nothing about the account.
const benchKey = generateRecoveryKey();
await db.account.update({ where: { appleIdKey: 'bench@example.com' }, data: { twoStepEnabledAt: new Date(), recoveryKeyHash: await hashRecoveryKey(benchKey, COST) } });
const keyStep = (appleId: string, recoveryKey: string) => async () => {
  await db.throttle.deleteMany();
  return startKeyReset(deps, { appleId, recoveryKey }, ctx);
};
const wrongKey = median(await timeEach(9, keyStep('bench@example.com', generateRecoveryKey())));
const unknownId = median(await timeEach(9, keyStep('nobody@example.com', benchKey)));
const rightKey = median(await timeEach(9, keyStep('bench@example.com', benchKey)));
console.log(`  wrong key: ${fmt(wrongKey)} ms, unknown Apple ID: ${fmt(unknownId)} ms, ratio ${fmt(unknownId / wrongKey, 2)} (1.00 = no timing difference)`);
console.log(`  right key: ${fmt(rightKey)} ms`);

console.log('\nsessions');
const token = created.sessionToken;
const N_SESSIONS = 2000;
const sessionStart = performance.now();
for (let i = 0; i < N_SESSIONS; i++) await resolveSession(db, token, new Date());
const sessionMs = performance.now() - sessionStart;
console.log(`  ${N_SESSIONS} look-ups in ${fmt(sessionMs, 0)} ms -> ${fmt((N_SESSIONS / sessionMs) * 1000, 0)} per second (SQLite)`);

console.log('\nemail outbox over SMTP');
const smtp = await startMailStandin({ port: 0 });
const N_MAILS = 200;
await db.$transaction(async (tx) => {
  for (let i = 0; i < N_MAILS; i++) await enqueueEmail(tx, { kind: 'bench', to: `reader${i}@example.com`, subject: `Bench ${i}`, text: 'Hello' });
});
const mailer = createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'Bench <bench@example.com>');
const mailStart = performance.now();
let sent = 0;
while (sent < N_MAILS) sent += (await deliverDueEmails({ db, clock: systemClock, mailer }, { batchSize: 50 })).sent;
const mailMs = performance.now() - mailStart;
console.log(`  ${N_MAILS} emails delivered in ${fmt(mailMs, 0)} ms -> ${fmt((N_MAILS / mailMs) * 1000, 0)} per second; stand-in received ${smtp.messages().length}`);
console.log('  (one SMTP connection per email, by design; smtp-server waits about 100 ms before its greeting)');

await smtp.stop();
await db.$disconnect();
rmSync(dir, { recursive: true, force: true });
