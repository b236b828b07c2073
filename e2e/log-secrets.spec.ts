import { expect, test } from './csp-guard.ts';
import { type BrowserContext, type Page } from '@playwright/test';
import {
  activationLink,
  advanceClock,
  ANSWERS_BY_QUESTION,
  answerSecurityQuestions,
  PASSWORD,
  fillCreateAccount,
  newAppleId,
  newestSmsCode,
  newPhone,
  serverLog,
  signIn,
  signOut,
  startRecoveryKeyReset,
  submit,
  submitCreateAccount,
} from './helpers.ts';
import { newStaff, shownKey, staffAppCode, staffPassword } from './staff.ts';

// Secrets never reach the operator's log (docs/operating.md#logs). One holder goes through
// everything that handles a secret, in Chromium: create the account (activation link), turn
// two-step on through the pages (a texted code, the Recovery Key), sign in with a wrong password
// and then with a code, make an app-specific password and use it at the app endpoint, make a
// support PIN that a staff member uses, and reset the password with the Recovery Key. Every secret
// used is then searched for in everything the server printed meanwhile (server.log,
// playwright.config.ts): none is there. The log must still hold the JSON request lines and
// security-event lines of those steps, so the search is over a log that says what happened.

/** Every secret of the run, to be found nowhere in the log. */
const longSecrets = new Set<string>();
/** Codes and PINs: digits, searched only where they stand alone (not inside an id, a time or a number). */
const digitSecrets = new Set<string>();

function keep(secret: string) {
  if (/^\d{4,8}$/.test(secret)) digitSecrets.add(secret);
  else longSecrets.add(secret);
}

async function keepCookies(context: BrowserContext) {
  for (const c of await context.cookies()) if (c.value.length >= 16) keep(c.value);
}

/** Picks the trusted phone, sends a code, reads it from /dev/sms in another tab, and enters it. */
async function enterCode(page: Page, e164: string, button: string) {
  await page.getByRole('radio', { name: new RegExp(`${e164.slice(-2)}\\b`) }).check();
  await submit(page, 'Send Code');
  const inbox = await page.context().newPage();
  const code = await newestSmsCode(inbox, e164);
  await inbox.close();
  keep(code);
  await page.getByLabel(/Verification code sent to/).fill(code);
  await page.getByRole('button', { name: button, exact: true }).click();
}

