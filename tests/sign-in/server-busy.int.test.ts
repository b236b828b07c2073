// The hashing line (src/accounts/hashing-line.ts) at sign-in: a full line refuses with SERVER_BUSY
// before anything is read or counted, for a known and an unknown Apple ID alike.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import bcrypt from 'bcrypt';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD, testDeps, freshAccount } from '../harness/accounts.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { verifySecret } from '../../src/accounts/passwords.ts';
import { createHashingLine, hashingLine, HASHES_IN_FLIGHT, HASHES_WAITING, type Place } from '../../src/accounts/hashing-line.ts';
import { PER_APPLE_ID } from '../../src/accounts/password-guesses.ts';

const CAPACITY = HASHES_IN_FLIGHT + HASHES_WAITING;

describe('sign-in when the hashing line is full', () => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    ({ deps } = await freshAccount(t.db));
  });

  it('refuses with "try again", counts no guess and records nothing, whether the Apple ID exists or not', async () => {
    const taken: Place[] = [];
    for (let p = hashingLine.enter(); p; p = hashingLine.enter()) taken.push(p);
    try {
      const known = await signIn(deps, { appleId: 'jane.holder@example.com', password: 'not my password' }, BROWSER);
      const unknown = await signIn(deps, { appleId: 'nobody@example.com', password: GOOD_PASSWORD }, BROWSER);
      const right = await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, BROWSER);
      expect(known).toEqual({ ok: false, code: 'SERVER_BUSY', error: 'The server is busy. Try again in a moment.' });
      expect(unknown).toEqual(known);
      expect(right).toEqual(known);
      expect(await t.db.throttle.count()).toBe(0);
      expect(await t.db.securityEvent.count({ where: { kind: { in: ['sign-in-failed', 'signed-in'] } } })).toBe(0);
    } finally {
      for (const p of taken) p.leave();
    }
    expect((await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, BROWSER)).ok).toBe(true);
  });

  it(`of 100 parallel sign-ins, the line admits ${CAPACITY} and refuses the rest; only the admitted count as guesses`, async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => signIn(deps, { appleId: 'jane.holder@example.com', password: `wrong ${i}` }, { ...BROWSER, clientAddress: `198.51.100.${i}` })),
    );
    const busy = results.filter((r) => !r.ok && r.code === 'SERVER_BUSY').length;
    expect(busy).toBe(100 - CAPACITY);
    const perAppleId = await t.db.throttle.findUniqueOrThrow({ where: { key: 'sign-in:apple-id:jane.holder@example.com' } });
    expect(perAppleId.failures).toBe(CAPACITY);
    expect(await t.db.securityEvent.count({ where: { kind: 'sign-in-failed' } })).toBe(Math.min(CAPACITY, PER_APPLE_ID.maxFailures));
    expect(hashingLine.size).toBe(0);
  });

  it('runs no more than its bound of real bcrypt compares at once under 100 parallel calls', async () => {
    const line = createHashingLine(2, 8);
    const hash = await bcrypt.hash('x', 4);
    let active = 0;
    let most = 0;
    const counted = (p: Place): Place => ({
      leave: () => p.leave(),
      run: (fn) =>
        p.run(async () => {
          most = Math.max(most, ++active);
          try {
            return await fn();
          } finally {
            active--;
          }
        }),
    });
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, () => {
        const place = line.enter();
        return place ? verifySecret('x', hash, counted(place)) : Promise.resolve('busy' as const);
      }),
    );
    expect(outcomes.filter((o) => o === 'busy').length).toBe(90);
    expect(most).toBe(2);
    expect(line.size).toBe(0);
  });
});
