// Bad input through the built server (docs/security.md): what the HTTP guard in front of
// Next.js answers (src/server/request-guard.ts), what the server actions answer to argument
// shapes a browser never sends, and a few hundred fuzzed requests (scripts/lib/fuzz-http.ts):
// never a 5xx, and no error or stack trace in the operator's log for any of it.
import { expect, test } from './csp-guard.ts';
import { serverLog } from './helpers.ts';
import { discoverActionIds, fuzzServer } from '../scripts/lib/fuzz-http.ts';

const MB = 1024 * 1024;
let actionId: string;
let origin: string;
let logStart: number;

test.beforeAll(async ({ baseURL }) => {
  origin = new URL(baseURL!).origin;
  [actionId] = await discoverActionIds(baseURL!);
  expect(actionId).toMatch(/^[0-9a-f]{42}$/);
  logStart = serverLog().length;
});

function multipart(fields: Array<[string, string]>) {
  const b = 'FuzzBoundary';
  const body = fields.map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${b}--\r\n`;
  return { body: Buffer.from(body, 'utf8'), type: `multipart/form-data; boundary=${b}` };
}

const actionHeaders = (id: string, type: string) => ({ 'next-action': id, 'content-type': type, accept: 'text/x-component', origin });

test('a body over 1 MiB answers 413, before Next.js reads it', async ({ request }) => {
  const form = multipart([
    ['0', '[{},"$K1"]'],
    ['1_name', 'x'.repeat(MB + 300_000)],
  ]);
  const res = await request.post('/sign-in', { headers: actionHeaders(actionId, form.type), data: form.body });
  expect(res.status()).toBe(413);
  const page = await request.post('/dev/clock', { headers: { 'content-type': 'application/json' }, data: Buffer.alloc(MB + 1, 32) });
  expect(page.status()).toBe(413);
});

test('an unknown server action id answers 404 (with the header that makes the browser reload), a malformed one 400', async ({
  request,
}) => {
  const unknown = await request.post('/sign-in', { headers: actionHeaders('ab'.repeat(21), 'text/plain;charset=UTF-8'), data: '[]' });
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()['x-nextjs-action-not-found']).toBe('1');
  const malformed = await request.post('/sign-in', { headers: actionHeaders('../../etc/passwd', 'text/plain;charset=UTF-8'), data: '[]' });
  expect(malformed.status()).toBe(400);
});

test('a NUL in a multipart field name answers 400, by fetch or as a plain form post', async ({ request }) => {
  const byFetch = multipart([
    ['0', '[{},"$K1"]'],
    ['1_app\u0000leId', 'x'],
  ]);
  expect((await request.post('/sign-in', { headers: actionHeaders(actionId, byFetch.type), data: byFetch.body })).status()).toBe(400);
  const byForm = multipart([
    [`$ACTION_ID_${actionId}`, ''],
    ['app\u0000leId', 'x'],
  ]);
  expect((await request.post('/sign-in', { headers: { 'content-type': byForm.type, origin }, data: byForm.body })).status()).toBe(400);
});

test("arguments React cannot decode answer 400; wrong shapes it can decode get the form's own answer, not a 500", async ({ request }) => {
  for (const body of ['not json', '"x"', '{}', '["$Q1"]', '["$@1"]']) {
    const res = await request.post('/sign-in', { headers: actionHeaders(actionId, 'text/plain;charset=UTF-8'), data: body });
    expect([body, res.status()]).toEqual([body, 400]);
  }
  // Every action the sign-in page carries, called with no form at all, strings, numbers and nulls.
  for (const id of await discoverActionIds(origin)) {
    for (const body of ['[]', '["x","y"]', '[1,2,3]', '[null,null]', '[{},{"name":"x"}]', '[{},"$K1"]']) {
      const res = await request.post('/sign-in', { headers: actionHeaders(id, 'text/plain;charset=UTF-8'), data: body, maxRedirects: 0 });
      expect(res.status(), `${id} ${body}`).toBeLessThan(500);
    }
  }
});

test('a sealed cookie that does not open is a signed-out browser on every page that reads one, never a 500', async ({ request }) => {
  // The shapes iron-session throws on (a wrong MAC prefix, an expiry that is not a number), a seal
  // under another secret, random text: in every cookie the portal seals.
  const values = ['Fe26.3*1*a*b*c*1*g*h~2', 'Fe26.2*1*x*iv*data*1*mac~2', 'Fe26.2*1*salt*iv*data*soon*salt*mac~2', 'garbage', '%00', '~2'];
  const names = ['two_step_session', 'two_step_device', 'two_step_staff', 'two_step_reset', 'two_step_activation'];
  const pages = [
    '/account',
    '/account/security',
    '/sign-in',
    '/sign-in/verify',
    '/support',
    '/support/account',
    '/reset',
    '/reset/recovery-key/verify',
    '/create/activate',
    '/',
  ];
  for (const name of names) {
    for (const value of values) {
      for (const page of pages) {
        const res = await request.get(page, { headers: { cookie: `${name}=${value}` }, maxRedirects: 0 });
        expect(res.status(), `${page} with ${name}=${value}`).toBeLessThan(500);
      }
    }
  }
});

test('400 fuzzed requests: no 5xx, and nothing but one-line warnings in the log', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const report = await fuzzServer(baseURL!, 400, { seed: 5 });
  console.log(`fuzz requests sent: ${report.sent}, 5xx seen: ${report.serverErrors}`, JSON.stringify(report.byStatus));
  expect(report.examples).toEqual([]);
  expect(report.serverErrors).toBe(0);
  expect(report.sent).toBe(400);
  // The log since this file began: no stack traces, no Next.js error lines.
  const log = serverLog().slice(logStart);
  const bad = log.split('\n').filter((l) => /^\s+at |⨯|Error:|failed:/.test(l) && !l.startsWith('[http] 4'));
  expect(bad.slice(0, 10)).toEqual([]);
});
