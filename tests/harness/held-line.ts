// A hashing line (src/accounts/hashing-line.ts) whose hashes the test holds until it releases them,
// and which records who asked for a place and what each was answered. With it a test sets the
// line's state exactly (a flood's places all taken, none done) before the request it checks asks
// for a place: what is admitted depends on the line's rules, never on how fast the machine runs.
import {
  createHashingLine,
  HASHES_IN_FLIGHT,
  HASHES_WAITING,
  LINE_SHARES,
  MAX_WAIT_MS,
  type HashingLine,
  type Place,
} from '../../src/accounts/hashing-line.ts';
import type { Asker } from '../../src/accounts/hashing-line-shares.ts';

/** A line of production's shape (its places, MAX_WAIT_MS, its shares) whose clock stands still: no hash is ever measured slow. */
export function productionLine(): HashingLine {
  return createHashingLine(HASHES_IN_FLIGHT, HASHES_WAITING, { maxWaitMs: MAX_WAIT_MS, now: () => 0, shares: LINE_SHARES });
}

export interface HeldLine {
  line: HashingLine;
  /** Every request that asked for a place (enter), in order, and whether it got one. */
  readonly asked: ReadonlyArray<{ asker: Asker; admitted: boolean }>;
  /** Resolves once `n` requests in all have asked. */
  askedBy(n: number): Promise<void>;
  /** Lets every hash held so far, and every later one, run. */
  release(): void;
  /** Holds the hashes that start from now on, until the next release. */
  hold(): void;
}

export function heldLine(inner: HashingLine): HeldLine {
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => {};
  const asked: Array<{ asker: Asker; admitted: boolean }> = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const held = (place: Place): Place => ({
    run: (hash) => {
      const until = gate;
      return place.run(async () => {
        await until;
        return hash();
      });
    },
    leave: () => place.leave(),
  });
  return {
    line: {
      enter(asker) {
        const place = inner.enter(asker);
        asked.push({ asker, admitted: place !== null });
        for (const w of waiters.filter((w) => asked.length >= w.n)) w.resolve();
        return place && held(place);
      },
      join: () => inner.join(),
      get size() {
        return inner.size;
      },
    },
    asked,
    askedBy: (n) => (asked.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    release: () => open(),
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
  };
}
