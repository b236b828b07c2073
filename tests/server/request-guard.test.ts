// The HTTP server's guard in front of Next.js (src/server/request-guard.ts), on a real Node.js HTTP
// server with a stand-in for Next.js's handler: what is refused never reaches it, with a short 4xx
// and one line in the log; what passes reaches it with its body intact.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, guardedHandler, type ServerActions } from '../../src/server/request-guard.ts';
import { captureLog } from '../harness/log-capture.ts';

const SIGN_IN = 'a'.repeat(42); // runs on the sign-in page
const LAYOUT = 'b'.repeat(42); // runs everywhere (the top bar's Sign Out)
const ANY_THING = 'd'.repeat(42); // runs on a page of a dynamic segment, /things/<anything>
const NEW_THING = 'e'.repeat(42); // runs on the static page beside it, /things/new
const ACTIONS: ServerActions = new Map([
  [SIGN_IN, new Set(['app/sign-in/page'])],
  [LAYOUT, new Set(['app/sign-in/page', 'app/page', 'app/_not-found/page'])],
  [ANY_THING, new Set(['app/things/[slug]/page'])],
  [NEW_THING, new Set(['app/things/new/page'])],
]);

let server: Server;
let base: string;
const logged: string[] = [];
const reached: Array<{ url: string; body: string }> = [];
let nextThrows: unknown = null;

