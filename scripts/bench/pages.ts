// Goal 1: signed-in pages against a page that reads no data (/sign-in without a cookie), at 10 and
// 50 connections, medians of interleaved rounds; every answer must be 200 and the page itself.
// Goal 4's second half: the first and the last page of a 1,000-event activity list.
import { performance } from 'node:perf_hooks';
import type { Db } from '../../src/db/client.ts';
import type { Server } from './harness.ts';
import { interleaved, load, median, type LoadResult, type Target } from './load.ts';
import { sessionCookie } from './cookies.ts';
import { seedAppPasswords, signedInTokens } from './seed.ts';
import { addRow, ms, perS } from './table.ts';

export interface PageOptions {
  seconds: number;
  rounds: number;
  engineLabel: string;
}

export const FLOOR: Target = { name: '/sign-in (reads no data)', path: '/sign-in', mustContain: 'Manage your account.' };
const PAGES = [
  { name: '/account/security', path: '/account/security', mustContain: 'id="activity-heading"' },
  { name: 'Trusted Devices', path: '/account/security/devices', mustContain: '<h1>Trusted Devices</h1>' },
  { name: 'Manage (two-step)', path: '/account/security/two-step', mustContain: 'data-testid="two-step-since"' },
];

/** Fresh sessions for these accounts (a code entered just now, so pages behind a fresh code open too). */
async function cookiesFor(db: Db, server: Server, accountIds: string[]): Promise<string[]> {
  const tokens = await signedInTokens(db, accountIds);
  return Promise.all(tokens.map((t) => sessionCookie(t, server.env)));
}

/** A plain GET that must answer 200 with `mustContain` in the page. */
export async function checkPage(server: Server, path: string, cookie: string | undefined, mustContain: string): Promise<string> {
  const res = await fetch(`${server.base}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  const body = await res.text();
  if (res.status !== 200 || !body.includes(mustContain)) {
    throw new Error(
      `GET ${path} answered ${res.status}${res.headers.get('location') ? ` → ${res.headers.get('location')}` : ''}, not the page (${mustContain} missing)`,
    );
  }
  return body;
}

export async function benchPages(db: Db, server: Server, pageAccounts: string[], opts: PageOptions): Promise<void> {
  await seedAppPasswords(db, pageAccounts);
  for (const connections of [10, 50]) {
    const cookies = await cookiesFor(db, server, pageAccounts.slice(0, connections));
    const targets: Target[] = [FLOOR, ...PAGES.map((p) => ({ ...p, cookies }))];
    for (const t of targets) {
      await checkPage(server, t.path, t.cookies?.[0], t.mustContain);
      // Warm-up, not measured: compiled code, caches, the connection pool. It also tells the
      // latency at this many connections: a round lasts at least 4 of them (at most 30 s), else
      // the requests still under way at its end (not counted) would be a large share.
      const start = performance.now();
      await Promise.all(
        Array.from({ length: connections }, (_, i) => checkPage(server, t.path, t.cookies?.[i % t.cookies.length], t.mustContain)),
      );
      const latency = (performance.now() - start) / 1000;
      t.seconds = Math.min(30, Math.max(opts.seconds, Math.ceil(4 * latency)));
    }
    const results = await interleaved(server, targets, connections, opts.seconds, opts.rounds);
    const floor = results.get(FLOOR.name)!;
    const lengths = targets.map((t) => t.seconds ?? opts.seconds);
    addRow({
      what: `${opts.engineLabel} ${FLOOR.name}, ${connections} conn.`,
      figure: figure(floor),
      limit: `rounds of ${Math.min(...lengths)}-${Math.max(...lengths)} s`,
    });
    for (const p of PAGES) {
      const r = results.get(p.name)!;
      addRow({
        what: `${opts.engineLabel} ${p.name}, ${connections} conn.: req/s`,
        figure: figure(r),
        limit: perS(floor.rps),
        ratio: r.rps / floor.rps,
        goal: ['>=', 0.5],
      });
      if (connections === 50)
        addRow({
          what: `${opts.engineLabel} ${p.name}, 50 conn.: p99`,
          figure: ms(r.p99),
          limit: ms(floor.p99),
          ratio: r.p99 / floor.p99,
          goal: ['<', 2],
        });
    }
    if (connections === 10) {
      const security = results.get(PAGES[0]!.name)!;
      addRow({
        what: `${opts.engineLabel} server CPU per /account/security`,
        figure: ms(security.cpuMsPerRequest),
        limit: `${ms(floor.cpuMsPerRequest)} per /sign-in`,
      });
    }
  }
}

const figure = (r: LoadResult) => `${perS(r.rps)}, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}`;

/** The href of the page's own link to older activity (rel="next"), whatever URL scheme it uses. */
function nextLink(html: string): string | null {
  const anchor = [...html.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]).find((a) => /\brel="next"/.test(a));
  const href = anchor?.match(/\bhref="([^"]+)"/)?.[1];
  return href ? href.replace(/&amp;/g, '&') : null;
}

/** The first and the last page of one account's long activity list, found by following its own links. */
export async function benchActivityPages(db: Db, server: Server, accountId: string, opts: PageOptions): Promise<void> {
  const [cookie] = await cookiesFor(db, server, [accountId]);
  const mustContain = 'id="activity-heading"';
  let path = '/account/security';
  let html = await checkPage(server, path, cookie, mustContain);
  let followed = 0;
  for (let next = nextLink(html); next && followed < 500; next = nextLink(html)) {
    path = next;
    html = await checkPage(server, path, cookie, mustContain);
    followed++;
  }
  if (followed === 0) throw new Error('the activity list has no link to older events: is the long list seeded?');
  const first: Target = { name: 'first', path: '/account/security', cookies: [cookie!], mustContain };
  const last: Target = { name: 'last', path, cookies: [cookie!], mustContain };
  const connections = 10;
  const rps: Record<string, number[]> = { first: [], last: [] };
  for (let r = 0; r < opts.rounds; r++) {
    for (const t of [first, last]) {
      const r = await load(server, t, connections, opts.seconds);
      if (r.bad > 0) throw new Error(`activity page ${t.path}: ${r.bad} answers were not the page`);
      rps[t.name]!.push(r.rps);
    }
  }
  const f = median(rps.first!);
  const l = median(rps.last!);
  addRow({
    what: `${opts.engineLabel} activity list of 1,000 events: last page (${followed + 1}) vs first, 10 conn.`,
    figure: perS(l),
    limit: perS(f),
    ratio: l / f,
    goal: ['>=', 0.9],
  });
}
