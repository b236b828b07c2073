// Sends malformed requests to a running portal and counts the answers of 500 and above: server
// actions called with the wrong argument shapes, unknown action ids, NUL and lone surrogates in
// multipart field names and values, bodies over the 1 MB limit (with and without Content-Length),
// and the route handlers with arbitrary credentials, tokens and bodies. The portal must answer every
// one with a 2xx, 3xx or 4xx. Deterministic for a seed.
//
//   import { fuzzServer } from './lib/fuzz-http.ts';
//   const r = await fuzzServer('http://localhost:3000', 500);   // { sent, serverErrors, byStatus, examples }
//
//   npx tsx scripts/lib/fuzz-http.ts http://localhost:3000 500   # prints "fuzz requests sent: 500, 5xx seen: 0"
import { NASTY_STRINGS } from './nasty-strings.ts';

export interface FuzzReport {
  sent: number;
  /** Answers with a status of 500 or more. */
  serverErrors: number;
  /** Requests the portal did not answer at all (a closed connection; all of them when nothing listens). */
  noAnswer: number;
  byStatus: Record<string, number>;
  /** Up to 20 requests that got a 5xx (or no answer at all), to reproduce. */
  examples: string[];
}

const PAGES = [
  '/',
  '/sign-in',
  '/create',
  '/forgot',
  '/reset',
  '/reset/recovery-key',
  '/account',
  '/account/security',
  '/account/security/devices',
  '/support',
];
// And the references of React's action encoding ($K form data, $@ promise, $Q map, $T temporary).
const NASTY = [...NASTY_STRINGS, '$K1', '$@1', '$undefined', '$Q2', '$T'];
const FIELDS = [
  'name',
  'label',
  'appleId',
  'email',
  'password',
  'confirmPassword',
  'currentPassword',
  'birthDate',
  'countryCode',
  'rescueEmail',
  'answer1',
  'question1',
  'trustedDeviceId',
  'registeredDeviceId',
  'appPasswordId',
  'phoneNumber',
  'code',
  'recoveryKey',
  'pin',
  'accept',
];
const ID_FIELDS = ['trustedDeviceId', 'registeredDeviceId', 'appPasswordId', 'deviceId', 'codeId', 'sessionId', 'appId', 'id'];
const BAD_IDS = ['a\u0000', '\u0000', 'x'.repeat(101), 'cm0000000000000000000000\u0000', '../x', '%00', '\ud800', ' ', ''];
const MB = 1024 * 1024;

/** mulberry32: a small seeded PRNG, so that a run can be repeated. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const text = (): string => {
    const parts: string[] = [];
    for (let i = int(4) + 1; i > 0; i--) {
      const r = next();
      if (r < 0.4) parts.push(pick(NASTY));
      else if (r < 0.7) parts.push(String.fromCharCode(...Array.from({ length: int(6) }, () => int(0x3000))));
      else if (r < 0.95) parts.push(pick(['Jane', 'Mail', 'jane@example.com', 'violet staircase 42', '1990-04-30', 'US', '1234']));
      else parts.push('x'.repeat(int(20_000)));
    }
    return parts.join('');
  };
  return { next, int, pick, text };
}

type Rng = ReturnType<typeof prng>;
/** Lone surrogates as U+FFFD: a URL cannot carry them. */
const wellFormed = (s: string) => s.replace(/\p{Cs}/gu, '\ufffd');
interface Planned {
  what: string;
  path: string;
  init: RequestInit & { duplex?: 'half' };
}

/** A multipart body written by hand, so that field names may hold any character (NUL included). */
function multipart(fields: Array<[string, string]>): { body: Uint8Array<ArrayBuffer>; type: string } {
  const boundary = `----fuzz${Math.random().toString(36).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, '%22')}"\r\n\r\n`, 'utf8'),
      Buffer.from(value, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: new Uint8Array(Buffer.concat(chunks)), type: `multipart/form-data; boundary=${boundary}` };
}

/** What React's encodeReply sends for (state, FormData): "0" is the argument list, "1_…" the form's fields. */
function actionArguments(r: Rng): Array<[string, string]> {
  const shapes = [
    () => [['0', JSON.stringify([{}, '$K1'])] as [string, string], ...formFields(r, '1_')],
    () => [['0', JSON.stringify([r.text(), r.text()])] as [string, string]],
    () => [['0', JSON.stringify([null, null, null])] as [string, string]],
    () => [['0', JSON.stringify([{}, { name: r.text() }])] as [string, string]],
    () => [['0', JSON.stringify([])] as [string, string]],
    () => [['0', r.text()] as [string, string]],
    () => [['0', JSON.stringify(['$K1', '$K1', '$K1'])] as [string, string], ...formFields(r, '1_')],
    () => formFields(r, ''),
    // The fields that name a row (a device, a code, an app password), holding what no id holds.
    () => [
      ['0', JSON.stringify([{}, '$K1'])] as [string, string],
      ...ID_FIELDS.map((f) => [`1_${f}`, r.pick(BAD_IDS)] as [string, string]),
    ],
  ];
  return r.pick(shapes)();
}