beforeAll(async () => {
  const handle = guardedHandler(
    async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      reached.push({ url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      if (nextThrows) throw nextThrows;
      res.end('next');
    },
    { actions: ACTIONS, log: (line) => logged.push(line), headers: { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } },
  );
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  logged.length = 0;
  reached.length = 0;
  nextThrows = null;
});

async function post(path: string, body: BodyInit | null, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
  return { status: res.status, text: await res.text(), headers: res.headers };
}

function multipart(fields: Array<[string, string]>, boundary = 'XyZ') {
  const body =
    fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

const action = (id: string, type: string) => ({ 'next-action': id, 'content-type': type, accept: 'text/x-component' });

describe('what every refusal carries', () => {
  it('the security headers of a text answer, and the ones the server adds (HSTS here): nothing in it runs, is framed or sniffed', async () => {
    const refusals = [
      await post('/sign-in', 'x'.repeat(MAX_BODY_BYTES + 1), action(SIGN_IN, 'text/plain')),
      await post('/sign-in', '[]', action('ab'.repeat(21), 'text/plain')),
      await post('/sign-in', 'not json', action(SIGN_IN, 'text/plain')),
    ];
    expect(refusals.map((r) => r.status)).toEqual([413, 404, 400]);
    for (const { headers } of refusals) {
      expect(headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    }
  });
});

describe('request size', () => {
  it(`answers 413 to a body over ${MAX_BODY_BYTES} bytes told by Content-Length, before reading it`, async () => {
    const r = await post('/sign-in', 'x'.repeat(MAX_BODY_BYTES + 300_000), action(SIGN_IN, 'text/plain'));
    expect(r.status).toBe(413);
    expect(reached).toEqual([]);
    expect(logged).toEqual([`[http] 413 POST /sign-in: The request is too large (over ${MAX_BODY_BYTES} bytes).`]);
  });

  it('answers 413 to a chunked body once more than the limit has streamed in', async () => {
    let left = 30;
    const chunk = new Uint8Array(64 * 1024).fill(120);
    const stream = new ReadableStream<Uint8Array>({ pull: (c) => (left-- > 0 ? c.enqueue(chunk) : c.close()) });
    const r = await post('/api/app/whoami', stream, { 'content-type': 'application/json' });
    expect(r.status).toBe(413);
    expect(reached).toEqual([]);
  });

  it('a raw client that keeps sending reads the 413 too', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${base}/sign-in`,
        { method: 'POST', headers: { 'content-length': String(2 * MAX_BODY_BYTES) } },
        (res: IncomingMessage) => resolve(res.statusCode!),
      );
      req.on('error', reject);
      req.end(Buffer.alloc(2 * MAX_BODY_BYTES, 120));
    });
    expect(status).toBe(413);
  });

  it('passes a body of exactly the limit, whole, and a request without a body untouched', async () => {
    const body = JSON.stringify(['x'.repeat(MAX_BODY_BYTES - 10)]).slice(0, MAX_BODY_BYTES);
    expect((await post('/dev/clock', body, { 'content-type': 'application/json' })).status).toBe(200);
    expect(reached[0]!.body).toBe(body);
    expect((await fetch(`${base}/sign-in?x=1`)).status).toBe(200);
    expect(reached[1]).toEqual({ url: '/sign-in?x=1', body: '' });
  });
});

describe('server actions called by fetch (Next-Action header)', () => {
  it('answers 404 with x-nextjs-action-not-found to an id the build does not have, or that the page cannot run', async () => {
    for (const [path, id] of [
      ['/sign-in', 'c'.repeat(42)],
      ['/', SIGN_IN],
      ['/no-such-page', SIGN_IN],
    ] as const) {
      const r = await post(path, '[]', action(id, 'text/plain;charset=UTF-8'));
      expect([path, r.status, r.headers.get('x-nextjs-action-not-found')]).toEqual([path, 404, '1']);
    }
    expect(reached).toEqual([]);
    expect(logged).toHaveLength(3);
  });

  it('finds the page of an address as Next.js routes it: a dynamic segment takes any name, a static one beside it wins', async () => {
    const status = async (path: string, id: string) => [
      path,
      id[0],
      (await post(path, '[]', action(id, 'text/plain;charset=UTF-8'))).status,
    ];
    expect(
      await Promise.all([
        status('/things/abc', ANY_THING),
        status('/things/abc/', ANY_THING),
        status('/things/new', ANY_THING),
        status('/things/new', NEW_THING),
        status('/things/abc', NEW_THING),
        status('/things/abc/more', ANY_THING),
        status('/things', ANY_THING),
      ]),
    ).toEqual([
      ['/things/abc', 'd', 200],
      ['/things/abc/', 'd', 200],
      ['/things/new', 'd', 404],
      ['/things/new', 'e', 200],
      ['/things/abc', 'e', 404],
      ['/things/abc/more', 'd', 404],
      ['/things', 'd', 404],
    ]);
  });

  it('answers 400 to a malformed id, or none with no body', async () => {
    for (const id of ['x', '../../etc/passwd', 'toString', 'A'.repeat(42), 'f'.repeat(200)])
      expect((await post('/sign-in', '[]', action(id, 'text/plain'))).status).toBe(400);
    expect((await post('/sign-in', null, { 'next-action': SIGN_IN })).status).toBe(400);
    expect(reached).toEqual([]);
  });

  it('answers 400 to arguments React would choke on: not JSON, not an array, references to parts never sent', async () => {
    for (const body of [
      'not json',
      '',
      '"x"',
      '{}',
      '1',
      '["$Q1"]',
      '["$@1"]',
      '[{"a":"$h1"}]',
      '["$F1"]',
      '["$1"]',
      '["$B1"]',
      JSON.stringify(Array(101).fill(0)),
    ]) {
      const r = await post('/sign-in', body, action(SIGN_IN, 'text/plain;charset=UTF-8'));
      expect([body.slice(0, 20), r.status]).toEqual([body.slice(0, 20), 400]);
    }
    expect(reached).toEqual([]);
  });

  it('passes what the portal sends: [state, FormData] as multipart, [] and escaped "$$" strings as text', async () => {
    const form = multipart([
      ['0', JSON.stringify([{ values: { name: '$$x' } }, '$K1'])],
      ['1_appleId', 'jane@example.com'],
      ['1_password', 'p\u0000w'],
    ]);
    expect((await post('/sign-in', form.body, action(SIGN_IN, form.type))).status).toBe(200);
    expect((await post('/sign-in', '[]', action(LAYOUT, 'text/plain;charset=UTF-8'))).status).toBe(200);
    expect((await post('/sign-in', '[{"a":"$$K"},"$u",null,1.5]', action(SIGN_IN, 'text/plain;charset=UTF-8'))).status).toBe(200);
    expect(reached.map((r) => r.body)).toEqual([form.body, '[]', '[{"a":"$$K"},"$u",null,1.5]']);
  });

  it('answers 400 to a NUL in a field name, a body busboy or undici cannot parse, and no argument list', async () => {
    const nul = multipart([
      ['0', '["$K1"]'],
      ['1_a\u0000b', 'x'],
    ]);
    expect((await post('/sign-in', nul.body, action(SIGN_IN, nul.type))).status).toBe(400);
    const brokenHeader = `--XyZ\r\nContent-Disposition: form-data; name="a"\r\nBad Header\r\n\r\nv\r\n--XyZ--\r\n`;
    expect((await post('/sign-in', brokenHeader, action(SIGN_IN, 'multipart/form-data; boundary=XyZ'))).status).toBe(400);
    expect((await post('/sign-in', '--XyZ\r\nnonsense', action(SIGN_IN, 'multipart/form-data; boundary=XyZ'))).status).toBe(400);
    // Parts that busboy reads without a name (they once made the guard itself fail).
    for (const disposition of ['form-data', "form-data; name*=utf-8''x", 'form-data; filename="f"', 'form-data; name=']) {
      const body = `--XyZ\r\nContent-Disposition: ${disposition}\r\n\r\nv\r\n--XyZ\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n--XyZ--\r\n`;
      expect((await post('/sign-in', body, action(SIGN_IN, 'multipart/form-data; boundary=XyZ'))).status).toBeLessThan(500);
    }
    expect(logged.filter((l) => !l.startsWith('[http] 400 '))).toEqual([]);
    reached.length = 0;
    const noArgs = multipart([['1_name', 'Jane']]);
    expect((await post('/sign-in', noArgs.body, action(SIGN_IN, noArgs.type))).status).toBe(400);
    expect(reached).toEqual([]);
    expect(logged.every((l) => /^\[http\] 400 POST \/sign-in: [^\n]+$/.test(l))).toBe(true);
  });
});

describe('forms posted without JavaScript', () => {
  const ref = (id: string, bound: string, args = '[{}]') =>
    [
      ['$ACTION_REF_1', ''],
      ['$ACTION_1:0', JSON.stringify({ id, bound })],
      ['$ACTION_1:1', args],
      ['$ACTION_KEY', 'k1'],
    ] as Array<[string, string]>;

  it('pass with a known action and plain fields', async () => {
    const form = multipart([...ref(SIGN_IN, '$@1'), ['appleId', 'jane@example.com']]);
    expect((await post('/sign-in', form.body, { 'content-type': form.type })).status).toBe(200);
    const byId = multipart([
      [`$ACTION_ID_${LAYOUT}`, ''],
      ['x', 'y'],
    ]);
    expect((await post('/', byId.body, { 'content-type': byId.type })).status).toBe(200);
    expect(reached).toHaveLength(2);
  });

  it('answer 404 to an unknown action, 400 to a malformed reference, bound arguments or a NUL in a field name', async () => {
    const cases: Array<[Array<[string, string]>, number]> = [
      [ref('c'.repeat(42), '$@1'), 404],
      [[[`$ACTION_ID_${'c'.repeat(42)}`, '']], 404],
      [[[`$ACTION_ID_x`, '']], 400],
      [
        [
          ['$ACTION_REF_1', ''],
          ['$ACTION_1:0', 'not json'],
        ],
        400,
      ],
      [ref(SIGN_IN, 'nonsense'), 400],
      [ref(SIGN_IN, '$@1', 'x'), 400],
      [ref(SIGN_IN, '$@1', '["$Q2"]'), 400],
      [ref(SIGN_IN, '$@2'), 400],
      [[...ref(SIGN_IN, '$@1'), ['a\u0000b', 'x']], 400],
      [[['plain\u0000form', 'x']], 400],
    ];
    for (const [fields, status] of cases) {
      const form = multipart(fields);
      expect([fields.map((f) => f[0]).join(), (await post('/sign-in', form.body, { 'content-type': form.type })).status]).toEqual([
        fields.map((f) => f[0]).join(),
        status,
      ]);
    }
    expect(reached).toEqual([]);
  });

  it("a multipart post that names no action is the page's business", async () => {
    const form = multipart([['name', 'Jane']]);
    expect((await post('/sign-in', form.body, { 'content-type': form.type })).status).toBe(200);
  });
});

describe("whatever Next.js's handler throws", () => {
  it('a client error (a bad URL, an ApiError with a 4xx) answers its 4xx with one line in the log', async () => {
    nextThrows = new URIError('URI malformed');
    expect((await fetch(`${base}/x`)).status).toBe(400);
    nextThrows = Object.assign(new Error('Body exceeded 1 MB limit.'), { statusCode: 413 });
    expect((await fetch(`${base}/x`)).status).toBe(413);
    expect(logged).toEqual(['[http] 400 GET /x: URIError: URI malformed', '[http] 413 GET /x: Error: Body exceeded 1 MB limit.']);
  });

  it('anything else answers 500 (and is logged as an error, with its stack, for the operator)', async () => {
    nextThrows = new TypeError('a bug');
    const log = captureLog();
    try {
      expect((await fetch(`${base}/x`)).status).toBe(500);
    } finally {
      log.restore();
    }
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatchObject({
      level: 'error',
      method: 'GET',
      err: { type: 'TypeError', message: 'a bug', stack: expect.stringContaining('TypeError: a bug') },
    });
    expect(logged).toEqual([]);
  });
});
