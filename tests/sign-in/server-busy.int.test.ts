// The hashing line (src/accounts/hashing-line.ts, hashing-line-shares.ts) at sign-in, on the real
// database. Each test runs the line of production's shape (HASHES_IN_FLIGHT, HASHES_WAITING,
// MAX_WAIT_MS, LINE_SHARES) on a fake clock that stands still, and holds every hash until the
// requests it checks have asked for their places (tests/harness/held-line.ts): what is admitted
// follows from the line's rules, never from the machine's speed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import bcrypt from 'bcrypt';
import { TEST_ENGINE, createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD, accountInput, freshAccount, type testDeps } from '../harness/accounts.ts';
import { twoInstances } from '../harness/two-instances.ts';
import { heldLine, productionLine, type HeldLine } from '../harness/held-line.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { verifySecret } from '../../src/accounts/passwords.ts';
import { createHashingLine, HASHES_IN_FLIGHT, HASHES_WAITING, LINE_SHARES, type Place } from '../../src/accounts/hashing-line.ts';
import { PER_APPLE_ID } from '../../src/accounts/password-guesses.ts';
import type { RequestContext } from '../../src/security-events/record.ts';

const PLACES = HASHES_IN_FLIGHT + HASHES_WAITING;
const HOLDER = 'jane.holder@example.com';
const ATTACKER = 'mallory@example.com';
const FLOOD_LOOPS = 16;
const ROUNDS = 20;

