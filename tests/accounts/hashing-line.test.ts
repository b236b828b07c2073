import { describe, expect, it } from 'vitest';
import { createHashingLine, HASHES_IN_FLIGHT, HASHES_WAITING, THREAD_POOL_SIZE, THREADS_KEPT_FREE } from '../../src/accounts/hashing-line.ts';

/** A stand-in for a bcrypt call that ends when the test says so. */
function fakeHash() {
  let end!: (v: string) => void;
  const done = new Promise<string>((resolve) => (end = resolve));
  return { fn: () => done, end };
}
const ticks = () => new Promise((r) => setTimeout(r, 0));

describe('the hashing line', () => {
  it('runs at most `inFlight` hashes at once, the others in the order they came', async () => {
    const line = createHashingLine(2, 3);
    const hashes = Array.from({ length: 5 }, fakeHash);
    const started: number[] = [];
    const runs = hashes.map((h, i) => line.enter()!.run(() => (started.push(i), h.fn())));
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
    expect(line.size).toBe(0);
  });

  it('refuses a place when `inFlight + waiting` are taken, and gives one again once a place is left or done', async () => {
    const line = createHashingLine(2, 3);
    const places = Array.from({ length: 5 }, () => line.enter());
    expect(places.every(Boolean)).toBe(true);
    expect(line.enter()).toBeNull();
    places[4]!.leave(); // refused before its compare (a locked Apple ID)
    const again = line.enter();
    expect(again).not.toBeNull();
    expect(line.enter()).toBeNull();
    const h = fakeHash();
    const run = places[0]!.run(h.fn);
    h.end('done');
    await run;
    expect(line.size).toBe(4);
    expect(line.enter()).not.toBeNull();
  });

  it('never refuses the hashes that wait their turn (join), but counts them, so sign-ins see the load', () => {
    const line = createHashingLine(1, 1);
    const joined = Array.from({ length: 10 }, () => line.join());
    expect(joined.every(Boolean)).toBe(true);
    expect(line.enter()).toBeNull();
  });

  it('frees the place of a hash that fails', async () => {
    const line = createHashingLine(1, 0);
    await expect(line.enter()!.run(() => Promise.reject(new Error('bcrypt failed')))).rejects.toThrow('bcrypt failed');
    expect(line.size).toBe(0);
    expect(await line.enter()!.run(async () => 'next')).toBe('next');
  });

  it('runs one hash per place, and a place left after its hash started stays counted until it ends', async () => {
    const line = createHashingLine(1, 0);
    const place = line.enter()!;
    const h = fakeHash();
    const run = place.run(h.fn);
    place.leave();
    expect(line.size).toBe(1);
    await expect(place.run(async () => 'again')).rejects.toThrow(/one hash/);
    h.end('ok');
    await run;
    expect(line.size).toBe(0);
  });

  it('keeps pool threads free of bcrypt, and lets no more than one hash per core run', () => {
    expect(HASHES_IN_FLIGHT).toBeGreaterThanOrEqual(1);
    expect(HASHES_IN_FLIGHT).toBeLessThanOrEqual(Math.max(1, THREAD_POOL_SIZE - THREADS_KEPT_FREE));
    expect(HASHES_WAITING).toBeGreaterThan(0);
  });
});

describe('the hashing line, by time', () => {
  it('refuses a place when the hashes ahead would take longer than maxWaitMs at the pace of the last ones', async () => {
    let clock = 0;
    const line = createHashingLine(2, 100, { maxWaitMs: 1000, now: () => clock });
    // Before any hash was measured, only the count bounds the line.
    const slow = fakeHash();
    const first = line.enter()!.run(slow.fn);
    await ticks();
    clock += 500; // one hash takes 500 ms here
    slow.end('x');
    await first;
    const places = [];
    for (let p = line.enter(); p; p = line.enter()) places.push(p);
    // 2 in flight, then 4 waiting: the 4th waits (4 / 2) × 500 ms = 1 s; a 5th would wait 1.25 s.
    expect(places.length).toBe(6);
    for (const p of places) p.leave();
  });

  it('lets more wait when hashes go faster again', async () => {
    let clock = 0;
    const line = createHashingLine(1, 100, { maxWaitMs: 1000, now: () => clock });
    const timed = async (ms: number) => {
      const h = fakeHash();
      const run = line.enter()!.run(h.fn);
      await ticks();
      clock += ms;
      h.end('x');
      await run;
    };
    await timed(1000);
    const count = () => {
      const taken = [];
      for (let p = line.enter(); p; p = line.enter()) taken.push(p);
      for (const p of taken) p.leave();
      return taken.length;
    };
    const whenSlow = count();
    for (let i = 0; i < 30; i++) await timed(100);
    expect(whenSlow).toBe(2);
    expect(count()).toBeGreaterThan(whenSlow);
  });
});
