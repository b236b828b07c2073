// The operator's side of the availability list (`npm run countries`): list, add or move, remove.
// docs/rules.md#country-or-region: availability is data, so bringing two-step to a new country is a
// row in CountryAvailability, written here, and no code change. The pages read that table on every
// request, so a change shows at once, without a restart.
//
// scripts/countries.ts is only the process around this file (environment, migrations, printing,
// exit code); everything that decides something is here, so the tests run it in-process on both
// database engines.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { DbTx } from '../db/client.ts';
import { availableFromDate } from './countries.ts';
import { isRegionCode, regionName } from './regions.ts';
import { cancelCountryOfferEmails, queueCountryOfferEmails } from './country-offers.ts';

export interface AvailabilityRow {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  /** The region's name in the requested locale (Intl), or the code if the platform has none. */
  name: string;
  /** From 00:00 UTC that day. */
  availableFrom: Date;
}

/** Every row of the list, sorted by date, then by name in `locale`. */
export async function listAvailability(db: DbTx, locale = 'en'): Promise<AvailabilityRow[]> {
  const rows = await db.countryAvailability.findMany();
  const collator = new Intl.Collator(locale);
  return rows
    .map((r) => ({ code: r.countryCode, name: regionName(r.countryCode, locale) ?? r.countryCode, availableFrom: r.availableFrom }))
    .sort(
      (a, b) =>
        a.availableFrom.getTime() - b.availableFrom.getTime() ||
        collator.compare(a.name, b.name) ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
}

/** Upper-cases `code` and checks that it is a real country or region; throws otherwise. */
function storedCode(code: string): string {
  const upper = code.trim().toUpperCase();
  // The web pages trust this table: a code that is no region would be an option nobody can pick.
  if (!isRegionCode(upper)) throw new Error(notARegion(code));
  return upper;
}

/**
 * Adds `code` from `from`, or moves its date if it is already listed. Returns the date it had
 * before (null: it is new), so the operator sees what changed.
 */
export async function setAvailability(db: DbTx, code: string, from: Date): Promise<{ previous: Date | null }> {
  const countryCode = storedCode(code);
  // Read, then upsert: the upsert itself is atomic, so two operators at once cannot create two rows
  // or fail; at worst one of them is told a "was" date the other one had just written.
  const before = await db.countryAvailability.findUnique({ where: { countryCode } });
  await db.countryAvailability.upsert({
    where: { countryCode },
    create: { countryCode, availableFrom: from },
    update: { availableFrom: from },
  });
  return { previous: before?.availableFrom ?? null };
}

/** Takes `code` off the list; false if it was not on it. */
export async function removeAvailability(db: DbTx, code: string): Promise<boolean> {
  const countryCode = storedCode(code);
  // deleteMany, not delete: a missing row is an answer (false), not an error to catch.
  const { count } = await db.countryAvailability.deleteMany({ where: { countryCode } });
  return count > 0;
}

// --- The command line ------------------------------------------------------------------------

export const COUNTRIES_USAGE = `Usage: npm run countries -- <command>

  list                          the countries and regions where two-step verification is
                                available, with the date it became (or becomes) available
  add <code> [--from YYYY-MM-DD]
                                make it available from that day (00:00 UTC; default today),
                                or move the date of a country already listed
  remove <code>                 take a country or region off the list
  help                          this text

<code> is the two-letter ISO 3166-1 code, in any case: NP or np for Nepal.
The database is DATABASE_URL's (default file:./data/dev.db); pending migrations are applied first.
The web pages read the list on every request: no restart is needed.`;

export type CountriesCommand =
  | { command: 'list' }
  /** from null: today (UTC), resolved with the clock when the command runs (see runCountriesCommand). */
  | { command: 'add'; code: string; from: Date | null }
  | { command: 'remove'; code: string }
  | { command: 'help' };

export type ParsedCountriesCommand = { ok: true; command: CountriesCommand } | { ok: false; error: string };

function notARegion(input: string): string {
  return `"${input}" is not a country or region code: use a two-letter ISO 3166-1 code, such as NP for Nepal`;
}

const regionCodeArg = (command: string) =>
  z.string({ error: `${command} needs a country or region code, such as "${command} NP"` }).transform((input, ctx) => {
    const code = input.trim().toUpperCase();
    if (!isRegionCode(code)) {
      ctx.addIssue({ code: 'custom', message: notARegion(input) });
      return z.NEVER;
    }
    return code;
  });

// z.iso.date() is YYYY-MM-DD and a real day (2026-02-30 and 2025-02-29 fail). The day starts at
// 00:00 UTC, the same reading as the seed dates, so a date means the same whoever types it where.
const dayArg = z.string().transform((input, ctx) => {
  if (!z.iso.date().safeParse(input).success) {
    ctx.addIssue({ code: 'custom', message: `--from "${input}" is not a date: use YYYY-MM-DD, such as 2026-12-01` });
    return z.NEVER;
  }
  return availableFromDate(input);
});

const noMore = z.array(z.string()).superRefine((rest, ctx) => {
  if (rest.length > 0) ctx.addIssue({ code: 'custom', message: `unexpected argument "${rest[0]}"` });
});
const noFrom = (command: string) => z.undefined({ error: `--from goes only with add, not with ${command}` });

const commandName = z.enum(['list', 'add', 'remove', 'help'], {
  error: (issue) => (issue.input === undefined ? 'no command given' : `unknown command "${String(issue.input)}"`),
});

const commandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('list'), code: z.undefined({ error: 'list takes no code' }), rest: noMore, from: noFrom('list') }),
  z.object({ command: z.literal('add'), code: regionCodeArg('add'), rest: noMore, from: dayArg.optional() }),
  z.object({ command: z.literal('remove'), code: regionCodeArg('remove'), rest: noMore, from: noFrom('remove') }),
  z.object({ command: z.literal('help'), code: z.unknown(), rest: z.unknown(), from: z.unknown() }),
]);

