// The headers of a security product, and what the built server answers to requests a browser's
// own pages never send (docs/security.md); Twilio errors that keep their meaning through the
// built server's chunks (section 7).
import { expect, test } from './csp-guard.ts';
import type { APIResponse, Page } from '@playwright/test';
import { answerSecurityQuestions, createAccount, newAppleId, serverLog, twilioFault } from './helpers.ts';
import { STANDIN_TWILIO } from '../dev/standins/local-env.ts';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
}

async function cspOf(res: APIResponse) {
  const header = res.headers()['content-security-policy'] ?? '';
  const d = directives(header);
  const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec((d.get('script-src') ?? []).find((v) => v.startsWith("'nonce-")) ?? '')?.[1];
  return { header, d, nonce };
}

test('every page: a CSP with a fresh nonce on all its scripts, no inline scripts, no framing; Permissions-Policy; no HSTS on http', async ({
  request,
}) => {
  const seen = new Set<string>();
  for (const path of ['/sign-in', '/sign-in', '/create', '/', '/dev/sms', '/no-such-page']) {
    const res = await request.get(path);
    expect(res.headers()['content-type'], path).toContain('text/html');
    const { d, nonce } = await cspOf(res);
    expect(nonce, `${path}: a nonce in script-src`).toBeTruthy();
    expect(seen.has(nonce!), `${path}: a nonce never seen before`).toBe(false);
    seen.add(nonce!);
    expect(d.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    expect(res.headers()['permissions-policy']).toContain('camera=()');
    expect(res.headers()['permissions-policy']).toContain('microphone=()');
    expect(res.headers()['strict-transport-security'], 'no HSTS with a plain-http APP_URL').toBeUndefined();

    // Next.js put the nonce on every script it wrote (the page was rendered for this request).
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
});

test('the violation listener works: an image and a stylesheet from another site are blocked and reported', async ({
  page,
  cspViolations,
}) => {
  await page.goto('/sign-in');
  // (An inline <script> added from here would not do: DevTools' own evaluation is exempt from CSP.)
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'https://evil.example/pixel.png';
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = 'https://evil.example/steal.css';
    document.body.append(img, css);
  });
  await expect.poll(() => cspViolations.map((v) => v.directive).sort()).toEqual(['img-src', 'style-src-elem']);
  expect(cspViolations.every((v) => v.blocked.startsWith('https://evil.example/'))).toBe(true);
  cspViolations.length = 0; // expected here: the guard checks the rest of the test
});

/** Submits the sign-in form in the browser and returns the server action request it sent. */
async function aServerActionRequest(page: Page) {
  await page.goto('/sign-in');
  await page.getByLabel('Apple ID').fill(newAppleId('nobody'));
  await page.getByLabel('Password').fill('not the password');
  const [req] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && r.headers()['next-action'] !== undefined),
    page.getByRole('button', { name: 'Sign In' }).click(),
  ]);
  const headers = req.headers();
  return {
    action: headers['next-action'],
    contentType: headers['content-type'],
    body: req.postDataBuffer()!,
    url: new URL(req.url()).pathname,
  };
}

test('a server action sent from another site is refused with 403 before it runs, not 500', async ({ page }) => {
  const action = await aServerActionRequest(page);
  expect(action.action).toMatch(/^[0-9a-f]+$/);
  const send = (origin: string | undefined, withActionHeader = true) =>
    page.request.post(action.url, {
      headers: {
        ...(withActionHeader ? { 'next-action': action.action } : {}),
        'content-type': action.contentType,
        ...(origin ? { origin } : {}),
      },
      data: action.body,
      maxRedirects: 0,
    });

  for (const origin of ['https://evil.example', 'http://localhost:1', 'null']) {
    const res = await send(origin);
    expect(res.status(), origin).toBe(403);
    expect(await res.text()).toContain('another site');
  }
  // The same form posted by a page of another site without JavaScript (no Next-Action header).
  expect((await send('https://evil.example', false)).status()).toBe(403);
  // From this site it still runs (the sign-in form's answer, as for the browser).
  const own = await send(new URL(page.url()).origin);
  expect(own.status()).toBe(200);
  expect(serverLog()).not.toMatch(/Invalid Server Actions request/);
});

test('/dev/clock takes only application/json (415), and malformed JSON is a 400, never a 500', async ({ request }) => {
  for (const [type, body] of [
    ['text/plain', '{"advanceSeconds":1}'],
    ['application/x-www-form-urlencoded', 'advanceSeconds=1'],
  ] as const) {
    expect((await request.post('/dev/clock', { headers: { 'content-type': type }, data: body })).status(), type).toBe(415);
  }
  expect((await request.post('/dev/clock', { multipart: { advanceSeconds: '1' } })).status()).toBe(415);
  for (const body of ['{', '{"advanceSeconds":', 'null', '"x"']) {
    expect((await request.post('/dev/clock', { headers: { 'content-type': 'application/json' }, data: body })).status(), body).toBe(400);
  }
});

test("Twilio's 21614 (not a mobile number) shows its own message; 20003 (bad credentials) is logged for the operator", async ({ page }) => {
  await createAccount(page, newAppleId('twilio-errors'));
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await page.getByRole('button', { name: 'Get Started' }).click();
  await page.getByRole('link', { name: 'Add trusted devices' }).click();
  await expect(page.getByRole('heading', { name: 'Trusted Devices', level: 1 })).toBeVisible();
  const number = () => `(555) 010-${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;

  try {
    await twilioFault(page, { code: 21614 });
    await page.getByLabel('Phone number', { exact: true }).fill(number());
    await page.getByRole('button', { name: 'Send Code', exact: true }).click();
    await expect(page.getByText("That phone number can't receive text messages. Check the number.")).toBeVisible();
    await expect(page.getByText("We couldn't send a code right now. Try again later.")).toHaveCount(0);

    const logBefore = serverLog().length;
    await twilioFault(page, { code: 20003 });
    await page.getByLabel('Phone number', { exact: true }).fill(number());
    await page.getByRole('button', { name: 'Send Code', exact: true }).click();
    await expect(page.getByText("We couldn't send a text message right now. Try again later.")).toBeVisible();
    await expect.poll(() => serverLog().slice(logBefore)).toContain('Twilio error 20003');
    const log = serverLog().slice(logBefore);
    expect(log).toContain('TWILIO_AUTH_TOKEN');
    expect(log).not.toContain(STANDIN_TWILIO.authToken);
    expect(log).not.toContain('"error":"unknown"');
  } finally {
    await twilioFault(page, null);
  }
});
