// The hashing line with fake hashes (promises the test ends) and a fake clock: its order, its
// bounds, and the shares that keep one client from taking it all (hashing-line-shares.ts).
import { describe, expect, it } from 'vitest';
import {
  createHashingLine,
  HASHES_IN_FLIGHT,
  HASHES_WAITING,
  LINE_SHARES,
  MAX_WAIT_MS,
  THREAD_POOL_SIZE,
  THREADS_KEPT_FREE,
  type HashingLine,
  type Place,
} from '../../src/accounts/hashing-line.ts';
import { clientOf, SHARE_OF_PLACES, sharesFor, type Asker, type Shares } from '../../src/accounts/hashing-line-shares.ts';

/** A stand-in for a bcrypt call that ends when the test says so. */
function fakeHash() {
  let end!: (v: string) => void;
  const done = new Promise<string>((resolve) => (end = resolve));
  return { fn: () => done, end };
}
const ticks = () => new Promise((r) => setTimeout(r, 0));

/** For the tests of the line's order and bounds: shares that never refuse. */
const NO_SHARES: Shares = { perClient: Infinity, perAppleId: Infinity, keptForKnownBrowsers: 0 };
let askers = 0;
/** A different client and Apple ID each time, unless told. */
const asker = (over: Partial<Asker> = {}): Asker => ({
  clientAddress: `198.51.100.${++askers % 250}`,
  appleId: `someone${askers}@example.com`,
  known: false,
  ...over,
});

/** Places taken until the line refuses `who`. */
function fill(line: HashingLine, who: () => Asker): Place[] {
  const taken: Place[] = [];
  for (let p = line.enter(who()); p; p = line.enter(who())) taken.push(p);
  return taken;
}

describe('the hashing line (fake hashes)', () => {
  it('runs at most `inFlight` hashes at once, the others in the order they came', async () => {
    const line = createHashingLine(2, 3, { shares: NO_SHARES });
    const hashes = Array.from({ length: 5 }, fakeHash);
    const started: number[] = [];
    const runs = hashes.map((h, i) => line.enter(asker())!.run(() => (started.push(i), h.fn())));
    await ticks();
    expect(started).toEqual([0, 1]);
    hashes[1]!.end('b');
    await ticks();
    expect(started).toEqual([0, 1, 2]);
    hashes[0]!.end('a');
    await ticks();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const h of hashes) h.end('x');
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'x', 'x', 'x']);
  });

  it('refuses a place when `inFlight + waiting` are taken, and gives one again once a place is left', async () => {
    const line = createHashingLine(2, 3, { shares: NO_SHARES });
    const places = fill(line, asker);
    expect(places).toHaveLength(5);
    places[4]!.leave(); // refused before its compare (the count found the Apple ID locked)
    const again = line.enter(asker());
    expect(again).not.toBeNull();
    expect(line.enter(asker())).toBeNull();
    await places[0]!.run(async () => 'done');
    places[0]!.leave();
    expect(line.size).toBe(4);
    expect(line.enter(asker())).not.toBeNull();
  });

  it('never refuses the hashes that wait their turn (join), but counts them, so sign-ins see the load', () => {
    const line = createHashingLine(1, 1, { shares: NO_SHARES });
    const joined = Array.from({ length: 10 }, () => line.join());
    expect(joined.every(Boolean)).toBe(true);
    expect(line.enter(asker({ known: true }))).toBeNull();
  });

  it('lets a failed hash end its turn: the place runs the next one', async () => {
    const line = createHashingLine(1, 0, { shares: NO_SHARES });
    const place = line.enter(asker())!;
    await expect(place.run(() => Promise.reject(new Error('bcrypt failed')))).rejects.toThrow('bcrypt failed');
    expect(await place.run(async () => 'next')).toBe('next');
    place.leave();
    expect(line.size).toBe(0);
  });

  it('runs the hashes of one place one after another; a place left while its hash runs is freed when it ends', async () => {
    const line = createHashingLine(1, 0, { shares: NO_SHARES });
    const place = line.enter(asker())!;
    expect(await place.run(async () => 'first')).toBe('first');
    const h = fakeHash();
    const run = place.run(h.fn);
    await expect(place.run(async () => 'at once')).rejects.toThrow(/one hash at a time/);
    place.leave();
    expect(line.size).toBe(1);
    h.end('second');
    expect(await run).toBe('second');
    expect(line.size).toBe(0);
    await expect(place.run(async () => 'after')).rejects.toThrow(/was left/);
    place.leave(); // harmless
    expect(line.size).toBe(0);
  });

  it('keeps pool threads free of bcrypt, and lets no more than one hash per core run', () => {
    expect(HASHES_IN_FLIGHT).toBeGreaterThanOrEqual(1);
    expect(HASHES_IN_FLIGHT).toBeLessThanOrEqual(Math.max(1, THREAD_POOL_SIZE - THREADS_KEPT_FREE));
    expect(HASHES_WAITING).toBeGreaterThan(0);
  });
});