function formFields(r: Rng, prefix: string): Array<[string, string]> {
  return Array.from({ length: r.int(5) + 1 }, () => [prefix + (r.next() < 0.7 ? r.pick(FIELDS) : r.text()), r.text()] as [string, string]);
}

function plan(r: Rng, base: URL, actionIds: string[]): Planned {
  const origin = base.origin;
  const page = r.pick(PAGES);
  const id = actionIds.length ? r.pick(actionIds) : '7f'.padEnd(42, '0');
  const kind = r.int(10);
  const actionHeaders = (nextAction: string, type: string) => ({
    'next-action': nextAction,
    accept: 'text/x-component',
    origin,
    'content-type': type,
  });
  switch (kind) {
    case 0:
    case 1: {
      // A server action called by fetch, as the browser does, with arbitrary arguments.
      const { body, type } = multipart(actionArguments(r));
      return { what: `action ${id} (multipart)`, path: page, init: { method: 'POST', headers: actionHeaders(id, type), body } };
    }
    case 2: {
      // The arguments as one text body (encodeReply's string form), often not valid at all.
      const body = r.pick([
        JSON.stringify([{}, r.text()]),
        JSON.stringify(r.text()),
        '[1,2,3]',
        '{}',
        '',
        'not json',
        '["$K1"]',
        '["$Q1"]',
        '["$@1"]',
        '["$h1"]',
        r.text(),
      ]);
      return {
        what: `action ${id} (text ${JSON.stringify(body.slice(0, 40))})`,
        path: page,
        init: { method: 'POST', headers: actionHeaders(id, 'text/plain;charset=UTF-8'), body },
      };
    }
    case 3: {
      // An action id the portal does not have.
      const unknown = r.pick([
        r.int(2) ? 'ab'.repeat(21) : '00'.repeat(21),
        'x',
        '../../etc/passwd',
        'toString',
        '__proto__',
        'f'.repeat(200),
        encodeURIComponent(wellFormed(r.text())).slice(0, 100),
      ]);
      const { body, type } = multipart(actionArguments(r));
      return {
        what: `unknown action ${unknown.slice(0, 50)}`,
        path: page,
        init: { method: 'POST', headers: actionHeaders(unknown, type), body },
      };
    }
    case 4: {
      // A plain form post (no JavaScript), as React's hidden fields describe the action, with nasty field names.
      const fields: Array<[string, string]> = [
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', JSON.stringify({ id: r.int(4) ? id : 'ab'.repeat(21), bound: '$@1' })],
        ['$ACTION_1:1', r.pick(['[{}]', '[]', 'x', '[1,2]', JSON.stringify([r.text()])])],
        ['$ACTION_KEY', 'k0'],
        ...formFields(r, ''),
        ...(r.int(2) ? [[`a\u0000${r.pick(FIELDS)}`, 'nul in the name'] as [string, string]] : []),
      ];
      const { body, type } = multipart(r.int(4) ? fields : [[`$ACTION_ID_${id}`, ''], ...formFields(r, '')]);
      return { what: 'form post', path: page, init: { method: 'POST', headers: { origin, 'content-type': type }, body } };
    }
    case 5: {
      // Over the 1 MB limit: with a Content-Length, or streamed (chunked, no length).
      const size = MB + 300_000;
      if (r.int(2)) {
        const { body, type } = multipart([
          ['0', JSON.stringify([{}, '$K1'])],
          ['1_name', 'x'.repeat(size)],
        ]);
        return { what: `${body.length} bytes to an action`, path: page, init: { method: 'POST', headers: actionHeaders(id, type), body } };
      }
      const chunk = new Uint8Array(64 * 1024).fill(120);
      let left = Math.ceil(size / chunk.length);
      const stream = new ReadableStream<Uint8Array>({
        pull(c) {
          if (left-- > 0) c.enqueue(chunk);
          else c.close();
        },
      });
      const path = r.pick([page, '/api/app/whoami', '/dev/clock']);
      return {
        what: `${size} bytes streamed to ${path}`,
        path,
        init: { method: 'POST', headers: { ...actionHeaders(id, 'text/plain') }, body: stream, duplex: 'half' },
      };
    }
    case 6: {
      // The app's HTTP Basic endpoint with any credentials.
      const creds = Buffer.from(`${r.text()}:${r.text()}`).toString('base64');
      const authorization = r.pick([
        `Basic ${creds}`,
        `Basic ${r.text().replace(/[^\x20-\x7e]/g, '')}`,
        'Basic',
        'Bearer x',
        `basic ${creds}===`,
      ]);
      return {
        what: 'whoami',
        path: '/api/app/whoami',
        init: { method: r.pick(['GET', 'GET', 'POST', 'PUT', 'DELETE']), headers: { authorization } },
      };
    }
    case 7: {
      // The reset link and the dev clock with any token, content type and body.
      if (r.int(2))
        return { what: 'reset link', path: `/reset/open?token=${encodeURIComponent(wellFormed(r.text()))}`, init: { method: 'GET' } };
      const body = r.pick(['{"advanceSeconds":1e999}', '{"advanceSeconds":"1"}', '[]', 'null', r.text(), '{"advanceSeconds":-1}']);
      return {
        what: 'dev clock',
        path: '/dev/clock',
        init: {
          method: 'POST',
          headers: { 'content-type': r.pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded']) },
          body,
        },
      };
    }
    default: {
      // Pages with odd addresses and queries.
      const query = encodeURIComponent(wellFormed(r.text())).slice(0, 2000);
      const path = r.pick([
        `${page}?next=${query}`,
        `${page}?token=%00`,
        `/account/%00`,
        `/%ff%fe`,
        `/sign-in?x=%E0%A4%A`,
        `/${'a/'.repeat(200)}`,
        `${page}?${query}=${query}`,
      ]);
      return { what: 'page', path, init: { method: r.pick(['GET', 'GET', 'HEAD', 'POST', 'OPTIONS']), headers: { origin } } };
    }
  }
}

/** The server action ids the public pages carry in their forms (a no-JavaScript form names its action). */
export async function discoverActionIds(baseUrl: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const page of ['/sign-in', '/create', '/forgot', '/reset/recovery-key', '/support']) {
    const html = await fetch(new URL(page, baseUrl))
      .then((r) => r.text())
      .catch(() => '');
    for (const m of html.matchAll(/&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;|\$ACTION_ID_([0-9a-f]{40,})/g)) ids.add(m[1] ?? m[2]!);
  }
  return [...ids];
}

