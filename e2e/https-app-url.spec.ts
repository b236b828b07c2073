// The built portal behind TLS: a second server from the same build with an https APP_URL (as
// behind a TLS-terminating load balancer; it still listens on plain http here). It answers with
// HSTS, and its session cookie is __Host- prefixed, Secure, Path=/ and host-only (ASVS 3.4.4).
// The sign-in is posted as a browser without JavaScript would post the form (the page's own hidden
// fields), since a browser at http://localhost cannot play the https site.
import { expect, test } from './csp-guard.ts';
import { request as requestContext, type APIRequestContext } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_PORTS } from './ports.ts';
import { localEnv, randomSecrets } from '../dev/standins/local-env.ts';
import { DEMO_PASSWORD } from '../dev/seed/demo-accounts.ts';

// 60 above the suite's first portal: apart from both portals and from e2e/graceful-shutdown.spec.ts's
// instances (50, 51), so the two specs may run at the same time.
const ports = { app: E2E_PORTS.app + 60, http: E2E_PORTS.http + 60, smtp: E2E_PORTS.smtp + 60 };
const appUrl = `https://localhost:${ports.app}`;
const plain = `http://localhost:${ports.app}`;

let server: ChildProcess | undefined;
let output = '';
let api: APIRequestContext;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'two-step-e2e-https-'));
  const env = localEnv(ports, {
    APP_URL: appUrl,
    DATABASE_URL: `file:${join(dir, 'https.db')}`,
    ...randomSecrets(),
    BCRYPT_COST: '8',
  });
  // Its own process group, so afterAll stops the server and the stand-ins it started.
  server = spawn('sh', ['-c', 'npx tsx scripts/seed.ts && exec npx tsx scripts/serve.ts'], {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  api = await requestContext.newContext({ baseURL: plain });
  await expect(async () => {
    expect((await api.get('/sign-in', { timeout: 2000 })).status()).toBe(200);
  }, 'the https-APP_URL server starts').toPass({ timeout: 100_000 });
});

test.afterAll(async () => {
  await api?.dispose();
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

function decode(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The hidden fields of the first form on the page (React's server action reference among them). */
function hiddenFields(html: string): Record<string, string> {
  const form = /<form\b[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  const fields: Record<string, string> = {};
  for (const tag of form.match(/<input\b[^>]*type="hidden"[^>]*>/g) ?? []) {
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    if (name) fields[decode(name)] = decode(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '');
  }
  return fields;
}

test('with an https APP_URL: HSTS on every answer, and upgrade-insecure-requests in the CSP', async () => {
  for (const path of ['/sign-in', '/no-such-page']) {
    const res = await api.get(path);
    expect(res.headers()['strict-transport-security'], path).toBe('max-age=63072000; includeSubDomains');
    expect(res.headers()['content-security-policy'], path).toContain('upgrade-insecure-requests');
  }
});

test('with an https APP_URL: the session cookie is __Host-two_step_session, Secure, Path=/, no Domain, HttpOnly', async () => {
  const page = await api.get('/sign-in');
  const fields = hiddenFields(await page.text());
  expect(
    Object.keys(fields).some((k) => k.startsWith('$ACTION_')),
    JSON.stringify(fields),
  ).toBe(true);
  const res = await api.post('/sign-in', {
    headers: { origin: appUrl },
    multipart: { ...fields, appleId: 'avery@two-step.test', password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  const setCookies = res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value);
  const session = setCookies.find((c) => c.includes('two_step_session='));
  expect(session, `a session cookie (status ${res.status()}; ${setCookies.join(' | ')})`).toBeTruthy();
  const [pair, ...attrs] = session!.split(';').map((s) => s.trim());
  expect(pair.startsWith('__Host-two_step_session=')).toBe(true);
  const lower = attrs.map((a) => a.toLowerCase());
  expect(lower).toContain('secure');
  expect(lower).toContain('httponly');
  expect(lower).toContain('path=/');
  expect(lower.some((a) => a.startsWith('domain='))).toBe(false);
  expect(
    setCookies.some((c) => /^two_step_session=/.test(c)),
    'no unprefixed session cookie',
  ).toBe(false);
});
