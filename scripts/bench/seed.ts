// What the bench needs in its database, inserted in bulk (bulk.ts): accounts with two-step on
// and a verified trusted phone each, security events, sessions and app-specific passwords. The accounts all share one
// password hash (a bcrypt compare costs the same whatever the account), each has its own phone
// number, so per-device and per-number code limits never meet.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/client.ts';
import { openBulk } from './bulk.ts';
import { hashSecret } from '../../src/accounts/passwords.ts';
import { createSession, sessionIdOf } from '../../src/sessions/sessions.ts';
import { newToken } from '../../src/tokens.ts';

export const BENCH_PASSWORD = 'bench staircase 2026';
const DAY = 86_400_000;
const EVENT_KINDS = ['signed-in', 'code-sent', 'code-verified', 'signed-out', 'trusted-device-added', 'password-changed'];
const UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Safari/605.1.15';

export const appleIdOf = (prefix: string, i: number) => `${prefix}${i}@bench.test`;
/** A distinct, well-formed US number per account (+1 212 5xx xxxx). */
export const phoneOf = (n: number) => `+12125${String(n).padStart(6, '0')}`;

const hashes = new Map<number, Promise<string>>();
export const benchPasswordHash = (cost: number) => {
  if (!hashes.has(cost)) hashes.set(cost, hashSecret(BENCH_PASSWORD, cost));
  return hashes.get(cost)!;
};

let rowIds = 0;
const run = randomBytes(4).toString('hex');
/** A unique id for a seeded row (the app's own rows have cuids; any unique text will do). */
const rowId = () => `b${run}${(rowIds++).toString(36)}`;

export interface SeededAccounts {
  prefix: string;
  count: number;
  /** Account ids, by index. */
  ids: string[];
}

/**
 * `count` accounts named `${prefix}${i}@bench.test`, two-step on, one verified trusted phone each
 * (numbers from `phoneBase`), `eventsEach` security events each and, with `sessions`, one signed-in
 * session each whose token nobody knows (load on the table, as other people's sessions are).
 */
export async function seedAccounts(
  databaseUrl: string,
  opts: { prefix: string; count: number; phoneBase: number; bcryptCost: number; eventsEach?: number; sessions?: boolean },
): Promise<SeededAccounts> {
  const passwordHash = await benchPasswordHash(opts.bcryptCost);
  const now = Date.now();
  const ago = (ms: number) => new Date(now - ms);
  const ids = Array.from({ length: opts.count }, () => rowId());
  const indexes = ids.map((_, i) => i);
  const bulk = await openBulk(databaseUrl);
  try {
    await bulk.insert(
      'Account',
      [
        'id',
        'appleId',
        'appleIdKey',
        'passwordHash',
        'passwordChangedAt',
        'name',
        'birthDate',
        'countryCode',
        'rescueEmail',
        'twoStepEnabledAt',
        'createdAt',
        'updatedAt',
      ],
      indexes.map((i) => {
        const appleId = appleIdOf(opts.prefix, i);
        return [
          ids[i]!,
          appleId,
          appleId,
          passwordHash,
          ago(200 * DAY),
          `Bench ${opts.prefix}${i}`,
          '1980-01-01',
          'US',
          `rescue.${appleId}`,
          ago(100 * DAY),
          ago(300 * DAY),
          ago(100 * DAY),
        ];
      }),
    );
    await bulk.insert(
      'TrustedDevice',
      ['id', 'accountId', 'kind', 'phoneNumber', 'createdAt', 'verifiedAt'],
      indexes.map((i) => [rowId(), ids[i]!, 'sms', phoneOf(opts.phoneBase + i), ago(100 * DAY), ago(100 * DAY)]),
    );
    const eventsEach = opts.eventsEach ?? 0;
    if (eventsEach > 0) {
      await bulk.insert(
        'SecurityEvent',
        ['id', 'accountId', 'kind', 'createdAt', 'clientAddress', 'userAgent'],
        Array.from({ length: opts.count * eventsEach }, (_, n) => [
          rowId(),
          ids[Math.floor(n / eventsEach)]!,
          EVENT_KINDS[n % EVENT_KINDS.length]!,
          ago(DAY + (n % 1000) * 60_000),
          '198.51.100.7',
          UA,
        ]),
      );
    }
    if (opts.sessions) {
      await bulk.insert(
        'Session',
        ['id', 'accountId', 'stage', 'createdAt', 'lastSeenAt', 'clientAddress', 'userAgent'],
        indexes.map((i) => [sessionIdOf(newToken()), ids[i]!, 'full', ago(60_000), ago(60_000), '198.51.100.7', UA]),
      );
    }
  } finally {
    await bulk.close();
  }
  return { prefix: opts.prefix, count: opts.count, ids };
}

/** `count` more events for one account (the long activity list), an hour apart. */
export async function seedEvents(databaseUrl: string, accountId: string, count: number): Promise<void> {
  const now = Date.now();
  const bulk = await openBulk(databaseUrl);
  try {
    await bulk.insert(
      'SecurityEvent',
      ['id', 'accountId', 'kind', 'createdAt', 'clientAddress', 'userAgent'],
      Array.from({ length: count }, (_, n) => [
        rowId(),
        accountId,
        EVENT_KINDS[n % EVENT_KINDS.length]!,
        new Date(now - DAY - n * 3_600_000),
        '198.51.100.8',
        UA,
      ]),
    );
  } finally {
    await bulk.close();
  }
}

/** An app-specific password row for each account (the Manage page lists them). */
export async function seedAppPasswords(db: Db, accountIds: string[]): Promise<void> {
  const createdAt = new Date();
  await db.appPassword.createMany({
    data: accountIds.map((accountId) => ({
      accountId,
      label: 'Mail on the old laptop',
      lookupKey: randomBytes(8).toString('hex'),
      hash: 'bench-not-a-real-hash',
      createdAt,
    })),
  });
}

/** Signed-in sessions made by the app's own function; their tokens go into the cookies. */
export async function signedInTokens(db: Db, accountIds: string[]): Promise<string[]> {
  const tokens: string[] = [];
  const now = new Date();
  for (const id of accountIds)
    tokens.push(await createSession(db, id, now, { clientAddress: '198.51.100.9', userAgent: 'bench' }, { codeVerifiedAt: now }));
  return tokens;
}
