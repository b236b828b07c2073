// Two instances of the portal behind one balancer, for a describe block: both started with the
// balancer's address as APP_URL (one issuer, as a deployment is). On PostgreSQL each has its own
// Prisma client (its own connection pool), as two app processes have; on SQLite, where the portal
// runs as one process on one connection, both providers share the one client: still two
// providers, each with its own memory, so what one began and the other finished went through the
// database and nothing else. Read the fields inside the tests (they are set in beforeAll).
import { afterAll, beforeAll } from 'vitest';
import { createDb, type Db } from '../../src/db/client.ts';
import { systemClock, type Clock } from '../../src/clock.ts';
import { createTestDb, TEST_ENGINE, type TestDb } from '../harness/db.ts';
import { startPortal, type Portal } from '../harness/oidc.ts';
import { roundRobin, startBalancer, type Balancer } from '../harness/balancer.ts';

export interface TwoPortals {
  t: TestDb;
  /** The second instance's client (the test's own on SQLite). */
  second: Db;
  balancer: Balancer;
  a: Portal;
  b: Portal;
  /** The portal as browsers and apps see it: the balancer's address. */
  portal: Portal;
}

export function twoPortals(clock: Clock = systemClock): TwoPortals {
  const s = {} as TwoPortals;
  beforeAll(async () => {
    s.t = await createTestDb();
    s.second = TEST_ENGINE === 'postgresql' ? createDb(s.t.url) : s.t.db;
    s.balancer = await startBalancer();
    s.a = await startPortal(s.t.db, clock, undefined, { appUrl: s.balancer.url });
    s.b = await startPortal(s.second, clock, undefined, { appUrl: s.balancer.url });
    s.balancer.pick = roundRobin(s.a.address, s.b.address);
    s.portal = { ...s.a, url: s.balancer.url };
  });
  afterAll(async () => {
    await s.balancer?.close();
    await s.a?.close();
    await s.b?.close();
    if (s.second !== s.t?.db) await s.second?.$disconnect();
    await s.t?.drop();
  });
  return s;
}
