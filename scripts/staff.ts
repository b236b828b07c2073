// `npm run staff -- add EMAIL [--name "Display Name"] [--password-stdin] | list | remove EMAIL | reset-factor EMAIL`:
// the operator's command for support staff. The logic is in src/support/staff-admin.ts; this file
// is the process around it: which database, migrations, standard input, printing, exit code
// (0 done, 1 failed, 2 bad arguments). It needs no standard input unless --password-stdin is given.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createDb, type Db } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { systemClock } from '../src/clock.ts';
import { parseStaffCommand, runStaffCommand, STAFF_USAGE } from '../src/support/staff-admin.ts';

// Run from the project root, as the app is, so a relative SQLite URL names the app's own file.
process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const parsed = parseStaffCommand(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`staff: ${parsed.error}\n\n${STAFF_USAGE}`);
  process.exit(2);
}

if (existsSync('.env')) process.loadEnvFile('.env');
// Only what this command uses, checked as src/config.ts checks it (not config(): an operator's
// shell need not have the session secret or the SMS and mail settings).
const env = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, 'DATABASE_URL must start with file: or postgresql://')
      .default('file:./data/dev.db'),
    BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(`staff: ${env.error.issues[0]!.message}`);
  process.exit(1);
}

async function readFirstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

let db: Db | undefined;
try {
  const stdinPassword = parsed.command.command === 'add' && parsed.command.passwordStdin ? await readFirstLine() : undefined;
  await migrate(env.data.DATABASE_URL, { log: (line) => console.error(line) });
  db = createDb(env.data.DATABASE_URL);
  const outcome = await runStaffCommand({ db, clock: systemClock, bcryptCost: env.data.BCRYPT_COST }, parsed.command, stdinPassword);
  for (const line of outcome.stdout) console.log(line);
  for (const line of outcome.stderr) console.error(line);
  process.exitCode = outcome.exitCode;
} catch (e) {
  console.error(`staff: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await db?.$disconnect();
}
