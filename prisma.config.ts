// Prisma CLI configuration. The CLI runs with the JavaScript engine and a driver adapter, so it
// downloads no engine binary (that fails offline). DATABASE_URL picks the engine: a
// postgresql:// URL selects PostgreSQL, anything else the embedded SQLite file.
// Migrations are applied by src/db/migrate.ts, not by `prisma migrate`.
import { defineConfig } from 'prisma/config';

const url = process.env.DATABASE_URL ?? 'file:./data/dev.db';
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: postgres ? 'prisma/postgresql/schema.prisma' : 'prisma/sqlite/schema.prisma',
  async adapter() {
    if (postgres) {
      const { PrismaPg } = await import('@prisma/adapter-pg');
      return new PrismaPg({ connectionString: url });
    }
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
    return new PrismaBetterSQLite3({ url });
  },
});
