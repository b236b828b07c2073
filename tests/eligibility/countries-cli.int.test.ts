// The real command, as an operator runs it (`npm run countries` is tsx scripts/countries.ts): a
// child process, node with the tsx loader (no npx start-up per run),
// against the database named by DATABASE_URL (the test database of this run's engine, and a SQLite
// file that does not exist yet).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { AVAILABILITY_SEED } from '../../src/eligibility/countries.ts';
import { formatDay } from '../../src/eligibility/availability-admin.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TIMEOUT = 90_000; // a few tsx start-ups per test

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function countries(databaseUrl: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/countries.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// npm may warn on stderr about the machine's npm config; the command's own lines are what count.
const ownLines = (s: string) => s.split('\n').filter((l) => l && !l.startsWith('npm warn'));

describe('npm run countries', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());

  it(
    'fills an empty list with the seed, then lists it',
    async () => {
      const r = await countries(t.url, 'list');
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`filled it with Apple's ${AVAILABILITY_SEED.length} countries and regions`);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^Code +Country or region +Available from$/);
      expect(lines[1]).toMatch(/^AU +Australia +2013-03-21$/); // the first wave, by name
      expect(lines.at(-1)).toBe(`${AVAILABILITY_SEED.length} countries and regions, 0 of them scheduled`);
      expect(await t.db.countryAvailability.count()).toBe(AVAILABILITY_SEED.length);
    },
    TIMEOUT,
  );

  it(
    'adds a country (lower-case code), moves its date, lists it as scheduled, removes it',
    async () => {
      let r = await countries(t.url, 'add', 'np', '--from', '2999-12-01');
      expect({ code: r.code, stdout: r.stdout }).toEqual({
        code: 0,
        stdout: 'Nepal (NP): two-step verification available from 2999-12-01 (new)\n',
      });
      expect(await t.db.countryAvailability.findUnique({ where: { countryCode: 'NP' } })).toEqual({
        countryCode: 'NP',
        availableFrom: new Date('2999-12-01T00:00:00.000Z'),
      });

      r = await countries(t.url, 'list');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^NP +Nepal +2999-12-01 +scheduled$/m);
      expect(r.stdout.trimEnd().split('\n').at(-3)).toMatch(/^NP /); // the latest date last (then a blank line and the count)
      expect(r.stdout).toContain(`${AVAILABILITY_SEED.length + 1} countries and regions, 1 of them scheduled`);

      // No --from: today, in UTC.
      const before = formatDay(new Date());
      r = await countries(t.url, 'add', 'NP');
      const after = formatDay(new Date());
      expect(r.code).toBe(0);
      expect([before, after].map((d) => `Nepal (NP): two-step verification available from ${d} (was 2999-12-01)\n`)).toContain(r.stdout);

      r = await countries(t.url, 'remove', 'NP');
      expect({ code: r.code, stdout: r.stdout }).toEqual({
        code: 0,
        stdout: 'Nepal (NP): removed; two-step verification is no longer offered there\n',
      });
      expect(await t.db.countryAvailability.findUnique({ where: { countryCode: 'NP' } })).toBeNull();

      r = await countries(t.url, 'remove', 'NP');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(ownLines(r.stderr)).toEqual(['Nepal (NP) is not on the list: nothing removed']);
    },
    TIMEOUT,
  );

  it(
    'refuses bad arguments with a message and the usage, exit 2, writing nothing',
    async () => {
      let r = await countries(t.url, 'add', 'XX', '--from', '2026-12-01');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('countries: "XX" is not a country or region code');
      expect(r.stderr).toContain('Usage: npm run countries');

      r = await countries(t.url, 'add', 'NP', '--from', '2026-02-30');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('countries: --from "2026-02-30" is not a date');

      r = await countries(t.url);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('countries: no command given');
      expect(await t.db.countryAvailability.findUnique({ where: { countryCode: 'NP' } })).toBeNull();
    },
    TIMEOUT,
  );

  it(
    'says what is wrong with an unusable DATABASE_URL, exit 1',
    async () => {
      const r = await countries('mysql://localhost/two_step', 'list');
      expect(r.code).toBe(1);
      expect(ownLines(r.stderr)).toEqual(['countries: DATABASE_URL must start with file: or postgresql://']);
    },
    TIMEOUT,
  );
});

describe('npm run countries on a new SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'two-step-countries-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'creates and migrates the database before it adds',
    async () => {
      const url = `file:${join(dir, 'new.db')}`;
      const r = await countries(url, 'add', 'BT', '--from', '2027-01-01');
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/applied migration 0001_/);
      expect(r.stdout).toBe('Bhutan (BT): two-step verification available from 2027-01-01 (new)\n');
      // Seeded first, so Bhutan joins Apple's list rather than becoming the only country.
      const list = await countries(url, 'list');
      expect(list.stderr).not.toMatch(/applied migration|filled it/);
      expect(list.stdout).toContain(`${AVAILABILITY_SEED.length + 1} countries and regions, 1 of them scheduled`);
    },
    TIMEOUT,
  );
});
