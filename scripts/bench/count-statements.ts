// `tsx scripts/bench/count-statements.ts [sqlite|postgresql]`: the SQL statements of one domain
// sign-in (password, device list, send code, check code), counted with Prisma's query event, per
// step, with each statement's text. docs/performance.md: each model query costs about 0.7 ms of CPU
// to compile, a raw one about 0.14 ms; this shows what the sign-in path still sends.
import { randomBytes } from 'node:crypto';
import { createDb } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { systemClock } from '../../src/clock.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { completeSignIn, pendingSignIn, sendSignInCode, signInDevices } from '../../src/sign-in/code.ts';
import { createTwilioSms } from '../../src/kinds/sms/twilio-sms.ts';
import { createHttpPushSender } from '../../src/kinds/push/push-sender.ts';
import { STANDIN_TWILIO } from '../../dev/standins/local-env.ts';
import { benchStandins, onStop, stopAll, throwawayDatabase, type Engine } from './harness.ts';
import { BENCH_PASSWORD, seedAccounts } from './seed.ts';
import { AccountPool, codeFor } from './sign-in.ts';

const engine = (process.argv[2] ?? 'sqlite') as Engine;
try {
  const url = await throwawayDatabase(engine);
  await migrate(url);
  await seedAccounts(url, { prefix: 'count', count: 3, phoneBase: 0, bcryptCost: 4 });
  let statements: string[] = [];
  const db = createDb(url, { onQuery: (sql) => statements.push(sql) });
  onStop(() => db.$disconnect());
  const standins = await benchStandins();
  const deps = {
    db,
    clock: systemClock,
    bcryptCost: 4,
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
  const pool = new AccountPool('count', 0, 3, 0);
  const step = async <T>(name: string, fn: () => Promise<T>, show: boolean): Promise<T> => {
    statements = [];
    const out = await fn();
    if (show) {
      console.log(`\n${name}: ${statements.length} statements`);
      for (const s of statements) console.log(`  ${s.replace(/\s+/g, ' ').slice(0, 220)}`);
    }
    return out;
  };
  for (const show of [false, true]) {
    const user = pool.take();
    const ctx = { clientAddress: '10.9.8.7', userAgent: 'count' };
    const pw = await step('password', () => signIn(deps, { appleId: user.appleId, password: BENCH_PASSWORD }, ctx), show);
    if (!pw.ok) throw new Error('password step failed');
    const devices = await step(
      'device list (pendingSignIn + signInDevices)',
      async () => {
        const s = await pendingSignIn(deps, pw.sessionToken);
        return signInDevices(db, s!.accountId);
      },
      show,
    );
    const deviceId = devices[0]!.id;
    const sentAt = Date.now();
    const sent = await step('send code', () => sendSignInCode(deps, pw.sessionToken, { trustedDeviceId: deviceId }, ctx), show);
    if (!sent.ok) throw new Error(`send failed: ${sent.error}`);
    const code = await codeFor(standins, user.phone, sentAt);
    const done = await step('check code', () => completeSignIn(deps, pw.sessionToken, { trustedDeviceId: deviceId, code }, ctx), show);
    if (!done.ok) throw new Error(`check failed: ${done.error}`);
  }
} finally {
  await stopAll();
}
