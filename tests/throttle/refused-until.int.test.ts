// refusedUntil (src/throttle/throttle.ts): the read a guess passes before it asks for a place in
// the hashing line. It must refuse exactly what takeAttempts would refuse next, and count nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_ENGINE, createTestDb, type TestDb } from '../harness/db.ts';
import { MINUTE } from '../../src/clock.ts';
import {
  attemptFailed,
  refusedUntil,
  takeAttempt,
  takeAttempts,
  type Limit,
  type LockPolicy,
  type SlowDownPolicy,
} from '../../src/throttle/throttle.ts';

const LOCK: LockPolicy = { maxFailures: 3, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
const SLOW: SlowDownPolicy = { maxFailures: 2, windowMs: 15 * MINUTE, slowDown: { firstDelayMs: 1000, maxDelayMs: MINUTE } };
const at = (ms: number) => new Date(Date.UTC(2026, 10, 23, 10) + ms);

describe(`refusedUntil (${TEST_ENGINE})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    await t.db.throttle.deleteMany();
  });
  const failures = async (key: string) => (await t.db.throttle.findUnique({ where: { key } }))?.failures ?? 0;

  it('refuses, without counting, once the budget is taken by attempts still being checked, until the window ends', async () => {
    const limits: Limit[] = [['k', LOCK]];
    for (let i = 0; i < LOCK.maxFailures; i++) {
      expect(await refusedUntil(t.db, limits, at(0))).toBeNull();
      expect(await takeAttempt(t.db, 'k', LOCK, at(0))).toBeNull();
    }
    // Three attempts are out, none has failed yet: the next one would be refused.
    expect(await refusedUntil(t.db, limits, at(1000))).toEqual(at(LOCK.windowMs));
    expect(await refusedUntil(t.db, limits, at(1000))).toEqual(at(LOCK.windowMs));
    expect(await failures('k')).toBe(LOCK.maxFailures);
    expect(await takeAttempts(t.db, limits, at(1000))).toEqual(at(LOCK.windowMs));
  });

  it('refuses while a lock lasts, and no longer once it ended', async () => {
    const limits: Limit[] = [['k', LOCK]];
    for (let i = 0; i < LOCK.maxFailures; i++) await takeAttempt(t.db, 'k', LOCK, at(0));
    const lock = await attemptFailed(t.db, 'k', LOCK, at(5000));
    expect(lock).toEqual(at(5000 + LOCK.lockMs));
    expect(await refusedUntil(t.db, limits, at(10_000))).toEqual(lock);
    expect(await refusedUntil(t.db, limits, at(5000 + LOCK.lockMs))).toBeNull();
  });

  it('lets a slowed-down key through when its next slot is open, and refuses while the slot is taken', async () => {
    const limits: Limit[] = [['address', SLOW]];
    for (let i = 0; i < SLOW.maxFailures; i++) await takeAttempt(t.db, 'address', SLOW, at(0));
    expect(await refusedUntil(t.db, limits, at(0))).toBeNull(); // over the budget, the slot is still open
    expect(await takeAttempt(t.db, 'address', SLOW, at(0))).toBeNull(); // takes it
    expect(await refusedUntil(t.db, limits, at(500))).toEqual(at(SLOW.slowDown.firstDelayMs));
    expect(await refusedUntil(t.db, limits, at(SLOW.slowDown.firstDelayMs))).toBeNull();
  });

  it('answers for the first limit that would refuse, in order, and reads nothing else into the counts', async () => {
    for (let i = 0; i < LOCK.maxFailures; i++) await takeAttempt(t.db, 'second', LOCK, at(0));
    expect(
      await refusedUntil(
        t.db,
        [
          ['first', SLOW],
          ['second', LOCK],
        ],
        at(0),
      ),
    ).toEqual(at(LOCK.windowMs));
    expect(await t.db.throttle.findUnique({ where: { key: 'first' } })).toBeNull();
  });
});