test('no secret used in a full flow reaches the log, and the log says what happened', async ({ browser }) => {
  test.setTimeout(300_000);
  const logStart = serverLog().length;
  const holder = await browser.newContext();
  const page = await holder.newPage();
  const appleId = newAppleId('log-secrets');
  const phone = newPhone();
  keep(PASSWORD);
  for (const answer of Object.values(ANSWERS_BY_QUESTION)) keep(answer);

  // Create and activate (the activation token rides in a link), then sign in.
  await fillCreateAccount(page, { appleId });
  await submitCreateAccount(page);
  const activation = await activationLink(page, appleId);
  keep(new URL(activation).searchParams.get('token')!);
  await page.goto(activation);
  await page.getByRole('button', { name: 'Activate my Apple ID' }).click();
  await expect(page.getByRole('heading', { name: 'Your Apple ID is active' })).toBeVisible();
  await signIn(page, appleId);
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
  await keepCookies(holder);

  // Turn two-step on through the pages: a phone verified with a texted code, the Recovery Key.
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await page.getByRole('button', { name: 'Get Started' }).click();
  await page.getByRole('link', { name: 'Add trusted devices' }).click();
  await page.getByLabel('Phone number', { exact: true }).fill(phone.typed);
  await submit(page, 'Send Code');
  const phoneCode = await newestSmsCode(page, phone.e164);
  keep(phoneCode);
  await page.goto('/account/security/devices');
  await page.getByTestId('pending-device').filter({ hasText: phone.masked }).getByLabel('Verification code').fill(phoneCode);
  await submit(page, 'Verify');
  await expect(page.getByRole('status').filter({ hasText: `${phone.masked} is now a trusted device.` })).toBeVisible();
  await page.goto('/account/security/setup/recovery-key');
  await submit(page, 'Get Your Recovery Key');
  const recoveryKey = ((await page.getByTestId('recovery-key').textContent()) ?? '').trim();
  expect(recoveryKey).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
  keep(recoveryKey);
  keep(recoveryKey.replaceAll('-', ''));
  await page.getByRole('link', { name: 'Continue', exact: true }).click();
  await page.getByLabel('Recovery Key').fill(recoveryKey);
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  await page.getByLabel('I understand these conditions.').check();
  await page.getByRole('button', { name: 'Turn On Two-Step Verification' }).click();
  await expect(page).toHaveURL(/\/account\/security\/setup\/done$/);
  await keepCookies(holder);

  // Sign out; a wrong password, then the password and a texted code.
  await signOut(page);
  const wrongPassword = 'wrong horse battery 9';
  keep(wrongPassword);
  await signIn(page, appleId, wrongPassword);
  await expect(page.locator('p.form-error')).toBeVisible();
  await advanceClock(page, 31);
  await signIn(page, appleId, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Verify Your Identity' })).toBeVisible();
  await enterCode(page, phone.e164, 'Verify');
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
  await keepCookies(holder);

  // An app-specific password (the sign-in code is fresh: no other code asked), used at the app endpoint.
  await page.goto('/account/security/app-passwords');
  await expect(page.getByRole('heading', { name: 'App-Specific Passwords', level: 1 })).toBeVisible();
  await page.getByLabel('Label').fill('Mail on my laptop');
  await submit(page, 'Generate Password');
  const appPassword = ((await page.getByTestId('app-password').textContent()) ?? '').trim();
  expect(appPassword).toMatch(/^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$/);
  keep(appPassword);
  keep(appPassword.replaceAll('-', ''));
  const basic = `Basic ${Buffer.from(`${appleId}:${appPassword}`).toString('base64')}`;
  keep(basic.slice('Basic '.length));
  const app = await page.request.get('/api/app/whoami', { headers: { authorization: basic } });
  expect(app.status()).toBe(200);
  expect(app.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

  // A support PIN (after a fresh code), read to a staff member who enters it.
  await page.goto('/account/security/support-pin');
  await advanceClock(page, 31);
  await enterCode(page, phone.e164, 'Make PIN');
  // Shown in groups ("123 456"): the secret is its digits.
  const pin = ((await page.getByTestId('support-pin').textContent()) ?? '').replace(/\s/g, '');
  expect(pin).toMatch(/^\d{6}$/);
  keep(pin);
  // The staff member signs in with the password and sets up an authenticator app (its key and code are secrets too).
  const member = newStaff('log-staff', 'Lou Staff');
  keep(member.password);
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staffPassword(staff, member);
  await submit(staff, 'Set Up an Authenticator App');
  const staffKey = await shownKey(staff);
  keep(staffKey);
  const staffCode = await staffAppCode(staffKey);
  keep(staffCode);
  await staff.getByLabel('Code from your authenticator app').fill(staffCode);
  await staff.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(staff.getByRole('heading', { name: 'Find an Account' })).toBeVisible();
  await staff.getByLabel('Apple ID').fill(appleId);
  await staff.getByRole('button', { name: 'Find', exact: true }).click();
  await staff.getByLabel('Support PIN', { exact: true }).fill(pin);
  await staff.getByRole('button', { name: 'Show Details' }).click();
  await expect(staff.getByTestId('support-two-step')).toContainText('On since');
  await keepCookies(staffContext);
  await staffContext.close();
  await keepCookies(holder);

  // Forgot the password: the Recovery Key and a texted code reset it; then sign in with the new one.
  await signOut(page);
  await startRecoveryKeyReset(page, appleId, recoveryKey);
  await advanceClock(page, 31);
  await enterCode(page, phone.e164, 'Verify');
  const newPassword = 'juniper lighthouse 77';
  keep(newPassword);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirm new password').fill(newPassword);
  await page.getByRole('button', { name: 'Reset Password' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
  await keepCookies(holder);
  await advanceClock(page, 31);
  await signIn(page, appleId, newPassword);
  await enterCode(page, phone.e164, 'Verify');
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
  await keepCookies(holder);
  await holder.close();

  // The server writes its lines as it goes: give the last ones a moment to land.
  await expect.poll(() => serverLog().slice(logStart).includes('"route":"/account"')).toBe(true);
  const log = serverLog().slice(logStart);

  // 0 secrets found.
  const found = [...longSecrets].filter(
    (s) => log.includes(s) || log.includes(encodeURIComponent(s)) || log.includes(s.replaceAll(' ', '+')),
  );
  const standAlone = (digits: string) => new RegExp(`(?<![0-9A-Za-z:-])${digits}(?![0-9A-Za-z-])`);
  found.push(...[...digitSecrets].filter((d) => standAlone(d).test(log)));
  expect(found, 'secrets in server.log').toEqual([]);
  expect(longSecrets.size + digitSecrets.size).toBeGreaterThanOrEqual(15);
  console.log(
    `log secrets: ${longSecrets.size + digitSecrets.size} secrets searched in ${log.split('\n').length} lines (${log.length} characters) of server.log: ${found.length} found`,
  );

  // ... in a log that holds what happened: request lines (routes, never paths with a query) ...
  const lines = log
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const requests = lines.filter((l) => l.msg === 'request');
  for (const [method, route] of [
    ['GET', '/create/activate/open'],
    ['POST', '/sign-in'],
    ['POST', '/sign-in/verify'],
    ['POST', '/account/security/setup/confirm'],
    ['GET', '/api/app/whoami'],
    ['POST', '/support/sign-in/set-up'],
    ['POST', '/support/account'],
    ['POST', '/reset/recovery-key/verify'],
  ]) {
    expect(
      requests.some(
        (r) =>
          r.method === method &&
          r.route === route &&
          typeof r.status === 'number' &&
          typeof r.durationMs === 'number' &&
          r.clientAddress === '127.0.0.1',
      ),
      `${method} ${route}`,
    ).toBe(true);
  }
  expect(requests.every((r) => !String(r.route).includes('?'))).toBe(true);
  // The staff member's events too (src/support/staff-events.ts).
  for (const kind of ['staff-password-accepted', 'staff-factor-added', 'staff-signed-in'])
    expect(
      lines.some((l) => l.event === kind && l.staffUserId),
      kind,
    ).toBe(true);
  // ... and security events, each carrying the id of the request it happened in.
  const events = lines.filter((l) => typeof l.event === 'string' && l.accountId);
  for (const kind of [
    'account-created',
    'sign-in-failed',
    'signed-in',
    'code-sent',
    'code-verified',
    'recovery-key-confirmed',
    'two-step-turned-on',
    'app-password-created',
    'support-pin-created',
    'support-pin-accepted',
    'support-details-viewed',
    'password-reset-key-accepted',
    'password-reset',
  ]) {
    expect(
      events.some((e) => e.event === kind),
      kind,
    ).toBe(true);
  }
  const requestIds = new Set(requests.map((r) => r.reqId));
  const failed = events.find((e) => e.event === 'sign-in-failed')!;
  expect(failed).toMatchObject({ level: 'warn', clientAddress: '127.0.0.1' });
  expect(requestIds.has(failed.reqId), 'the sign-in-failed line carries its request id').toBe(true);
});