describe('the hashing line, by time (fake clock)', () => {
  /** A hash measured at `ms` on the fake clock. */
  const timed = async (line: HashingLine, clock: { t: number }, ms: number) => {
    const h = fakeHash();
    const place = line.enter(asker())!;
    const run = place.run(h.fn);
    await ticks();
    clock.t += ms;
    h.end('x');
    await run;
    place.leave();
  };

  it('refuses a place when the hashes ahead would take longer than maxWaitMs at the pace of the last ones', async () => {
    const clock = { t: 0 };
    const line = createHashingLine(2, 100, { maxWaitMs: 1000, now: () => clock.t, shares: NO_SHARES });
    await timed(line, clock, 500); // before, only the count bounds the line
    const places = fill(line, asker);
    // 2 in flight, then 4 waiting: the 4th waits (4 / 2) × 500 ms = 1 s; a 5th would wait 1.25 s.
    expect(places).toHaveLength(6);
  });

  it('lets more wait when hashes go faster again', async () => {
    const clock = { t: 0 };
    const line = createHashingLine(1, 100, { maxWaitMs: 1000, now: () => clock.t, shares: NO_SHARES });
    await timed(line, clock, 1000);
    const count = () => {
      const taken = fill(line, asker);
      for (const p of taken) p.leave();
      return taken.length;
    };
    const whenSlow = count();
    for (let i = 0; i < 30; i++) await timed(line, clock, 100);
    expect(whenSlow).toBe(2);
    expect(count()).toBeGreaterThan(whenSlow);
  });

  it("lets a known browser in where strangers' places would make an unknown one wait too long", async () => {
    const clock = { t: 0 };
    const line = createHashingLine(2, 100, { maxWaitMs: MAX_WAIT_MS, now: () => clock.t, shares: NO_SHARES });
    await timed(line, clock, 600); // a busy machine: 0.6 s a compare
    const strangers = fill(line, asker);
    // The 9th stranger would wait behind 8: (8 + 1 - 2) / 2 × 0.6 s = 2.1 s.
    expect(strangers).toHaveLength(8);
    const running = [fakeHash(), fakeHash()];
    const runs = running.map((h, i) => strangers[i]!.run(h.fn));
    await ticks();
    // The holder's hash goes first: it waits for the end of a running hash, whatever the strangers' places.
    expect(line.enter(asker({ known: true }))).not.toBeNull();
    for (const h of running) h.end('x');
    await Promise.all(runs);
  });

  it('never refuses a known browser for time, however slow a flood has made the hashes: known browsers are bounded by the places alone', async () => {
    const clock = { t: 0 };
    const line = createHashingLine(2, 8, { maxWaitMs: MAX_WAIT_MS, now: () => clock.t, shares: NO_SHARES });
    await timed(line, clock, 3 * MAX_WAIT_MS); // a machine so loaded that one compare takes 6 s
    const running = [fakeHash(), fakeHash()];
    const strangers = [line.enter(asker())!, line.enter(asker())!];
    const runs = running.map((h, i) => strangers[i]!.run(h.fn));
    await ticks();
    expect(line.enter(asker())).toBeNull();
    // The attacker's own known browsers (right passwords to their own account) and the holder's.
    const known = fill(line, () => asker({ known: true }));
    expect(known).toHaveLength(10 - 2);
    for (const p of known) p.leave();
    for (const h of running) h.end('x');
    await Promise.all(runs);
  });
});

describe('known browsers first (fake hashes, fake clock)', () => {
  it("runs a known browser's hash before the others that wait", async () => {
    const line = createHashingLine(1, 8, { shares: NO_SHARES });
    const started: string[] = [];
    const first = fakeHash();
    const runs = [line.enter(asker())!.run(() => (started.push('running'), first.fn()))];
    for (const name of ['stranger 1', 'stranger 2']) runs.push(line.enter(asker())!.run(async () => (started.push(name), name)));
    runs.push(line.enter(asker({ known: true }))!.run(async () => (started.push('holder'), 'holder')));
    await ticks();
    first.end('running');
    await Promise.all(runs);
    expect(started).toEqual(['running', 'holder', 'stranger 1', 'stranger 2']);
  });

  it('runs a hash that has waited MAX_WAIT_MS before the known browsers, so no one waits without end', async () => {
    let now = 0;
    const line = createHashingLine(1, 8, { maxWaitMs: MAX_WAIT_MS, now: () => now, shares: NO_SHARES });
    const started: string[] = [];
    const first = fakeHash();
    const runs = [line.enter(asker())!.run(() => (started.push('running'), first.fn()))];
    runs.push(line.enter(asker())!.run(async () => (started.push('stranger'), 'stranger')));
    await ticks();
    now += MAX_WAIT_MS;
    runs.push(line.enter(asker({ known: true }))!.run(async () => (started.push('holder'), 'holder')));
    await ticks();
    first.end('running');
    await Promise.all(runs);
    expect(started).toEqual(['running', 'stranger', 'holder']);
  });
});

