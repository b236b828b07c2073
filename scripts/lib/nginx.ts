// nginx in front of several instances, for the end-to-end test of several instances
// (e2e-instances/) and `npm run bench -- --only instances`: renders the shipped site file
// (deploy/nginx/two-step.conf) and runs Debian's nginx unprivileged-style from a temporary
// prefix (its pid, logs and temporary files in that folder), in the foreground, on loopback.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const TEMPLATE = join(import.meta.dirname, '..', '..', 'deploy', 'nginx', 'two-step.conf');

export interface SiteOptions {
  listen: string;
  instances: string[];
  serverName?: string;
  accessLog: string;
  /** Lines added inside `location / { }`, for a test's own purposes (e.g. a header naming the instance). */
  extraInLocation?: string[];
  /** Lines added inside `server { }`. */
  extraInServer?: string[];
}

/**
 * The site file rendered as envsubst would (only the TWO_STEP_ variables). More instances than the
 * template's two: the `server ${TWO_STEP_INSTANCE_n}` line is repeated; fewer: dropped.
 */
export function renderSite(o: SiteOptions): string {
  const lines = readFileSync(TEMPLATE, 'utf8').split('\n');
  const comment = (l: string) => l.trimStart().startsWith('#');
  const first = lines.findIndex((l) => !comment(l) && l.includes('${TWO_STEP_INSTANCE_1}'));
  if (first < 0) throw new Error(`${TEMPLATE}: no \${TWO_STEP_INSTANCE_1}`);
  const isInstance = (l: string) => !comment(l) && /\$\{TWO_STEP_INSTANCE_\d+\}/.test(l);
  let text = lines
    .flatMap((l, i) => (i === first ? o.instances.map((at) => l.replace('${TWO_STEP_INSTANCE_1}', at)) : isInstance(l) ? [] : [l]))
    .join('\n');
  const vars: Record<string, string> = {
    TWO_STEP_LISTEN: o.listen,
    TWO_STEP_SERVER_NAME: o.serverName ?? 'localhost',
    TWO_STEP_ACCESS_LOG: o.accessLog,
  };
  text = text.replace(/\$\{(TWO_STEP_[A-Z_0-9]+)\}/g, (all, name: string) => vars[name] ?? all);
  if (text.split('\n').some((l) => !comment(l) && l.includes('${TWO_STEP_')))
    throw new Error(`${TEMPLATE}: a variable was left unrendered`);
  const insert = (after: string, lines: string[] | undefined) => {
    if (!lines?.length) return;
    if (!text.includes(after)) throw new Error(`${TEMPLATE}: no "${after.trim()}"`);
    text = text.replace(after, `${after}${lines.map((l) => `        ${l}\n`).join('')}`);
  };
  insert('    location / {\n', o.extraInLocation);
  insert(`    server_name ${vars.TWO_STEP_SERVER_NAME};\n`, o.extraInServer);
  return text;
}

/** The whole nginx.conf of a run from `prefix`: what Debian's /etc/nginx/nginx.conf gives, in that folder. */
export function mainConfig(prefix: string, site: string): string {
  return [
    ...(process.getuid?.() === 0 ? ['user root;'] : []), // workers read the root-owned temporary folder
    'worker_processes 1;',
    `pid ${join(prefix, 'nginx.pid')};`,
    `error_log ${join(prefix, 'error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    `    access_log ${join(prefix, 'access.log')};`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${join(prefix, `${t}_temp`)};`),
    site,
    '}',
    '',
  ].join('\n');
}

export interface RunningNginx {
  url: string;
  prefix: string;
  stop(): Promise<void>;
}

/** Starts nginx with this site from `prefix` (created if missing); resolves once it answers. */
export async function startNginx(
  prefix: string,
  site: Omit<SiteOptions, 'accessLog'>,
  opts: { readyPath?: string } = {},
): Promise<RunningNginx> {
  mkdirSync(prefix, { recursive: true });
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, mainConfig(prefix, renderSite({ ...site, accessLog: join(prefix, 'two-step.access.log') })));
  const args = ['-p', prefix, '-e', join(prefix, 'error.log'), '-c', conf];
  const check = spawnSync(NGINX, [...args, '-t'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t refused ${conf}:\n${check.stderr}`);
  const child: ChildProcess = spawn(NGINX, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://${site.listen}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGQUIT'); // graceful: finishes the requests in flight
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${stderr}`);
    if (
      await fetch(`${url}${opts.readyPath ?? '/'}`).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      break;
    if (i >= 100) {
      await stop();
      throw new Error(`nginx did not answer at ${url} within 20 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, prefix, stop };
}
