// Building blocks for the verification-code tests: accounts, trusted devices, and reading a code
// back from what a phone or device received. The senders are the real ones, talking to the
// stand-ins: startStandinSenders in tests/harness/standins.ts.
import { expect } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { fixedClock } from '../../src/clock.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import type { SmsSender } from '../../src/kinds/sms/twilio-sms.ts';
import type { PushSender } from '../../src/kinds/push/push-sender.ts';
import type { RequestContext } from '../../src/security-events/record.ts';
import type { CodeDeps } from '../../src/codes/codes.ts';
import { accountInput } from '../harness/accounts.ts';
import { newRowId } from '../../src/db/row-id.ts';
import { newTotpSecret } from '../../src/kinds/authenticator-app/totp.ts';
import { seal } from '../../src/secret-box.ts';
import { totpSecretBinding } from '../../src/kinds/authenticator-app/check.ts';

export const START = '2026-11-23T10:00:00.000Z';
export const CODE_KEY = 'test-code-hmac-key-0123456789abcdef-0123456789';
/** TOTP_ENCRYPTION_KEY of the tests: 32 bytes, as src/config.ts requires. */
export const TOTP_KEY = Buffer.alloc(32, 7);
export const PHONE = '+15550101234';
export const OTHER_BROWSER: RequestContext = {
  clientAddress: '198.51.100.23',
  userAgent: 'Mozilla/5.0 (X11; Linux) Firefox/150 (the other browser)',
};

export type TestClock = ReturnType<typeof fixedClock>;

/** An account made as the sign-up form makes it; its welcome email is removed from the outbox. */
export async function newAccount(
  db: Db,
  clock: TestClock,
  appleId = 'Jane.Holder@Example.com',
  rescueEmail: string | null = 'jane.rescue@example.org',
): Promise<string> {
  const created = await createAccount(
    { db, clock, bcryptCost: 4, appUrl: 'http://localhost:3000' },
    accountInput({ appleId, rescueEmail: rescueEmail ?? undefined }),
    { clientAddress: '192.0.2.1', userAgent: 'setup' },
  );
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  if (rescueEmail === null) await db.account.update({ where: { id: created.accountId }, data: { rescueEmail: null } });
  await db.emailOutbox.deleteMany({ where: { accountId: created.accountId } });
  return created.accountId;
}

export async function smsDevice(
  db: Db,
  accountId: string,
  phoneNumber: string,
  opts: { verified?: boolean; at?: Date } = {},
): Promise<string> {
  const at = opts.at ?? new Date(START);
  const row = await db.trustedDevice.create({
    data: { accountId, kind: 'sms', phoneNumber, createdAt: at, verifiedAt: opts.verified === false ? null : at },
  });
  return row.id;
}

export async function pushDevice(
  db: Db,
  accountId: string,
  deviceId: string,
  name: string,
  opts: { verified?: boolean } = {},
): Promise<string> {
  const at = new Date(START);
  const registered = await db.registeredDevice.create({ data: { accountId, deviceId, name, createdAt: at } });
  const row = await db.trustedDevice.create({
    data: { accountId, kind: 'push', registeredDeviceId: registered.id, createdAt: at, verifiedAt: opts.verified === false ? null : at },
  });
  return row.id;
}

/** The code in an SMS or push text ("...code is 0421."). */
export function codeIn(text: string | undefined): string {
  const m = /code is (\d+)\./.exec(text ?? '');
  expect(m, `no code in ${JSON.stringify(text)}`).not.toBeNull();
  return m![1]!;
}

/** The code in the latest text the Twilio stand-in received for `to` (`sms.sent` of tests/harness/standins.ts). */
export function lastSmsCode(sms: { readonly sent: Array<{ to: string; body: string }> }, to: string): string {
  return codeIn([...sms.sent].reverse().find((m) => m.to === to)?.body);
}

/** A well-formed code that is not `code`. */
export function otherCode(code: string): string {
  const n = code.length;
  return ((Number(code) + 1) % 10 ** n).toString().padStart(n, '0');
}

/** The text matches the code as a whole number (not inside a longer run of digits). */
export function containsCode(text: string, code: string): boolean {
  return new RegExp(`(?<![0-9])${code}(?![0-9])`).test(text);
}

export function depsWith(db: Db, clock: TestClock, sms: SmsSender, push: PushSender, codeDigits = 4): CodeDeps {
  return { db, clock, codeKey: CODE_KEY, codeDigits, sms, push, totpKey: TOTP_KEY };
}

/** Empties everything the code tests write, between tests. */
export async function resetTables(db: Db): Promise<void> {
  await db.account.deleteMany(); // cascades to devices, codes and events
  await db.codeSend.deleteMany();
  await db.throttle.deleteMany();
  await db.emailOutbox.deleteMany();
}

/**
 * An authenticator app on the account, as adding one through src/kinds/authenticator-app/add.ts
 * leaves it: its secret sealed under TOTP_KEY, bound to its row. Returns its id and the secret the
 * app holds (tests play the app with totpCodeAt).
 */
export async function totpDevice(
  db: Db,
  accountId: string,
  opts: { verified?: boolean; name?: string } = {},
): Promise<{ id: string; secret: string }> {
  const id = newRowId();
  const secret = newTotpSecret();
  const at = new Date(START);
  await db.trustedDevice.create({
    data: {
      id,
      accountId,
      kind: 'totp',
      name: opts.name ?? 'Phone authenticator',
      totpSecret: seal(TOTP_KEY, secret, totpSecretBinding(accountId, id)),
      createdAt: at,
      verifiedAt: opts.verified === false ? null : at,
    },
  });
  return { id, secret };
}
