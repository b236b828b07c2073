// Writes a new migration for both engines: `npm run db:migration -- <name>`.
// `prisma migrate dev` does not work with driver adapters, so the SQL comes from
// `prisma migrate diff` between the datamodel of the last migration (kept beside it as
// schema.prisma) and the current one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSchemas, PROVIDERS } from './db-schemas.mjs';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <name in lower_snake_case>');
  process.exit(1);
}
writeSchemas();
const URLS = { sqlite: 'file:./data/migration-scratch.db', postgresql: process.env.TEST_POSTGRES_URL };

for (const provider of PROVIDERS) {
  const dir = join('prisma/migrations', provider);
  mkdirSync(dir, { recursive: true });
  const previous = readdirSync(dir)
    .filter((d) => /^\d{4}_/.test(d))
    .sort();
  const last = previous.at(-1);
  const from = last ? ['--from-schema-datamodel', join(dir, last, 'schema.prisma')] : ['--from-empty'];
  if (provider === 'postgresql' && !URLS.postgresql) {
    console.error('Set TEST_POSTGRES_URL (see .ci/postgres.sh): the PostgreSQL diff needs a server.');
    process.exit(1);
  }
  const sql = execFileSync(
    'npx',
    ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', join('prisma', provider, 'schema.prisma'), '--script'],
    { env: { ...process.env, DATABASE_URL: URLS[provider] }, encoding: 'utf8' },
  );
  const number = String(previous.length + 1).padStart(4, '0');
  const target = join(dir, `${number}_${name}`);
  if (existsSync(target)) throw new Error(`${target} exists`);
  mkdirSync(target);
  writeFileSync(join(target, 'migration.sql'), sql);
  copyFileSync(join('prisma', provider, 'schema.prisma'), join(target, 'schema.prisma'));
  console.log(`wrote ${target}/migration.sql`);
}
