// `npm run countries -- list | add XX [--from YYYY-MM-DD] | remove XX`: the operator's command for
// the list of countries and regions where two-step verification is available. The logic is in
// src/eligibility/availability-admin.ts; this file is the process around it: which database,
// migrations, printing, exit code (0 done, 1 failed, 2 bad arguments).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createDb, type Db } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { systemClock } from '../src/clock.ts';
import { seedCountryAvailability } from '../src/eligibility/countries.ts';
import { COUNTRIES_USAGE, parseCountriesCommand, runCountriesCommand } from '../src/eligibility/availability-admin.ts';

// Run from the project root, as the app is (scripts/start.mjs), so that a relative SQLite URL such
// as the default file:./data/dev.db names the app's own file, and the migrations are found.
process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const parsed = parseCountriesCommand(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`countries: ${parsed.error}\n\n${COUNTRIES_USAGE}`);
  process.exit(2);
}
if (parsed.command.command === 'help') {
  console.log(COUNTRIES_USAGE);
  process.exit(0);
}

// The same .env the app reads (scripts/local.ts); a variable already set in the environment wins.
if (existsSync('.env')) process.loadEnvFile('.env');
// Only DATABASE_URL, checked as src/config.ts checks it. Not config(): it also demands the session
// secret and the SMS and mail settings, which an operator's shell need not have and this does not use.
const databaseUrl = z
  .string()
  .regex(/^(file:|postgres(ql)?:\/\/)/, 'DATABASE_URL must start with file: or postgresql://')
  .default('file:./data/dev.db')
  .safeParse(process.env.DATABASE_URL);
if (!databaseUrl.success) {
  console.error(`countries: ${databaseUrl.error.issues[0]!.message}`);
  process.exit(1);
}

let db: Db | undefined;
try {
  // On stderr, so that stdout is only the answer (a script may read the table).
  await migrate(databaseUrl.data, { log: (line) => console.error(line) });
  db = createDb(databaseUrl.data);
  // As the app does at start (src/server/serve.ts): an empty table has never been filled. Without
  // this, "add NP" on a new database would leave Nepal the only country, since the app fills only
  // an empty table.
  if ((await db.countryAvailability.count()) === 0) {
    console.error(`the list was empty: filled it with Apple's ${await seedCountryAvailability(db)} countries and regions`);
  }
  // APP_URL only for the link in the "now offered" emails (as the app's own default).
  const outcome = await runCountriesCommand(db, parsed.command, {
    now: systemClock.now(),
    appUrl: process.env.APP_URL ?? 'http://localhost:3000',
  });
  for (const line of outcome.stdout) console.log(line);
  for (const line of outcome.stderr) console.error(line);
  process.exitCode = outcome.exitCode;
} catch (e) {
  // A database that cannot be reached or migrated: one line naming the problem, not a stack.
  console.error(`countries: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await db?.$disconnect();
}
