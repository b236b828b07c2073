// Two production instances on one PostgreSQL database behind nginx (deploy/nginx/two-step.conf),
// in Chromium, through nginx only (e2e-instances/global-setup.ts starts them). A sign-in crosses
// instances (the password on one, the code on the other), two-step is turned on through the
// pages, every email is sent exactly once although both instances run an outbox worker, a used
// code is refused, the client address recorded is the one nginx saw, and nginx's access log keeps
// no emailed token. Then one instance stops (SIGTERM) and requests keep succeeding on the other.
import { expect, test } from '../e2e/csp-guard.ts';
import {
  addTrustedPhone,
  answerSecurityQuestions,
  createAccount,
  newAppleId,
  newestSmsCode,
  newPhone,
  PASSWORD,
  signOut,
  submit,
} from '../e2e/helpers.ts';
import {
  advanceBothClocks,
  expectEveryEmailSentOnce,
  INSTANCE_A,
  INSTANCE_B,
  instanceOf,
  nextRequestAvoids,
  signInAddresses,
} from './instances.ts';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The password step of a sign-in; returns the instance that checked the password. */
async function password(page: Page, appleId: string): Promise<string> {
  await page.goto('/sign-in');
  await page.getByLabel('Apple ID').fill(appleId);
  await page.getByLabel('Password').fill(PASSWORD);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/sign-in'),
    page.getByRole('button', { name: 'Sign In' }).click(),
  ]);
  await expect(page.getByRole('heading', { name: 'Verify Your Identity' })).toBeVisible();
  return instanceOf(res);
}

/** Sends a code to the phone from the verify page; returns it (read from the SMS inbox in a second tab). */
async function sendCode(page: Page, e164: string): Promise<string> {
  await page.getByRole('radio', { name: new RegExp(`${e164.slice(-2)}\\b`) }).check();
  await submit(page, 'Send Code');
  const inbox = await page.context().newPage();
  const code = await newestSmsCode(inbox, e164);
  await inbox.close();
  return code;
}

/** Enters a code and presses Verify; returns the instance that checked it. */
async function enterCode(page: Page, code: string): Promise<string> {
  await page.getByLabel(/Verification code sent to/).fill(code);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/sign-in/verify'),
    page.getByRole('button', { name: 'Verify', exact: true }).click(),
  ]);
  return instanceOf(res);
}

test('through nginx: two-step turned on, a sign-in with the password on one instance and the code on the other, every email once, a used code refused', async ({
  page,
}) => {
  const appleId = newAppleId('instances');
  const phone = newPhone();
  await createAccount(page, appleId);

  // Two-step on, through the pages (as e2e/turn-on.spec.ts, without the checks of each page).
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await page.getByRole('button', { name: 'Get Started' }).click();
  await page.getByRole('link', { name: 'Add trusted devices' }).click();
  await addTrustedPhone(page, phone);
  await expect(page.getByRole('status').filter({ hasText: `${phone.masked} is now a trusted device.` })).toBeVisible();
  await page.goto('/account/security/setup/recovery-key');
  await submit(page, 'Get Your Recovery Key');
  const key = ((await page.getByTestId('recovery-key').textContent()) ?? '').trim();
  expect(key).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
  await page.getByRole('link', { name: 'Continue', exact: true }).click();
  await page.getByLabel('Recovery Key').fill(key);
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  await page.getByLabel('I understand these conditions.').check();
  await page.getByRole('button', { name: 'Turn On Two-Step Verification' }).click();
  await expect(page.getByRole('heading', { name: 'Two-step verification is on', level: 1 })).toBeVisible();
  await signOut(page);

  // Sign in: the password on one instance, the code on the other. Codes to one device are 30 s
  // apart: both clocks move past that. The browser claims another address in X-Forwarded-For:
  // nginx appends the one it sees, and the instances (TRUST_PROXY=on) record that one.
  await advanceBothClocks(page, 31);
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': '203.0.113.66' });
  const passwordAt = await password(page, appleId);
  const code = await sendCode(page, phone.e164);
  await nextRequestAvoids(page, passwordAt);
  const codeAt = await enterCode(page, code);
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
  expect(new Set([passwordAt, codeAt]), 'the password and the code were checked by different instances').toEqual(
    new Set([INSTANCE_A, INSTANCE_B]),
  );
  expect(new Set(await signInAddresses(appleId))).toEqual(new Set(['127.0.0.1']));
  await page.setExtraHTTPHeaders({});
  await signOut(page);

  // The used code, in a new sign-in (a new code was sent meanwhile), on whichever instance: refused.
  await advanceBothClocks(page, 31);
  await password(page, appleId);
  const next = await sendCode(page, phone.e164);
  if (next !== code) {
    await enterCode(page, code);
    await expect(page.getByText(/That code isn't right/)).toBeVisible();
  }
  // The new one works once.
  await enterCode(page, next);
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();

  const emails = await expectEveryEmailSentOnce(page);
  expect(emails).toBeGreaterThanOrEqual(2); // at least the activation and "two-step is on"

  // nginx's access log has the activation link's path, without its one-time token.
  const accessLog = readFileSync(join(process.env.INSTANCES_DIR!, 'nginx', 'two-step.access.log'), 'utf8');
  expect(accessLog).toContain('"GET /create/activate/open HTTP/1.1" 303');
  expect(accessLog).not.toContain('token=');
});

test('one instance stops (SIGTERM): requests keep succeeding through the other', async ({ page }) => {
  const pid = Number(process.env.INSTANCE_B_PID);
  const exited = new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      try {
        process.kill(pid, 0);
      } catch {
        clearInterval(poll);
        resolve();
      }
    }, 100);
  });
  process.kill(pid, 'SIGTERM');

  // While it shuts down and after: 50 requests, 5 at a time, all answered.
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) {
    statuses.push(...(await Promise.all(Array.from({ length: 5 }, () => page.request.get('/sign-in').then((r) => r.status())))));
  }
  await exited;
  const after: string[] = [];
  for (let i = 0; i < 50; i++) {
    const res = await page.request.get('/sign-in');
    statuses.push(res.status());
    after.push(instanceOf(res));
  }
  expect(
    statuses.filter((s) => s !== 200),
    'answers other than 200',
  ).toEqual([]);
  // The metrics are scraped from each instance, never served through nginx.
  expect((await page.request.get('/metrics')).status()).toBe(404);
  expect(new Set(after)).toEqual(new Set([INSTANCE_A]));

  // And a person's whole visit, with its server actions: a new account, activated, signed in.
  await createAccount(page, newAppleId('instances-one-left'));
  await expectEveryEmailSentOnce(page);
});
