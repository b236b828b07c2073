// Time is a dependency: domain functions take a Clock so tests can set the time.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests: starts at `start` and moves only when told. */
export function fixedClock(start: Date | string): Clock & { advance(ms: number): void; set(d: Date | string): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
    set(d) {
      current = new Date(d);
    },
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * The system clock, moved forward by an offset that only the local stand-ins' dev tools change
 * (STANDINS=on: app/dev/clock): a demo or an end-to-end test can skip a wait (the 30 seconds
 * between codes to one device, a 3-day waiting period) without changing a rule.
 */
export function shiftableClock(): Clock & { advance(ms: number): void; offsetMs(): number } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += ms;
    },
    offsetMs: () => offset,
  };
}

const UNITS: readonly [ms: number, name: string][] = [
  [DAY, 'day'],
  [HOUR, 'hour'],
  [MINUTE, 'minute'],
  [1000, 'second'],
];

/** A rule's duration as a sentence says it: "1 hour", "15 minutes", "3 days" (the largest whole unit). */
export function durationText(ms: number): string {
  const [unit, name] = UNITS.find(([u]) => ms % u === 0 && ms >= u) ?? [1000, 'second'];
  const n = Math.round(ms / unit);
  return `${n} ${name}${n === 1 ? '' : 's'}`;
}

/** "an hour", "every 15 minutes": how often a limit's window comes round. */
export function perDurationText(ms: number): string {
  const text = durationText(ms);
  return text.startsWith('1 ') ? `a${text === '1 hour' ? 'n' : ''} ${text.slice(2)}` : `every ${text}`;
}

/** A duration before a noun: "a 3-day waiting period", "a 1-hour link". */
export function durationAdjective(ms: number): string {
  return durationText(ms).replace(/^(\d+) (\w+?)s?$/, '$1-$2');
}
