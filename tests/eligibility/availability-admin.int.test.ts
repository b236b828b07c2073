import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import {
  formatAvailabilityTable,
  listAvailability,
  parseCountriesCommand,
  removeAvailability,
  runCountriesCommand,
  setAvailability,
  startOfUtcDay,
} from '../../src/eligibility/availability-admin.ts';

const day = (d: string) => new Date(`${d}T00:00:00.000Z`);
const NOW = new Date('2026-03-10T12:00:00.000Z');

describe('parseCountriesCommand', () => {
  const ok = (argv: string[]) => {
    const r = parseCountriesCommand(argv);
    if (!r.ok) throw new Error(`expected ${JSON.stringify(argv)} to parse, got: ${r.error}`);
    return r.command;
  };
  const error = (argv: string[]) => {
    const r = parseCountriesCommand(argv);
    if (r.ok) throw new Error(`expected ${JSON.stringify(argv)} to be refused, got ${JSON.stringify(r.command)}`);
    return r.error;
  };

  it('reads list, add (with and without --from), remove and help', () => {
    expect(ok(['list'])).toEqual({ command: 'list' });
    expect(ok(['add', 'NP', '--from', '2026-12-01'])).toEqual({ command: 'add', code: 'NP', from: day('2026-12-01') });
    expect(ok(['add', '--from=2026-12-01', 'NP'])).toEqual({ command: 'add', code: 'NP', from: day('2026-12-01') });
    expect(ok(['add', 'NP'])).toEqual({ command: 'add', code: 'NP', from: null });
    expect(ok(['remove', 'NP'])).toEqual({ command: 'remove', code: 'NP' });
    expect(ok(['help'])).toEqual({ command: 'help' });
    expect(ok(['--help'])).toEqual({ command: 'help' });
    expect(ok(['add', '-h'])).toEqual({ command: 'help' });
  });

  it('takes codes in any case and gives them upper-case', () => {
    expect(ok(['add', 'np', '--from', '2026-12-01'])).toEqual({ command: 'add', code: 'NP', from: day('2026-12-01') });
    expect(ok(['remove', 'gb'])).toEqual({ command: 'remove', code: 'GB' });
    expect(ok(['add', 'Np'])).toMatchObject({ code: 'NP' });
  });

  it('refuses a code that is not a country or region, naming it', () => {
    expect(error(['add', 'XX'])).toBe('"XX" is not a country or region code: use a two-letter ISO 3166-1 code, such as NP for Nepal');
    expect(error(['add', 'EU', '--from', '2026-12-01'])).toContain('"EU" is not a country or region code');
    expect(error(['remove', 'eu'])).toContain('"eu" is not a country or region code');
    expect(error(['add', 'UK'])).toContain('"UK"'); // GB is the code; UK is ICU's deprecated alias
    expect(error(['add', 'USA'])).toContain('"USA"');
    expect(error(['add', ''])).toContain('is not a country or region code');
  });

  it('refuses a date that is not YYYY-MM-DD or not a real day', () => {
    expect(error(['add', 'NP', '--from', '2026-02-30'])).toBe('--from "2026-02-30" is not a date: use YYYY-MM-DD, such as 2026-12-01');
    expect(error(['add', 'NP', '--from', '2025-02-29'])).toContain('is not a date');
    expect(error(['add', 'NP', '--from', '2026-13-01'])).toContain('is not a date');
    expect(error(['add', 'NP', '--from', '1/12/2026'])).toContain('is not a date');
    expect(error(['add', 'NP', '--from', '2026-12-01T00:00'])).toContain('is not a date');
    expect(ok(['add', 'NP', '--from', '2028-02-29'])).toMatchObject({ from: day('2028-02-29') });
  });

  it('reports both problems when code and date are wrong', () => {
    const e = error(['add', 'XX', '--from', '2026-02-30']);
    expect(e).toContain('"XX"');
    expect(e).toContain('"2026-02-30"');
  });

  it('refuses missing, unknown and extra arguments', () => {
    expect(error([])).toBe('no command given');
    expect(error(['frob'])).toBe('unknown command "frob"');
    expect(error(['add'])).toBe('add needs a country or region code, such as "add NP"');
    expect(error(['remove'])).toBe('remove needs a country or region code, such as "remove NP"');
    expect(error(['add', 'NP', '--from'])).toContain("'--from <value>' argument missing");
    expect(error(['add', 'NP', 'GB'])).toBe('unexpected argument "GB"');
    expect(error(['remove', 'NP', 'extra'])).toBe('unexpected argument "extra"');
    expect(error(['list', 'NP'])).toBe('list takes no code');
    expect(error(['list', '--from', '2026-12-01'])).toBe('--from goes only with add, not with list');
    expect(error(['remove', 'NP', '--from', '2026-12-01'])).toBe('--from goes only with add, not with remove');
    expect(error(['add', 'NP', '--form', '2026-12-01'])).toContain("Unknown option '--form'");
  });
});