describe('shares of the line (fake hashes)', () => {
  const holder = (): Asker => ({ clientAddress: '192.0.2.10', appleId: 'holder@example.com', known: true });

  it(`gives one client address at most ${LINE_SHARES.perClient} places, whatever it asks for, and others their places`, () => {
    const line = createHashingLine(HASHES_IN_FLIGHT, HASHES_WAITING, { shares: LINE_SHARES });
    const flood = fill(line, () => asker({ clientAddress: '203.0.113.66', known: askers % 2 === 0 }));
    expect(flood).toHaveLength(LINE_SHARES.perClient);
    expect(line.enter(holder())).not.toBeNull();
    expect(line.enter(asker())).not.toBeNull();
  });

  it(`gives one Apple ID at most ${LINE_SHARES.perAppleId} places among unknown browsers from any addresses, and as many apart to its known browsers`, () => {
    const line = createHashingLine(HASHES_IN_FLIGHT, HASHES_WAITING, { shares: LINE_SHARES });
    const strangers = fill(line, () => asker({ appleId: 'holder@example.com' }));
    expect(strangers).toHaveLength(LINE_SHARES.perAppleId);
    const knownBrowsers = fill(line, () => ({ ...holder(), clientAddress: asker().clientAddress }));
    expect(knownBrowsers).toHaveLength(LINE_SHARES.perAppleId);
    expect(line.enter(asker())).not.toBeNull();
  });

  it(`keeps ${LINE_SHARES.keptForKnownBrowsers} places for known browsers when unknown browsers from everywhere fill the line`, () => {
    const line = createHashingLine(HASHES_IN_FLIGHT, HASHES_WAITING, { shares: LINE_SHARES });
    const strangers = fill(line, asker);
    expect(strangers).toHaveLength(HASHES_IN_FLIGHT + HASHES_WAITING - LINE_SHARES.keptForKnownBrowsers);
    const known = fill(line, () => asker({ known: true }));
    expect(known).toHaveLength(LINE_SHARES.keptForKnownBrowsers);
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped address as the IPv4 address', () => {
    expect(clientOf('2001:db8:1:2:aaaa::1')).toBe(clientOf('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(clientOf('2001:db8:1:2::1')).not.toBe(clientOf('2001:db8:1:3::1'));
    expect(clientOf('::ffff:203.0.113.66')).toBe('203.0.113.66');
    expect(clientOf('fe80::1%eth0')).toBe(clientOf('fe80::2'));
    expect(clientOf('203.0.113.66')).toBe('203.0.113.66');
    const line = createHashingLine(HASHES_IN_FLIGHT, HASHES_WAITING, { shares: LINE_SHARES });
    const flood = fill(line, () => asker({ clientAddress: `2001:db8:1:2::${(++askers).toString(16)}` }));
    expect(flood).toHaveLength(LINE_SHARES.perClient);
  });

  it('gives every share back when its places are left', () => {
    const line = createHashingLine(HASHES_IN_FLIGHT, HASHES_WAITING, { shares: LINE_SHARES });
    const from = () => asker({ clientAddress: '203.0.113.66', appleId: 'one@example.com' });
    for (let round = 0; round < 3; round++) {
      const taken = fill(line, from);
      expect(taken).toHaveLength(LINE_SHARES.perClient);
      for (const p of taken) p.leave();
    }
    expect(line.size).toBe(0);
  });

  it('are a quarter of the places, and keep room for known browsers only as large as the hashes run at once', () => {
    expect(SHARE_OF_PLACES).toBe(1 / 4);
    expect(sharesFor(2, 8)).toEqual({ perClient: 3, perAppleId: 3, keptForKnownBrowsers: 2 });
    expect(sharesFor(1, 4)).toEqual({ perClient: 2, perAppleId: 2, keptForKnownBrowsers: 1 });
    expect(LINE_SHARES).toEqual(sharesFor(HASHES_IN_FLIGHT, HASHES_WAITING));
  });
});