describe(`sign-in and the hashing line (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  let holderId: string;
  let held: HeldLine;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  const instance = twoInstances(() => t); // after the hook that makes t
  /** The deps of request i: on PostgreSQL every other one through a second client, all with the test's line. */
  const via = (i: number) => ({ ...instance(deps, i), hashingLine: held.line });
  beforeEach(async () => {
    ({ deps, accountId: holderId } = await freshAccount(t.db));
    held = heldLine(productionLine());
  });
  /** The holder's browser: it signed in before, from its own address. */
  const holderBrowser = (): RequestContext => ({
    clientAddress: '192.0.2.10',
    userAgent: 'Mozilla/5.0 Safari/605',
    knownBrowsers: [{ accountId: holderId, id: 'the-holders-browser' }],
  });
  const stranger = (i: number): RequestContext => ({ clientAddress: `198.51.100.${i % 250}`, userAgent: 'curl/8.0' });

  it(`${FLOOD_LOOPS} loops of right-password sign-ins to the attacker's own account from one address: the holder's known browser, from another, signs in ${ROUNDS} times of ${ROUNDS}`, async () => {
    const own = await createAccount(deps, accountInput({ appleId: ATTACKER, rescueEmail: 'mallory.rescue@example.org' }), BROWSER);
    if (!own.ok) throw new Error('the attacker account');
    // Each loop keeps the device cookie its sign-ins earn: as known a browser of its account as the holder's is of hers.
    const loop = (i: number): RequestContext => ({
      clientAddress: '203.0.113.66',
      userAgent: 'flood/1.0',
      knownBrowsers: [{ accountId: own.accountId, id: `loop-${i}` }],
    });
    let holderSignedIn = 0;
    let floodBusy = 0;
    for (let round = 0; round < ROUNDS; round++) {
      held.hold();
      const asked = held.asked.length;
      // One request of every loop, all in the line (or refused) before the holder's browser asks.
      const flood = Array.from({ length: FLOOD_LOOPS }, (_, i) => signIn(via(i), { appleId: ATTACKER, password: GOOD_PASSWORD }, loop(i)));
      await held.askedBy(asked + FLOOD_LOOPS);
      const holder = signIn(via(round), { appleId: HOLDER, password: GOOD_PASSWORD }, holderBrowser());
      await held.askedBy(asked + FLOOD_LOOPS + 1);
      held.release();
      const answers = await Promise.all(flood);
      floodBusy += answers.filter((r) => !r.ok && r.code === 'SERVER_BUSY').length;
      if ((await holder).ok) holderSignedIn++;
    }
    expect(holderSignedIn).toBe(ROUNDS);
    // Exactly its share of places each round: the flood's other requests were told to try again.
    expect(floodBusy).toBe(ROUNDS * (FLOOD_LOOPS - LINE_SHARES.perClient));
    expect(held.line.size).toBe(0);
  }, 60_000);

  it('wrong passwords for a locked Apple ID, from rotating addresses, take no place in the line; the holder signs in meanwhile', async () => {
    for (let i = 0; i < PER_APPLE_ID.maxFailures; i++) await signIn(via(i), { appleId: HOLDER, password: `guess ${i}` }, stranger(i));
    expect(await signIn(via(0), { appleId: HOLDER, password: 'one more' }, stranger(99))).toMatchObject({ code: 'PASSWORD_LOCKED_OUT' });
    held.hold();
    const before = held.asked.length;
    const guesses = Array.from({ length: 100 }, (_, i) => signIn(via(i), { appleId: HOLDER, password: `guess ${i}` }, stranger(100 + i)));
    const holder = signIn(via(1), { appleId: HOLDER, password: GOOD_PASSWORD }, holderBrowser());
    const answers = await Promise.all(guesses); // none waits for a hash: all are answered while the hashes are held
    await held.askedBy(before + 1);
    held.release();
    expect((await holder).ok).toBe(true);
    expect(answers.every((r) => !r.ok && r.code === 'PASSWORD_LOCKED_OUT')).toBe(true);
    expect(held.asked.slice(before).map((a) => a.asker.clientAddress)).toEqual(['192.0.2.10']);
    expect(await t.db.securityEvent.count({ where: { kind: 'sign-in-failed' } })).toBe(PER_APPLE_ID.maxFailures);
  });

  it('a refusal for a full line counts no guess and records nothing, and answers alike whether the Apple ID exists or not', async () => {
    const joined: Place[] = Array.from({ length: PLACES }, () => held.line.join()); // sign-ups and password changes, say
    const known = await signIn(via(0), { appleId: HOLDER, password: 'not my password' }, stranger(1));
    const unknown = await signIn(via(1), { appleId: 'nobody@example.com', password: GOOD_PASSWORD }, stranger(2));
    const right = await signIn(via(2), { appleId: HOLDER, password: GOOD_PASSWORD }, holderBrowser());
    expect(known).toEqual({ ok: false, code: 'SERVER_BUSY', error: 'The server is busy. Try again in a moment.' });
    expect(unknown).toEqual(known);
    expect(right).toEqual(known);
    expect(await t.db.throttle.count()).toBe(0);
    expect(await t.db.securityEvent.count({ where: { kind: { in: ['sign-in-failed', 'signed-in'] } } })).toBe(0);
    for (const p of joined) p.leave();
    expect((await signIn(via(3), { appleId: HOLDER, password: GOOD_PASSWORD }, holderBrowser())).ok).toBe(true);
  });

  it(`of 100 parallel sign-ins from as many addresses for as many Apple IDs, ${PLACES - LINE_SHARES.keptForKnownBrowsers} get a place and only they count a guess`, async () => {
    held.hold();
    const answers = Array.from({ length: 100 }, (_, i) =>
      signIn(via(i), { appleId: `someone${i}@example.com`, password: `wrong ${i}` }, stranger(i)),
    );
    await held.askedBy(100);
    held.release();
    const busy = (await Promise.all(answers)).filter((r) => !r.ok && r.code === 'SERVER_BUSY').length;
    const admitted = PLACES - LINE_SHARES.keptForKnownBrowsers;
    expect(busy).toBe(100 - admitted);
    expect(await t.db.throttle.count({ where: { key: { startsWith: 'sign-in:apple-id:' } } })).toBe(admitted);
    expect(held.line.size).toBe(0);
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
      Array.from({ length: 100 }, async (_, i) => {
        const place = line.enter({ clientAddress: `198.51.100.${i}`, appleId: `someone${i}@example.com`, known: true });
        if (!place) return 'busy' as const;
        try {
          return await verifySecret('x', hash, counted(place));
        } finally {
          place.leave();
        }
      }),
    );
    expect(outcomes.filter((o) => o === 'busy').length).toBe(90);
    expect(most).toBe(2);
    expect(line.size).toBe(0);
  });
});
