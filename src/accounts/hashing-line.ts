// The line every bcrypt hash and compare waits in (src/accounts/passwords.ts). Why a line:
//  - bcrypt runs on libuv's thread pool (4 threads by default), which also seals and opens the
//    cookies (iron-session's PBKDF2 through WebCrypto) and reads files. With as many compares in
//    flight as threads, everything else waits for a compare to end (a cookie seal 39 ms instead of
//    0.2 ms, a file read 600 ms): so at most HASHES_IN_FLIGHT run at once, one per core, which
//    is all the cores can do anyway, and THREADS_KEPT_FREE pool threads stay for the rest.
//  - a password typed at a guessing endpoint (the sign-in form, an app) from a browser the account
//    does not know, that would wait long behind the others, is refused at once with a "try again"
//    (SERVER_BUSY) rather than queued for seconds: it is refused when the hashes ahead of it would
//    take longer than MAX_WAIT_MS at the pace the last hashes took (a busy machine hashes slower,
//    so fewer may wait), and in any case when HASHES_WAITING already wait. Those ask to be refused
//    (`enter`); every other hash (sign-up, a password change) waits its turn (`join`), counted in
//    the line so that sign-ins see the load.
//  - no one client takes the whole line (hashing-line-shares.ts): each place carries who asked,
//    one client address and one Apple ID hold at most a share of the places, some places are kept
//    for known browsers, and known browsers' hashes go first. A flood from one address (right
//    passwords to the attacker's own account, which are never locked out) leaves the holder's
//    browser its place.
// The caller decides the lockout before it asks for a place (src/sign-in/password.ts), so a
// locked-out guess never waits here; a refusal counts no guess.
//
// A few lines of our own rather than p-limit: a place is taken before the attempt's database work
// and used after it, which a limiter that only wraps a function cannot say.
import { availableParallelism } from 'node:os';
import { shareKeys, sharesFor, type Asker, type Shares } from './hashing-line-shares.ts';

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
/**
 * Waiting hashes per one in flight, at most: a cost-12 compare takes ~0.3 s, so the last waits
 * about 1.2 s (more on a busy machine, up to MAX_WAIT_MS).
 */
export const WAITING_PER_HASH_IN_FLIGHT = 4;
/**
 * The longest a sign-in is let wait for its compare; longer, and it is refused (SERVER_BUSY).
 * Two seconds: the load the machine can carry (8 people signing in at once on 2 cores, a compare
 * taking 0.3-0.6 s while the cores also render pages) waits at most about 1.5 s and is never
 * refused; beyond it, the line sheds instead of queueing for many seconds. A hash that has waited
 * this long also goes before the known browsers' (below), so no one waits without end.
 */
export const MAX_WAIT_MS = 2000;
/** The Retry-After of a refusal (the app endpoint's 503): the longest wait the line lets anyone have. */
export const BUSY_RETRY_AFTER_SECONDS = Math.ceil(MAX_WAIT_MS / 1000);
/** How much the newest hash's duration moves the pace (an exponentially weighted average). */
const PACE_WEIGHT = 0.2;
export const HASHES_WAITING = HASHES_IN_FLIGHT * WAITING_PER_HASH_IN_FLIGHT;
/** The process's line's shares (hashing-line-shares.ts): 3, 3 and 2 of its 10 places on 2 cores. */
export const LINE_SHARES: Shares = sharesFor(HASHES_IN_FLIGHT, HASHES_WAITING);

/**
 * A place in the line, held by one request from `enter` or `join` until `leave`: `run` waits for a
 * turn and runs one hash (a request may run several, one after another, in its place).
 */
export interface Place {
  run<T>(hash: () => Promise<T>): Promise<T>;
  /** Gives the place back (a hash still running keeps it until it ends); once is enough, more is harmless. */
  leave(): void;
}

export interface HashingLine {
  /**
   * A place for `asker`, or null (refuse with SERVER_BUSY) when the wait would pass MAX_WAIT_MS,
   * the line is full for it, or its client address or Apple ID holds its share already.
   */
  enter(asker: Asker): Place | null;
  /** A place, always (for the hashes that are not refused); it asks for no share. */
  join(): Place;
  /** Places taken and not yet left (running, waiting or doing their request's other work), for tests. */
  readonly size: number;
}

