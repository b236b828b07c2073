// The line every bcrypt hash and compare waits in (src/accounts/passwords.ts). Why a line:
//  - bcrypt runs on libuv's thread pool (4 threads by default), which also seals and opens the
//    cookies (iron-session's PBKDF2 through WebCrypto) and reads files. With as many compares in
//    flight as threads, everything else waits for a compare to end (a cookie seal 39 ms instead of
//    0.2 ms, a file read 600 ms): so at most HASHES_IN_FLIGHT run at once, one per core, which
//    is all the cores can do anyway, and THREADS_KEPT_FREE pool threads stay for the rest.
//  - a sign-in that would wait long behind the others is refused at once with a "try again"
//    (SERVER_BUSY) rather than queued for seconds: it is refused when the hashes ahead of it would
//    take longer than MAX_WAIT_MS at the pace the last hashes took (a busy machine hashes slower,
//    so fewer may wait), and in any case when HASHES_WAITING already wait. Only the sign-in
//    forms ask to be refused (`enter`); every other hash (sign-up, a password change) waits its
//    turn (`join`), counted in the line so that sign-ins see the load.
// The refusal is decided before anything else of the attempt (src/sign-in/password.ts), so it
// reads no account, counts no guess, and takes the same time whether the Apple ID exists or not.
//
// A few lines of our own rather than p-limit: a place is taken before the attempt's database work
// and used after it, which a limiter that only wraps a function cannot say.
import { availableParallelism } from 'node:os';

/**
 * libuv's thread pool: its size is read once, when the pool starts (before any of our code runs),
 * from UV_THREADPOOL_SIZE, 4 when unset. A machine with more cores sets it at launch to use them.
 */
export const THREAD_POOL_SIZE = Number(process.env.UV_THREADPOOL_SIZE) || 4;
/** Pool threads kept free of bcrypt, for cookie seals and file reads. */
export const THREADS_KEPT_FREE = 2;
/**
 * One per core (more compares at once would only share the cores), and never more than the pool
 * can run with THREADS_KEPT_FREE left over.
 */
export const HASHES_IN_FLIGHT = Math.max(1, Math.min(availableParallelism(), THREAD_POOL_SIZE - THREADS_KEPT_FREE));
/** Waiting hashes per one in flight, at most: a cost-12 compare takes ~0.3 s, so the last waits about 1.2 s (more on a busy machine, up to MAX_WAIT_MS). */
export const WAITING_PER_HASH_IN_FLIGHT = 4;
/**
 * The longest a sign-in is let wait for its compare; longer, and it is refused (SERVER_BUSY).
 * Two seconds: the load the machine can carry (8 people signing in at once on 2 cores, a compare
 * taking 0.3-0.6 s while the cores also render pages) waits at most about 1.5 s and is never
 * refused; beyond it, the line sheds instead of queueing for many seconds.
 */
export const MAX_WAIT_MS = 2000;
/** How much the newest hash's duration moves the pace (an exponentially weighted average). */
const PACE_WEIGHT = 0.2;
export const HASHES_WAITING = HASHES_IN_FLIGHT * WAITING_PER_HASH_IN_FLIGHT;

/** A place in the line: `run` waits for a turn and runs the hash; `leave` gives an unused place back. */
export interface Place {
  run<T>(hash: () => Promise<T>): Promise<T>;
  leave(): void;
}

export interface HashingLine {
  /** A place, or null when the wait would pass MAX_WAIT_MS or HASHES_WAITING already wait: refuse with SERVER_BUSY. */
  enter(): Place | null;
  /** A place, always (for the hashes that are not refused). */
  join(): Place;
  /** Places taken and not yet done (in flight or waiting), for tests. */
  readonly size: number;
}

export interface LineOptions {
  /** Refuse when the hashes ahead would take longer than this (default: no limit by time). */
  maxWaitMs?: number;
  /** Milliseconds, for measuring how long hashes take (a fake clock in tests). */
  now?: () => number;
}

export function createHashingLine(inFlight: number, waiting: number, opts: LineOptions = {}): HashingLine {
  const { maxWaitMs = Infinity, now = () => performance.now() } = opts;
  let placed = 0;
  let running = 0;
  let paceMs = 0; // how long one hash takes lately; 0 until one was measured
  const wouldWaitMs = () => (Math.max(0, placed + 1 - inFlight) / inFlight) * paceMs;
  const turns: Array<() => void> = [];
  const next = () => {
    if (running < inFlight && turns.length > 0) {
      running++;
      turns.shift()!();
    }
  };
  const place = (): Place => {
    let used = false;
    let started = false;
    const done = () => {
      if (used) return;
      used = true;
      placed--;
    };
    return {
      async run(hash) {
        if (started || used) throw new Error('a place in the hashing line runs one hash');
        started = true;
        await new Promise<void>((turn) => {
          turns.push(turn);
          next();
        });
        const startedAt = now();
        try {
          return await hash();
        } finally {
          const took = now() - startedAt;
          paceMs = paceMs === 0 ? took : paceMs + PACE_WEIGHT * (took - paceMs);
          running--;
          done();
          next();
        }
      },
      leave: () => {
        if (!started) done();
      },
    };
  };
  return {
    enter() {
      if (placed >= inFlight + waiting || wouldWaitMs() > maxWaitMs) return null;
      placed++;
      return place();
    },
    join() {
      placed++;
      return place();
    },
    get size() {
      return placed;
    },
  };
}

// The process's one line (the thread pool and the cores are the process's), on globalThis because
// Next.js bundles its own copies of this module next to the server's.
const globalForLine = globalThis as unknown as { twoStepHashingLine?: HashingLine };
export const hashingLine: HashingLine = (globalForLine.twoStepHashingLine ??= createHashingLine(HASHES_IN_FLIGHT, HASHES_WAITING, { maxWaitMs: MAX_WAIT_MS }));
