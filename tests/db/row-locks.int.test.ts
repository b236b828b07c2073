// The account's row lock (src/db/row-locks.ts), the one way every flow makes the transactions of an
// account take turns. On PostgreSQL through two clients (two pools, as two app instances): a
// second transaction that asks for the lock is seen waiting on it in pg_stat_activity, and goes on
// only after the first commits, reading what it wrote. Nothing is timed: the test watches the
// server's own view of who waits. On SQLite one process runs one write transaction at a time; what
// is checked there is that the lock is a write (which is what takes SQLite's single writer lock).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEST_ENGINE, createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, accountInput, testDeps } from '../harness/accounts.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { lockAccountRow } from '../../src/db/row-locks.ts';
import { createAccount } from '../../src/accounts/create-account.ts';

const CREATED = new Date('2026-11-23T10:00:00Z');
const LOCKED = new Date('2026-11-23T10:05:00Z');

async function newAccount(db: Db, appleId: string): Promise<string> {
  const created = await createAccount(testDeps(db, CREATED.toISOString()), accountInput({ appleId }), BROWSER);
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.accountId;
}

/** A promise with its resolve function, to hand a step of one transaction to another. */
function signal<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe(`the account's row lock (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let first: string;
  let second: string;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    await t.db.account.deleteMany();
    first = await newAccount(t.db, 'first.holder@example.com');
    second = await newAccount(t.db, 'second.holder@example.com');
  });

  it("writes the account's updatedAt (the write that takes the lock), and no other account's", async () => {
    const before = await t.db.account.findUniqueOrThrow({ where: { id: second } });
    await t.db.$transaction((tx) => lockAccountRow(tx, first, LOCKED));
    expect((await t.db.account.findUniqueOrThrow({ where: { id: first } })).updatedAt).toEqual(LOCKED);
    expect((await t.db.account.findUniqueOrThrow({ where: { id: second } })).updatedAt).toEqual(before.updatedAt);
  });

  it('writes nothing for an account that does not exist', async () => {
    const before = await t.db.account.findMany({ orderBy: { id: 'asc' } });
    await t.db.$transaction((tx) => lockAccountRow(tx, 'no-such-account', LOCKED));
    expect(await t.db.account.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });
});

if (TEST_ENGINE === 'postgresql') {
  describe("the account's row lock between two clients (postgresql)", () => {
    let t: TestDb;
    let clients: [Db, Db];
    let first: string;
    let second: string;
    beforeAll(async () => {
      t = await createTestDb();
      clients = [createDb(t.url), createDb(t.url)];
      first = await newAccount(t.db, 'first.holder@example.com');
      second = await newAccount(t.db, 'second.holder@example.com');
    });
    afterAll(async () => {
      await Promise.all(clients.map((db) => db.$disconnect()));
      await t.drop();
    });

    /** Whether a backend of this database waits on a lock (seen from a third client). */
    async function waitsOnAccountLock(): Promise<boolean> {
      const rows = await t.db.$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS "n" FROM pg_stat_activity
        WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`;
      return rows[0]!.n > 0;
    }

    /** What the second transaction did while the first held its lock: wait on it, or go through. */
    async function secondTransaction(passed: Promise<unknown>): Promise<'waiting' | 'went through'> {
      let through = false;
      void passed.then(() => (through = true));
      for (;;) {
        if (through) return 'went through';
        if (await waitsOnAccountLock()) return 'waiting';
        await sleep(5); // a pause between looks, not a deadline: the loop ends on what the server says
      }
    }

    /**
     * The first client takes the lock of `lockedByFirst` and keeps its transaction open until the
     * second (which then asks for the lock of `lockedBySecond`) is seen waiting or has gone through;
     * the first renames its account before committing. Returns what the second did and the name
     * the second read under its lock.
     */
    async function race(lockedByFirst: string, lockedBySecond: string) {
      const firstHolds = signal();
      const secondPassed = signal();
      let seen: 'waiting' | 'went through' | undefined;
      const firstTx = clients[0].$transaction(async (tx) => {
        await lockAccountRow(tx, lockedByFirst, LOCKED);
        firstHolds.resolve();
        seen = await secondTransaction(secondPassed.promise);
        await tx.account.update({ where: { id: lockedByFirst }, data: { name: 'Renamed By First' } });
      });
      await firstHolds.promise;
      const secondTx = clients[1].$transaction(async (tx) => {
        await lockAccountRow(tx, lockedBySecond, LOCKED);
        secondPassed.resolve();
        return (await tx.account.findUniqueOrThrow({ where: { id: lockedByFirst } })).name;
      });
      const [, nameReadBySecond] = await Promise.all([firstTx, secondTx]);
      return { seen, nameReadBySecond };
    }

    it("makes a second transaction on the same account wait for the first's commit, and read its writes", async () => {
      await t.db.account.update({ where: { id: first }, data: { name: 'Jane Holder' } });
      expect(await race(first, first)).toEqual({ seen: 'waiting', nameReadBySecond: 'Renamed By First' });
    });

    it('lets a transaction on another account go through while the first holds its lock', async () => {
      await t.db.account.update({ where: { id: first }, data: { name: 'Jane Holder' } });
      expect(await race(first, second)).toEqual({ seen: 'went through', nameReadBySecond: 'Jane Holder' });
    });
  });
}
