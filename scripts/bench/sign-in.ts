// Goal 2: sign-in against the bcrypt limit measured in the same run (cost 12 compares per second
// with 2 in flight, here in the bench process while the server is idle).
//   (a) the three server-action POSTs (password, device + Send Code, code) at 8 users;
//   (b) the browser flow with its page loads, as Chromium does it (GET /sign-in, then the three
//       POSTs, whose answers carry the verify page and /account) at 8 users, and server CPU per
//       sign-in;
//   (c) the browser flow at 32 users: p95, event-loop delay p99, refusals ("try again");
//   (d) in process, the domain functions alone, 2 in flight (in-process.ts).
// Every user is a distinct account (its own phone) from its own client address (TRUST_PROXY),
// so no throttle or code limit interferes, and every sign-in must end signed in on /account.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import bcrypt from 'bcrypt';
import type { Standins } from '../../dev/standins/server.ts';
import type { Server } from './harness.ts';
import { appleIdOf, BENCH_PASSWORD, benchPasswordHash, phoneOf } from './seed.ts';
import { sessionCookieName } from './cookies.ts';
import { median } from './load.ts';

/** The id of a server action in this build, by its exported name (the build's own manifest). */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in .next: build first`);
  return found[0];
}

/** Accounts handed out one by one: a sign-in never reuses an account (code limits are per account). */
export class AccountPool {
  constructor(
    private prefix: string,
    private next: number,
    private end: number,
    private phoneBase: number,
  ) {}
  take(): { appleId: string; phone: string } {
    if (this.next >= this.end) throw new Error('the bench ran out of seeded accounts for sign-ins');
    const i = this.next++;
    return { appleId: appleIdOf(this.prefix, i), phone: phoneOf(this.phoneBase + i) };
  }
}

/** Why a sign-in did not finish: refused to come back later (load shedding) or failed. */
export class Refused extends Error {}

/** The newest code texted to `phone` (the stand-in runs in this process). */
export async function codeFor(standins: Standins, phone: string, after: number): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const sms = standins.twilio.messages().find((m) => m.to === phone && Date.parse(m.createdAt) >= after - 1000);
    const code = sms?.body.match(/\b(\d{4,8})\b/)?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no code texted to ${phone}`);
}

let address = 0;
/** A client address of its own for each simulated user (TEST-NET-2/3 and beyond, never routed). */
const nextAddress = () => {
  const n = address++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

const pageSnippet = (html: string, near: string) => {
  const at = html.indexOf(near);
  return at < 0 ? `no ${near}` : html.slice(Math.max(0, at - 150), at + 150);
};

export interface Flow {
  /** Requests of one sign-in; resolves when it is signed in, throws Refused or Error otherwise. */
  (user: { appleId: string; phone: string }): Promise<void>;
}

export function signInFlows(server: Server, standins: Standins) {
  const ids = { password: actionId('signInAction'), send: actionId('askAction'), check: actionId('proveAction') };
  const cookieName = sessionCookieName(server.env);
  const base = server.base;

  // `bound`: the arguments the page bound to the action (the second step's purpose, 'sign-in', and
  // for the check the app's interaction, null outside an app's sign-in), which the browser sends
  // before the form's previous state and data.
  async function post(
    path: string,
    action: string,
    fields: Record<string, string>,
    headers: Record<string, string>,
    bound: Array<string | null> = [],
  ) {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(`_1_${k}`, v);
    body.set('0', JSON.stringify([...bound, {}, '$K1']));
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: { 'next-action': action, accept: 'text/x-component', origin: base, ...headers },
    });
    const text = await res.text();
    if (res.status === 503 || res.status === 429) throw new Refused(`${res.status}`);
    if (res.status >= 400) throw new Error(`POST ${path} answered ${res.status}`);
    return { res, text };
  }
  async function get(path: string, headers: Record<string, string>, mustContain: string) {
    const res = await fetch(`${base}${path}`, { redirect: 'manual', headers });
    const text = await res.text();
    if (res.status === 503 || res.status === 429) throw new Refused(`${res.status}`);
    if (res.status !== 200 || !text.includes(mustContain)) throw new Error(`GET ${path} answered ${res.status}, not the page`);
    return text;
  }
  const sessionFrom = (res: Response) =>
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${cookieName}=`))
      ?.split(';')[0];
  const refusedOrFailed = (step: string, text: string): Error =>
    /try again|busy/i.test(text) && !/incorrect/i.test(text)
      ? new Refused(step)
      : new Error(`${step}: not signed in (${text.slice(0, 200)})`);

  // The browser flow is what Chromium does with JavaScript on: it loads /sign-in, then each form
  // is a server action whose answer already carries the next page (Next.js renders the target of
  // a redirect into the action's answer), so the verify page and /account are not loaded again.
  // The flow checks that they really came with the answers.
  async function flow(user: { appleId: string; phone: string }, browser: boolean): Promise<void> {
    const from = { 'x-forwarded-for': nextAddress(), 'user-agent': 'Mozilla/5.0 (bench) Safari/605.1.15' };
    if (browser) await get('/sign-in', from, 'Manage your account.');
    const pw = await post('/sign-in', ids.password, { appleId: user.appleId, password: BENCH_PASSWORD }, from);
    const pending = sessionFrom(pw.res);
    if (!pending || !/\/sign-in\/verify/.test(pw.res.headers.get('x-action-redirect') ?? '')) throw refusedOrFailed('password', pw.text);
    const withPending = { ...from, cookie: pending };
    const deviceId = devices.get(user.phone);
    if (!deviceId) throw new Error(`no trusted device known for ${user.phone}`);
    if (browser && !pw.text.includes(deviceId))
      throw new Error(`the password's answer did not carry the verify page with the device list (${pageSnippet(pw.text, 'Verify')})`);
    const sentAt = Date.now();
    const sent = await post('/sign-in/verify', ids.send, { trustedDeviceId: deviceId }, withPending, ['sign-in']);
    if (!sent.text.includes('We sent a code')) throw refusedOrFailed('send code', sent.text);
    const code = await codeFor(standins, user.phone, sentAt);
    const checked = await post('/sign-in/verify', ids.check, { trustedDeviceId: deviceId, code }, withPending, ['sign-in', null]);
    const session = sessionFrom(checked.res);
    if (!session || !/\/account/.test(checked.res.headers.get('x-action-redirect') ?? '')) throw refusedOrFailed('code', checked.text);
    if (browser && !checked.text.includes('Manage your account'))
      throw new Error(`the code's answer did not carry /account (${checked.text.slice(0, 200)})`);
    // Every sign-in must really be signed in: checked after the clock, with the session it made.
    toCheck.push(session);
  }
  const devices = new Map<string, string>();
  const toCheck: string[] = [];
  return {
    /** The trusted device ids of the accounts the action-only flow will use (the browser reads them from the page). */
    async knowDevices(rows: Array<{ id: string; phoneNumber: string | null }>) {
      for (const r of rows) if (r.phoneNumber) devices.set(r.phoneNumber, r.id);
    },
    actionsOnly: (user: { appleId: string; phone: string }) => flow(user, false),
    browser: (user: { appleId: string; phone: string }) => flow(user, true),
    /**
     * Opens /account with the sessions the action-only flow made (all, or every `every`-th when
     * they are thousands); throws if one is not signed in.
     */
    async checkSessions(every = 1) {
      const sessions = toCheck.splice(0);
      for (let i = 0; i < sessions.length; i += every) await get('/account', { cookie: sessions[i]! }, '<h1>Manage your account</h1>');
      return Math.ceil(sessions.length / every);
    },
  };
}

