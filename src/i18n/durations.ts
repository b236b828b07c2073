// Durations said in a language: a rule's length ("3 days", "3 Tage", "3日間") and a wait ("25
// seconds"), by the platform's own unit names (Intl.NumberFormat, CLDR), so no catalogue spells a
// number or a unit. Imports nothing: the code step's countdown says its wait in the browser too.

type Unit = 'day' | 'hour' | 'minute' | 'second';

const UNIT_MS: readonly [Unit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

function amount(locale: string, n: number, unit: Unit): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
}

/** A rule's length in its largest whole unit: "1 hour", "15 minutes", "3 days" (en), "3 Tage" (de). */
export function durationIn(locale: string, ms: number): string {
  const [unit, unitMs] = UNIT_MS.find(([, u]) => ms % u === 0 && ms >= u) ?? ['second', 1000];
  return amount(locale, Math.round(ms / unitMs), unit);
}

/** A wait, rounded up (at least 1 second): "25 seconds", "3 minutes", "1 hour". */
export function waitIn(locale: string, ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return amount(locale, seconds, 'second');
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return amount(locale, minutes, 'minute');
  return amount(locale, Math.ceil(minutes / 60), 'hour');
}
