// `npm run apps -- add NAME --redirect-uri URI [...] | list | remove CLIENT_ID | rotate-keys`: the
// operator's command for the apps that sign people in through the portal. The logic is in
// src/oidc/apps-admin.ts; this file is the process around it: which database, migrations,
// printing, exit code (0 done, 1 failed, 2 bad arguments).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createDb, type Db } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { systemClock } from '../src/clock.ts';
import { APPS_USAGE, parseAppsCommand, runAppsCommand } from '../src/oidc/apps-admin.ts';

// Run from the project root, as the app is, so a relative SQLite URL names the app's own file.
process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const parsed = parseAppsCommand(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`apps: ${parsed.error}\n\n${APPS_USAGE}`);
  process.exit(2);
}

if (existsSync('.env')) process.loadEnvFile('.env');
// Only what this command uses (not config(): an operator's shell need not have the session secret
// or the SMS and mail settings). The key is checked by rotate-keys, the only command that needs it.
const env = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, 'DATABASE_URL must start with file: or postgresql://')
      .default('file:./data/dev.db'),
    APP_URL: z.url('APP_URL must be the portal\u2019s public address, such as https://appleid.example').default('http://localhost:3000'),
    OIDC_KEY_ENCRYPTION_KEY: z.string().optional(),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(`apps: ${env.error.issues[0]!.message}`);
  process.exit(1);
}
// `npm start` generates the key into data/oidc-key (scripts/local.ts) rather than .env.
const KEY_FILE = 'data/oidc-key';
const keyEncryptionKey = env.data.OIDC_KEY_ENCRYPTION_KEY || (existsSync(KEY_FILE) ? readFileSync(KEY_FILE, 'utf8').trim() : undefined);

let db: Db | undefined;
try {
  await migrate(env.data.DATABASE_URL, { log: (line) => console.error(line) });
  db = createDb(env.data.DATABASE_URL);
  const outcome = await runAppsCommand({ db, clock: systemClock, appUrl: env.data.APP_URL, keyEncryptionKey }, parsed.command);
  for (const line of outcome.stdout) console.log(line);
  for (const line of outcome.stderr) console.error(line);
  process.exitCode = outcome.exitCode;
} catch (e) {
  console.error(`apps: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await db?.$disconnect();
}