export interface FlowResult {
  done: number;
  refused: number;
  failed: number;
  firstFailure?: string;
  perSecond: number;
  p50: number;
  p95: number;
  cpuMsPerSignIn: number;
  loopDelayP99: number;
}

/**
 * `users` simulated users doing `flow` back to back for `seconds` (no new sign-in starts after
 * that), or until `count` sign-ins were started.
 */
export async function runUsers(
  server: Server,
  pool: AccountPool,
  flow: Flow,
  users: number,
  limit: { seconds: number } | { count: number },
): Promise<FlowResult> {
  await server.snapshot();
  let started = 0;
  const more = () => ('count' in limit ? started++ < limit.count : performance.now() < until);
  const times: number[] = [];
  const ends: number[] = [];
  let refused = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  const start = performance.now();
  const until = start + ('seconds' in limit ? limit.seconds : 0) * 1000;
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (more()) {
        const t0 = performance.now();
        try {
          await flow(pool.take());
          const t1 = performance.now();
          times.push(t1 - t0);
          ends.push(t1);
        } catch (e) {
          if (e instanceof Refused) refused++;
          else {
            failed++;
            firstFailure ??= (e as Error).message;
          }
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const probe = await server.snapshot();
  // With a time limit, the rate counts only what ended in the last three quarters of it, when
  // every user was busy: neither the start (nothing ends yet) nor the tail (fewer users) counts.
  const from = start + (until - start) / 4;
  const perSecond =
    'seconds' in limit ? ends.filter((t) => t >= from && t <= until).length / ((until - from) / 1000) : times.length / elapsed;
  const sorted = [...times].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return {
    done: times.length,
    refused,
    failed,
    firstFailure,
    perSecond,
    p50: pct(50),
    p95: pct(95),
    cpuMsPerSignIn: probe.cpuMs / Math.max(1, times.length),
    loopDelayP99: probe.loopDelay.p99,
  };
}

export interface BcryptLimit {
  perSecond: number;
  cpuMsPerCompare: number;
}

/** bcrypt cost-12 compares per second with 2 in flight, and the CPU of one, in this process. */
export async function bcryptLimit(seconds: number): Promise<BcryptLimit> {
  const hash = await benchPasswordHash(12);
  const { createHash } = await import('node:crypto');
  // The same prehash as src/accounts/passwords.ts (verifySecret), so it is the same compare.
  const prehashed = createHash('sha256').update(BENCH_PASSWORD.normalize('NFKC'), 'utf8').digest('base64');
  let count = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const until = start + seconds * 1000;
  await Promise.all(
    [0, 1].map(async () => {
      while (performance.now() < until) {
        if (!(await bcrypt.compare(prehashed, hash))) throw new Error('bcrypt: the bench password does not match its hash');
        count++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { perSecond: count / elapsed, cpuMsPerCompare: (cpu.user + cpu.system) / 1000 / count };
}

export { median };
