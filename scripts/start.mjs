#!/usr/bin/env node
// `npm start` on a fresh clone: installs what is missing and generates the database clients,
// then scripts/local.ts migrates and seeds the embedded SQLite database, builds the app when its
// sources changed, and serves it with the local SMS, mail and push stand-ins.
// Plain JavaScript: it runs before anything is installed. Later runs skip what is done.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled, run } from './lib/bootstrap.mjs';

process.chdir(join(fileURLToPath(import.meta.url), '..', '..'));
ensureInstalled();
run('npx', ['tsx', 'scripts/local.ts']);
