// A burst waits for the database instead of failing (src/db/client.ts, TRANSACTION_WAIT): with every
// connection of the pool held by a transaction for longer than Prisma's default wait for one (2 s),
// one more transaction waits its turn and commits. On PostgreSQL the pool has ten connections; on
// SQLite one transaction runs at a time, so one held is enough. The held transactions end when the
// test says so; the only time in the test is that they outlast the default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEST_ENGINE, createTestDb, type TestDb } from '../harness/db.ts';
import { TRANSACTION_WAIT } from '../../src/db/client.ts';

/** Prisma's own wait for a connection, which a burst on a busy machine outlasts. */
const PRISMA_DEFAULT_MAX_WAIT_MS = 2_000;
/** node-postgres' pool size, which Prisma's adapter keeps; SQLite runs one transaction at a time. */
const HELD = TEST_ENGINE === 'postgresql' ? 10 : 1;

describe(`a transaction when every connection is busy (${TEST_ENGINE})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());

  it(`waits longer than Prisma's default ${PRISMA_DEFAULT_MAX_WAIT_MS} ms for a connection, up to ${TRANSACTION_WAIT.maxWait} ms`, async () => {
    expect(TRANSACTION_WAIT.maxWait).toBeGreaterThan(PRISMA_DEFAULT_MAX_WAIT_MS * 2);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let holding = 0;
    let allStarted!: () => void;
    const everyOneHolding = new Promise<void>((r) => (allStarted = r));
    const held = Array.from({ length: HELD }, () =>
      t.db.$transaction(async (tx) => {
        await tx.throttle.count();
        if (++holding === HELD) allStarted();
        await released;
      }),
    );
    await everyOneHolding;
    const waiting = t.db.$transaction(async (tx) => tx.throttle.count());
    await sleep(PRISMA_DEFAULT_MAX_WAIT_MS + 500);
    release();
    await Promise.all(held);
    await expect(waiting).resolves.toBe(0);
  });
});