/** Reads the command line (the arguments after the script's name). Never throws. */
export function parseCountriesCommand(argv: string[]): ParsedCountriesCommand {
  let tokens: { values: { from?: string; help?: boolean }; positionals: string[] };
  try {
    tokens = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    // parseArgs's messages name the option ("Unknown option '--form'"), which is what the operator needs.
    return { ok: false, error: (e as Error).message };
  }
  const [command, code, ...rest] = tokens.positionals;
  if (tokens.values.help) return { ok: true, command: { command: 'help' } };

  const name = commandName.safeParse(command);
  if (!name.success) return { ok: false, error: name.error.issues[0]!.message };
  const parsed = commandSchema.safeParse({ command: name.data, code, rest, from: tokens.values.from });
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join('; ') };

  const p = parsed.data;
  switch (p.command) {
    case 'list':
      return { ok: true, command: { command: 'list' } };
    case 'help':
      return { ok: true, command: { command: 'help' } };
    case 'add':
      return { ok: true, command: { command: 'add', code: p.code, from: p.from ?? null } };
    case 'remove':
      return { ok: true, command: { command: 'remove', code: p.code } };
  }
}

/** YYYY-MM-DD of the UTC day. */
export function formatDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** 00:00 UTC of the UTC day `now` is in: not the local day, which east of UTC may not have begun in UTC. */
export function startOfUtcDay(now: Date): Date {
  return availableFromDate(formatDay(now));
}

/** The list as a table, with "scheduled" on the rows whose day has not come yet. */
export function formatAvailabilityTable(rows: ReadonlyArray<AvailabilityRow>, now: Date): string {
  if (rows.length === 0) return 'No country or region is on the list: two-step verification is available nowhere.';
  const header = ['Code', 'Country or region', 'Available from', ''];
  // Scheduled means what the pages do with it: they offer a country from availableFrom <= now.
  const isScheduled = (r: AvailabilityRow) => r.availableFrom.getTime() > now.getTime();
  const body = rows.map((r) => [r.code, r.name, formatDay(r.availableFrom), isScheduled(r) ? 'scheduled' : '']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const scheduled = rows.filter(isScheduled).length;
  const count = rows.length === 1 ? '1 country or region' : `${rows.length} countries and regions`;
  return [line(header), ...body.map(line), '', `${count}, ${scheduled} of them scheduled`].join('\n');
}

export interface CommandOutcome {
  /** 0 done; 1 the command could not do what was asked. */
  exitCode: 0 | 1;
  stdout: string[];
  stderr: string[];
}

const label = (code: string, locale: string) => `${regionName(code, locale) ?? code} (${code})`;

/** Runs a parsed command against `db` and says what happened; the caller prints it. */
export async function runCountriesCommand(
  db: DbTx,
  command: CountriesCommand,
  options: { now: Date; locale?: string; appUrl?: string },
): Promise<CommandOutcome> {
  const appUrl = options.appUrl ?? 'http://localhost:3000';
  const locale = options.locale ?? 'en';
  switch (command.command) {
    case 'help':
      return { exitCode: 0, stdout: [COUNTRIES_USAGE], stderr: [] };
    case 'list':
      return { exitCode: 0, stdout: [formatAvailabilityTable(await listAvailability(db, locale), options.now)], stderr: [] };
    case 'add': {
      const from = command.from ?? startOfUtcDay(options.now);
      const { previous } = await setAvailability(db, command.code, from);
      const change = previous === null ? 'new' : previous.getTime() === from.getTime() ? 'unchanged' : `was ${formatDay(previous)}`;
      // "Email me when it is offered": due on that date (at once when it is today or past).
      const queued = await queueCountryOfferEmails(db, { now: options.now, appUrl }, storedCode(command.code), from);
      return {
        exitCode: 0,
        stdout: [
          `${label(command.code, locale)}: two-step verification available from ${formatDay(from)} (${change})`,
          ...(queued > 0
            ? [
                `${queued} holder${queued === 1 ? '' : 's'} asked to be emailed: the email goes on ${formatDay(from)} (00:00 UTC) or at once if that has passed`,
              ]
            : []),
        ],
        stderr: [],
      };
    }
    case 'remove': {
      if (!(await removeAvailability(db, command.code))) {
        return { exitCode: 1, stdout: [], stderr: [`${label(command.code, locale)} is not on the list: nothing removed`] };
      }
      const cancelled = await cancelCountryOfferEmails(db, { now: options.now }, storedCode(command.code));
      const stderr: string[] = [];
      if (cancelled > 0) stderr.push(`note: ${cancelled} "now offered" email${cancelled === 1 ? '' : 's'} not sent yet were cancelled`);
      // The app (src/server/serve.ts), scripts/seed.ts and this command fill an empty table with
      // Apple's list, taking "empty" to mean "never filled". Say so rather than surprise.
      if ((await db.countryAvailability.count()) === 0) {
        stderr.push(
          "note: the list is now empty; the next start of the app (or of this command) fills it again with the countries of Apple's list",
        );
      }
      return { exitCode: 0, stdout: [`${label(command.code, locale)}: removed; two-step verification is no longer offered there`], stderr };
    }
  }
}