/**
 * Sends `n` malformed requests to the portal at `baseUrl`, `concurrency` at a time: as the browser
 * whose `cookie` is given (a signed-in or password-stage session), to `actionIds` (default: the
 * actions the public pages name).
 */
export async function fuzzServer(
  baseUrl: string,
  n: number,
  opts: { seed?: number; concurrency?: number; cookie?: string; actionIds?: string[] } = {},
): Promise<FuzzReport> {
  const base = new URL(baseUrl);
  const r = prng(opts.seed ?? 20130321);
  const actionIds = opts.actionIds ?? (await discoverActionIds(baseUrl));
  const report: FuzzReport = { sent: 0, serverErrors: 0, noAnswer: 0, byStatus: {}, examples: [] };
  const planned = Array.from({ length: n }, () => plan(r, base, actionIds));
  let next = 0;
  async function worker() {
    while (next < planned.length) {
      const p = planned[next++]!;
      let status: string;
      try {
        const headers = { ...(p.init.headers as Record<string, string> | undefined), ...(opts.cookie ? { cookie: opts.cookie } : {}) };
        const res = await fetch(new URL(p.path, base), { ...p.init, headers, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer().catch(() => undefined);
        status = String(res.status);
      } catch (e) {
        // The connection closed before an answer: a 413 sent early, then the socket closed while
        // the client was still sending, ends this way too; count it apart, not as a 5xx.
        status =
          `no answer (${(e as Error).cause ? String(((e as Error).cause as Error).message ?? (e as Error).cause) : (e as Error).message})`.slice(
            0,
            80,
          );
      }
      report.sent++;
      if (status.startsWith('no answer')) report.noAnswer++;
      report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
      if (/^5\d\d$/.test(status)) {
        report.serverErrors++;
        if (report.examples.length < 20) report.examples.push(`${status} ${p.init.method} ${p.path.slice(0, 80)}: ${p.what}`);
      }
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
  return report;
}

// As a command: npx tsx scripts/lib/fuzz-http.ts <url> [n] [seed]
if (import.meta.url === `file://${process.argv[1]}`) {
  const [url = 'http://localhost:3000', n = '500', seed] = process.argv.slice(2);
  const report = await fuzzServer(url, Number(n), { seed: seed ? Number(seed) : undefined });
  console.log(`fuzz requests sent: ${report.sent}, 5xx seen: ${report.serverErrors}`);
  console.log(`by status: ${JSON.stringify(report.byStatus)}`);
  for (const line of report.examples) console.log(`  ${line}`);
  if (report.noAnswer === report.sent) console.error(`nothing answered at ${url}: is the portal running?`);
  process.exitCode = report.serverErrors > 0 || report.noAnswer === report.sent ? 1 : 0;
}