export interface LineOptions {
  /** Refuse when the hashes ahead would take longer than this (default: no limit by time). */
  maxWaitMs?: number;
  /** Milliseconds, for measuring how long hashes take and how long one has waited (a fake clock in tests). */
  now?: () => number;
  /** Default: sharesFor(inFlight, waiting), the rule every line follows. */
  shares?: Shares;
}

/** Who holds how many places: a count per key, forgotten at zero. */
class Tally {
  private readonly counts = new Map<string, number>();
  of(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  add(key: string, by: 1 | -1): void {
    const n = this.of(key) + by;
    if (n === 0) this.counts.delete(key);
    else this.counts.set(key, n);
  }
}

interface Waiting {
  turn: () => void;
  since: number;
  known: boolean;
}

export function createHashingLine(inFlight: number, waiting: number, opts: LineOptions = {}): HashingLine {
  const { maxWaitMs = Infinity, now = () => performance.now(), shares = sharesFor(inFlight, waiting) } = opts;
  const places = inFlight + waiting;
  let placed = 0;
  let placedKnown = 0;
  let running = 0;
  let runningKnown = 0;
  let paceMs = 0; // how long one hash takes lately; 0 until one was measured
  const held = new Tally();
  // Known browsers' hashes first; the others in the order they came.
  const knownTurns: Waiting[] = [];
  const otherTurns: Waiting[] = [];
  const next = () => {
    while (running < inFlight && knownTurns.length + otherTurns.length > 0) {
      const oldest = otherTurns[0];
      const takeOther = knownTurns.length === 0 || (oldest !== undefined && now() - oldest.since >= maxWaitMs);
      const w = (takeOther ? otherTurns : knownTurns).shift()!;
      running++;
      if (w.known) runningKnown++;
      w.turn();
    }
  };
  // How long an unknown browser would wait for its turn, behind every place, at the pace of the
  // last hashes. A known browser is never refused for time: its hash goes first, its wait is
  // bounded by the places (at most all of them ahead, each client and Apple ID a share of them),
  // and reckoning it by the pace let a flood of right passwords from one address, the attacker's
  // own known browser, slow the machine until the holder was refused as busy.
  const wouldWaitMs = () => (Math.max(0, placed + 1 - inFlight) / inFlight) * paceMs;

  const place = (known: boolean, keys: readonly string[]): Place => {
    let left = false;
    let freed = false;
    let hashing = false;
    const free = () => {
      if (freed) return;
      freed = true;
      placed--;
      if (known) placedKnown--;
      for (const k of keys) held.add(k, -1);
    };
    return {
      async run(hash) {
        if (left) throw new Error('a place in the hashing line was left: take another');
        if (hashing) throw new Error('a place in the hashing line runs one hash at a time');
        hashing = true;
        await new Promise<void>((turn) => {
          (known ? knownTurns : otherTurns).push({ turn, since: now(), known });
          next();
        });
        const startedAt = now();
        try {
          return await hash();
        } finally {
          const took = now() - startedAt;
          paceMs = paceMs === 0 ? took : paceMs + PACE_WEIGHT * (took - paceMs);
          running--;
          if (known) runningKnown--;
          hashing = false;
          if (left) free();
          next();
        }
      },
      leave() {
        left = true;
        if (!hashing) free();
      },
    };
  };

  const take = (known: boolean, keys: readonly string[]): Place => {
    placed++;
    if (known) placedKnown++;
    for (const k of keys) held.add(k, 1);
    return place(known, keys);
  };

  return {
    enter(asker) {
      const keys = shareKeys(asker);
      const room = asker.known ? places : places - shares.keptForKnownBrowsers;
      if (placed >= room || (!asker.known && wouldWaitMs() > maxWaitMs)) return null;
      if (held.of(keys.client) >= shares.perClient || held.of(keys.appleId) >= shares.perAppleId) return null;
      return take(asker.known, [keys.client, keys.appleId]);
    },
    join() {
      return take(false, []);
    },
    get size() {
      return placed;
    },
  };
}

// The process's one line (the thread pool and the cores are the process's), on globalThis because
// Next.js bundles its own copies of this module next to the server's.
const globalForLine = globalThis as unknown as { twoStepHashingLine?: HashingLine };
export const hashingLine: HashingLine = (globalForLine.twoStepHashingLine ??= createHashingLine(HASHES_IN_FLIGHT, HASHES_WAITING, {
  maxWaitMs: MAX_WAIT_MS,
  shares: LINE_SHARES,
}));
