// Generates the Prisma client of each engine from the one datamodel (see db-schemas.mjs).
// Offline: the JavaScript engine is used, no binary is downloaded.
import { execFileSync } from 'node:child_process';
import { writeSchemas } from './db-schemas.mjs';

writeSchemas();
// The URL only selects the engine in prisma.config.ts; nothing connects to it.
const URLS = { sqlite: 'file:./data/generate.db', postgresql: 'postgresql://generate@127.0.0.1:1/generate' };
for (const [engine, url] of Object.entries(URLS)) {
  execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  console.log(`generated the ${engine} database client`);
}