describe('the availability list, administered', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    await t.db.countryAvailability.deleteMany();
  });

  // What app/create/page.tsx asks for on each request: the countries available now.
  const offeredAt = async (now: Date) =>
    (await t.db.countryAvailability.findMany({ where: { availableFrom: { lte: now } }, select: { countryCode: true } }))
      .map((r) => r.countryCode)
      .sort();

  it('adds a country, then moves its date, saying what it was', async () => {
    expect(await setAvailability(t.db, 'NP', day('2026-12-01'))).toEqual({ previous: null });
    expect(await t.db.countryAvailability.findUnique({ where: { countryCode: 'NP' } })).toEqual({
      countryCode: 'NP',
      availableFrom: day('2026-12-01'),
    });

    expect(await setAvailability(t.db, 'NP', day('2014-01-01'))).toEqual({ previous: day('2026-12-01') });
    expect(await t.db.countryAvailability.findMany()).toEqual([{ countryCode: 'NP', availableFrom: day('2014-01-01') }]);
  });

  it('stores lower-case input upper-case, as one row', async () => {
    await setAvailability(t.db, 'np', day('2026-12-01'));
    expect(await setAvailability(t.db, 'Np', day('2027-01-01'))).toEqual({ previous: day('2026-12-01') });
    expect(await t.db.countryAvailability.findMany()).toEqual([{ countryCode: 'NP', availableFrom: day('2027-01-01') }]);
    expect(await removeAvailability(t.db, 'np')).toBe(true);
    expect(await t.db.countryAvailability.count()).toBe(0);
  });

  it('refuses to store a code that is no country or region', async () => {
    await expect(setAvailability(t.db, 'XX', day('2026-12-01'))).rejects.toThrow('"XX" is not a country or region code');
    await expect(setAvailability(t.db, 'EU', day('2026-12-01'))).rejects.toThrow('"EU"');
    await expect(removeAvailability(t.db, 'EU')).rejects.toThrow('"EU"');
    expect(await t.db.countryAvailability.count()).toBe(0);
  });

  it('removes a country, and says false for one that is not listed', async () => {
    await setAvailability(t.db, 'NP', day('2014-01-01'));
    await setAvailability(t.db, 'GB', day('2013-03-21'));
    expect(await removeAvailability(t.db, 'NP')).toBe(true);
    expect(await removeAvailability(t.db, 'NP')).toBe(false);
    expect(await removeAvailability(t.db, 'FR')).toBe(false);
    expect((await t.db.countryAvailability.findMany()).map((r) => r.countryCode)).toEqual(['GB']);
  });

  it('lists by date, then by name, with names from Intl', async () => {
    await setAvailability(t.db, 'US', day('2013-03-21'));
    await setAvailability(t.db, 'NP', day('2026-12-01'));
    await setAvailability(t.db, 'AU', day('2013-03-21'));
    await setAvailability(t.db, 'GB', day('2013-03-21'));
    await setAvailability(t.db, 'CA', day('2013-05-22'));
    expect(await listAvailability(t.db)).toEqual([
      { code: 'AU', name: 'Australia', availableFrom: day('2013-03-21') },
      { code: 'GB', name: 'United Kingdom', availableFrom: day('2013-03-21') },
      { code: 'US', name: 'United States', availableFrom: day('2013-03-21') },
      { code: 'CA', name: 'Canada', availableFrom: day('2013-05-22') },
      { code: 'NP', name: 'Nepal', availableFrom: day('2026-12-01') },
    ]);
    // Names, and so the order within a day, follow the locale.
    expect((await listAvailability(t.db, 'de')).slice(0, 3).map((r) => r.name)).toEqual([
      'Australien',
      'Vereinigte Staaten',
      'Vereinigtes Königreich',
    ]);
  });

  it('prints the list as a table, marking the dates still to come', async () => {
    await setAvailability(t.db, 'GB', day('2013-03-21'));
    await setAvailability(t.db, 'NP', day('2026-12-01'));
    await setAvailability(t.db, 'FR', day('2026-03-10')); // today: 00:00 UTC has passed at NOW
    const table = formatAvailabilityTable(await listAvailability(t.db), NOW);
    expect(table).toBe(
      [
        'Code  Country or region  Available from',
        'GB    United Kingdom     2013-03-21',
        'FR    France             2026-03-10',
        'NP    Nepal              2026-12-01      scheduled',
        '',
        '3 countries and regions, 1 of them scheduled',
      ].join('\n'),
    );
    expect(formatAvailabilityTable([], NOW)).toContain('No country or region is on the list');
  });

  it('runs add: new, moved and unchanged, and today (UTC) when no date is given', async () => {
    const add = (code: string, from: Date | null, now = NOW) => runCountriesCommand(t.db, { command: 'add', code, from }, { now });
    expect(await add('NP', day('2014-01-01'))).toEqual({
      exitCode: 0,
      stdout: ['Nepal (NP): two-step verification available from 2014-01-01 (new)'],
      stderr: [],
    });
    expect((await add('NP', day('2026-12-01'))).stdout).toEqual([
      'Nepal (NP): two-step verification available from 2026-12-01 (was 2014-01-01)',
    ]);
    expect((await add('NP', day('2026-12-01'))).stdout).toEqual([
      'Nepal (NP): two-step verification available from 2026-12-01 (unchanged)',
    ]);
    // 23:30 in New York on 10 March is already 11 March in UTC: the UTC day, so the country is
    // offered at once (the local day's 00:00 UTC could still be ahead east of UTC).
    const late = new Date('2026-03-10T23:30:00-05:00');
    expect(startOfUtcDay(late)).toEqual(day('2026-03-11'));
    expect((await add('BT', null, late)).stdout).toEqual(['Bhutan (BT): two-step verification available from 2026-03-11 (new)']);
    expect(await offeredAt(late)).toEqual(['BT']); // NP is scheduled for December
  });

  it('runs remove: gone, or exit 1 with a message when it was not listed', async () => {
    await setAvailability(t.db, 'GB', day('2013-03-21'));
    await setAvailability(t.db, 'NP', day('2014-01-01'));
    const remove = (code: string) => runCountriesCommand(t.db, { command: 'remove', code }, { now: NOW });
    expect(await remove('NP')).toEqual({
      exitCode: 0,
      stdout: ['Nepal (NP): removed; two-step verification is no longer offered there'],
      stderr: [],
    });
    expect(await remove('NP')).toEqual({ exitCode: 1, stdout: [], stderr: ['Nepal (NP) is not on the list: nothing removed'] });
    // The last one: the app refills an empty table at its next start, and the operator is told.
    const last = await remove('GB');
    expect(last.exitCode).toBe(0);
    expect(last.stderr.join('\n')).toContain('the list is now empty');
  });

  it('runs list, and help', async () => {
    await setAvailability(t.db, 'NP', day('2026-12-01'));
    const list = await runCountriesCommand(t.db, { command: 'list' }, { now: NOW });
    expect(list.exitCode).toBe(0);
    expect(list.stdout.join('\n')).toMatch(/^NP {4}Nepal +2026-12-01 +scheduled$/m);
    expect((await runCountriesCommand(t.db, { command: 'help' }, { now: NOW })).stdout.join('\n')).toContain('Usage: npm run countries');
  });

  it('a country added is offered by the query the page runs, from its date on, with no code change', async () => {
    await setAvailability(t.db, 'GB', day('2013-03-21'));
    expect(await offeredAt(NOW)).toEqual(['GB']);
    await runCountriesCommand(t.db, { command: 'add', code: 'NP', from: null }, { now: NOW });
    await runCountriesCommand(t.db, { command: 'add', code: 'BT', from: day('2026-12-01') }, { now: NOW });
    expect(await offeredAt(NOW)).toEqual(['GB', 'NP']);
    expect(await offeredAt(day('2026-12-01'))).toEqual(['BT', 'GB', 'NP']);
    await runCountriesCommand(t.db, { command: 'remove', code: 'GB' }, { now: NOW });
    expect(await offeredAt(NOW)).toEqual(['NP']);
  });
});
