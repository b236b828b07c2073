// Shared by `npm start` and `npm test`: run a command or stop, install dependencies and generate
// the database clients when missing. Plain JavaScript: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

export const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

export function ensureInstalled() {
  if (!existsSync('node_modules/.package-lock.json') || mtime('package-lock.json') > mtime('node_modules/.package-lock.json')) {
    console.log('Installing dependencies…');
    // better-sqlite3 has no prebuilt binary this offline machine can fetch, so node-gyp compiles it
    // (most of the install's time): JOBS=max lets make build its C and C++ parts side by side.
    run('npm', ['install', '--no-audit', '--no-fund'], { ...process.env, JOBS: process.env.JOBS ?? 'max' });
  }
  const generated = Math.min(mtime('src/generated/sqlite/client.ts'), mtime('src/generated/postgresql/client.ts'));
  if (mtime('prisma/datamodel.prisma') > generated) run(process.execPath, ['scripts/db-generate.mjs']);
}

/** Newest modification time of the files under the given paths. */
function newest(paths) {
  let latest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== 'node_modules' && entry !== '.next') visit(join(p, entry));
    } else latest = Math.max(latest, s.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

/** `next build`, unless nothing it reads changed since the last build. */
export function buildIfChanged(env) {
  const sources = newest(['app', 'src', 'next.config.js', 'package-lock.json', 'tsconfig.json']);
  if (sources <= mtime('.next/BUILD_ID')) return;
  console.log('Building the app…');
  run('npx', ['next', 'build'], { ...env, NEXT_TELEMETRY_DISABLED: '1' });
}
