import { expect, request, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { E2E_SERVERS, type E2eServerName } from './ports.ts';
import { createDb, type Db } from '../src/db/client.ts';
import { giveOtherKinds, giveTrustedPhone, turnTwoStepOn } from './fixtures/accounts.ts';

export const PASSWORD = 'violet staircase 42';

/** The demo accounts' answers to their security questions (dev/seed), by the question as the page asks it in English. */
export const DEMO_ANSWERS: Record<string, string> = {
  'What is your favourite colour?': 'blue',
  'In what city did your parents meet?': 'paris',
  'What was the name of your first pet?': 'rex',
};

/**
 * The portal the running test talks to: its project's (playwright.config.ts), with that portal's
 * ports (its stand-ins' inboxes) and folder (its database and server.log).
 */
export function e2eServer() {
  const name = test.info().project.name as E2eServerName;
  return { ports: E2E_SERVERS[name], dir: join(process.env.E2E_DATA_DIR!, name) };
}

/** The birth date's group of three fields (month, day, year) in `scope`. */
export function birthDateGroup(scope: Page | Locator): Locator {
  return scope.getByRole('group', { name: 'Birth date' });
}

/** Types an ISO date (YYYY-MM-DD) into the birth date's three fields, as a holder would: month, day, year. */
export async function fillBirthDate(scope: Page | Locator, iso: string) {
  const [year, month, day] = iso.split('-');
  const group = birthDateGroup(scope);
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Year').fill(year!);
}

/** Expects the birth date's three fields to hold the ISO date `iso`, as fillBirthDate typed it. */
export async function expectBirthDate(scope: Page | Locator, iso: string) {
  const [year, month, day] = iso.split('-');
  const group = birthDateGroup(scope);
  await expect(group.getByLabel('Month')).toHaveValue(String(Number(month)));
  await expect(group.getByLabel('Day')).toHaveValue(String(Number(day)));
  await expect(group.getByLabel('Year')).toHaveValue(year!);
}

/** A new Apple ID for each test, so tests never depend on each other. */
export function newAppleId(label: string): string {
  return `${label}.${randomBytes(4).toString('hex')}@example.com`;
}

export async function fillCreateAccount(
  page: Page,
  f: { appleId: string; password?: string; confirm?: string; rescueEmail?: string; name?: string; countryCode?: string },
) {
  await page.goto('/create');
  await page.getByLabel('Name').fill(f.name ?? 'Jamie Tester');
  await fillBirthDate(page, '1988-07-14');
  await page.getByLabel('Country or region').selectOption(f.countryCode ?? 'US');
  await page.getByLabel('Apple ID').fill(f.appleId);
  await page.getByLabel('Password', { exact: true }).fill(f.password ?? PASSWORD);
  await page.getByLabel('Confirm password').fill(f.confirm ?? f.password ?? PASSWORD);
  if (f.rescueEmail !== undefined) await page.getByLabel('Rescue email (optional)').fill(f.rescueEmail);
  for (const [n, answer] of [
    [1, 'indigo'],
    [2, 'lisbon'],
    [3, 'biscuit'],
  ] as const) {
    const group = page.getByRole('group', { name: `Question ${n}` });
    await group.getByLabel('Question').selectOption({ index: n });
    await group.getByLabel('Answer').fill(answer);
  }
}

export async function signIn(page: Page, appleId: string, password = PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Apple ID').fill(appleId);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign In' }).click();
}

/** Sends the filled-in Create Account form; it answers "Check your email" whatever the address. */
export async function submitCreateAccount(page: Page) {
  await page.getByRole('button', { name: 'Create Account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
}

/** The activation link in the newest "Activate your new Apple ID" email to `appleId` (dev mail inbox). */
export async function activationLink(page: Page, appleId: string): Promise<string> {
  const text = await newestMailText(page, appleId, 'Activate your new Apple ID');
  const link = /https?:\/\/\S+\/create\/activate\/open\?token=[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  expect(link, 'an activation link in the email').toBeTruthy();
  return link!;
}

/** Opens the activation link emailed to `appleId` and presses "Activate my Apple ID". */
export async function activateFromMail(page: Page, appleId: string) {
  await page.goto(await activationLink(page, appleId));
  await expect(page).toHaveURL(/\/create\/activate$/); // the token left the address bar
  await page.getByRole('button', { name: 'Activate my Apple ID' }).click();
  await expect(page.getByRole('heading', { name: 'Your Apple ID is active' })).toBeVisible();
}

/**
 * A new account as a person makes one: the Create Account form, the activation link from the
 * email, then signing in with the password. Ends on "Manage your account".
 */
export async function createAccount(page: Page, appleId: string, more: { countryCode?: string; rescueEmail?: string } = {}) {
  await fillCreateAccount(page, { appleId, ...more });
  await submitCreateAccount(page);
  await activateFromMail(page, appleId);
  await signIn(page, appleId);
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
}

/** The message at the top of a form (Next.js has its own, empty, role=alert route announcer). */
export function formError(page: Page) {
  return page.locator('p.form-error');
}

/** The answers createAccount gives, by the text of the question (fillCreateAccount picks the first three questions). */
export const ANSWERS_BY_QUESTION: Record<string, string> = {
  'What was the name of your first pet?': 'indigo',
  'In what city did your parents meet?': 'lisbon',
  'What is the first name of your best friend in high school?': 'biscuit',
};

/** The text of the newest email to `address` with this subject in the dev mail inbox (waits for the outbox worker). */
export async function newestMailText(page: Page, address: string, subject: string): Promise<string> {
  const mail = () =>
    page
      .getByTestId('mail')
      .filter({ hasText: `To ${address}` })
      .filter({ has: page.getByRole('heading', { name: subject, exact: true }) })
      .first();
  await expect(async () => {
    await page.goto('/dev/mail');
    await expect(mail()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  return (await mail().locator('pre').textContent()) ?? '';
}

/** Asks for a password-reset link on /forgot and returns the link from the newest email to the Apple ID. */
export async function requestResetLink(page: Page, appleId: string): Promise<string> {
  await page.goto('/forgot');
  await page.getByLabel('Apple ID').fill(appleId);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('status')).toContainText('If an account exists for that Apple ID');
  const text = await newestMailText(page, appleId, 'Reset your password');
  const link = /https?:\/\/\S+\/reset\/open\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(link, 'a reset link in the email').toBeTruthy();
  return link!;
}

/** Answers the two questions shown on the reset page with createAccount's answers. */
export async function answerResetQuestions(page: Page) {
  for (const name of ['answer1', 'answer2']) {
    const question = ((await page.locator(`label[for="${name}"]`).textContent()) ?? '').trim();
    const answer = ANSWERS_BY_QUESTION[question];
    expect(answer, `an answer for "${question}"`).toBeTruthy();
    await page.locator(`#${name}`).fill(answer);
  }
}

/** Answers the two security questions that guard Password and Security (answers as createAccount gave them). */
export async function answerSecurityQuestions(page: Page, answers: Record<string, string> = ANSWERS_BY_QUESTION) {
  await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
  for (const label of await page.locator('form label').allTextContents())
    await page.getByLabel(label, { exact: true }).fill(answers[label]);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Two-Step Verification' })).toBeVisible();
}

/**
 * Clicks a form's button and waits for the server action's answer. React resets a form after its
 * action completes, so typing into it while a submission is still on its way would be lost.
 */
export async function submit(page: Page, button: string) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
}

/** The verification code in the newest text message to `e164` in the dev SMS inbox (waits for it to arrive). */
export async function newestSmsCode(page: Page, e164: string): Promise<string> {
  const message = () => page.getByTestId('sms').filter({ hasText: e164 }).first();
  await expect(async () => {
    await page.goto('/dev/sms');
    await expect(message()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const code = /verification code is (\d+)/.exec((await message().textContent()) ?? '')?.[1];
  expect(code, `a code in the newest text to ${e164}`).toBeTruthy();
  return code!;
}

/** The simulated device with this id on /dev/devices (the page that "is the phone"). */
export function simulatedDevice(page: Page, deviceId: string) {
  return page.locator(`[data-testid="device"][data-device-id="${deviceId}"]`);
}

/** The verification code in the newest notification pushed to the simulated device `deviceId` (waits for it). */
export async function newestPushCode(page: Page, deviceId: string): Promise<string> {
  const push = () => simulatedDevice(page, deviceId).getByTestId('push').first();
  await expect(async () => {
    await page.goto('/dev/devices');
    await expect(push()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const code = /verification code is (\d+)/.exec((await push().textContent()) ?? '')?.[1];
  expect(code, `a code in the newest push to ${deviceId}`).toBeTruthy();
  return code!;
}

/**
 * Signs in with two-step on: password, then a code sent to the trusted phone `e164`, read from
 * the SMS inbox in a second tab (so the sign-in page keeps its state).
 */
export async function signInWithCode(page: Page, appleId: string, password: string, e164: string) {
  await signIn(page, appleId, password);
  await enterTextedCode(page, e164, 'Verify');
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
}

/** Moves the portal's clock forward (dev only: app/dev/clock), e.g. past the 30 seconds between two codes to one device. */
export async function advanceClock(page: Page, seconds: number) {
  await portalNow(page, seconds);
}

/**
 * The portal's time in seconds since the epoch: the real time plus what the dev clock was moved
 * by (other specs move it, so Date.now() alone drifts from the portal's "now" as the run goes on).
 * Asks for the offset by moving the clock `seconds` forward (at least 1: POST /dev/clock answers the total).
 */
export async function portalNow(page: Page, seconds = 1): Promise<number> {
  return clockOffsetOf(page.request, seconds);
}

/**
 * portalNow without the page's cookies: a support staff session's browser (dev tools, like every
 * customer route, refuse a request that carries one) asks through a request context of its own.
 */
export async function portalNowApart(seconds = 1): Promise<number> {
  const api = await request.newContext({ baseURL: `http://localhost:${e2eServer().ports.app}` });
  try {
    return await clockOffsetOf(api, seconds);
  } finally {
    await api.dispose();
  }
}

async function clockOffsetOf(api: APIRequestContext, seconds: number): Promise<number> {
  const res = await api.post('/dev/clock', { data: { advanceSeconds: seconds } });
  expect(res.status()).toBe(200);
  const { offsetSeconds } = (await res.json()) as { offsetSeconds: number };
  return Math.floor(Date.now() / 1000 + offsetSeconds);
}

/** A random US mobile number in the stand-in's mobile range: as typed, in E.164, and as the page masks it. */
export function newPhone() {
  const last4 = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
  return { typed: `(555) 010-${last4}`, e164: `+1555010${last4}`, masked: `+1 ••• ••• ••${last4.slice(2)}` };
}

/** On the Trusted Devices page: adds a phone number and enters the code texted to it. */
export async function addTrustedPhone(page: Page, phone: ReturnType<typeof newPhone>) {
  await page.getByLabel('Phone number', { exact: true }).fill(phone.typed);
  await submit(page, 'Send Code');
  await expect(page.getByRole('status').filter({ hasText: 'We sent a 4-digit code to' }).filter({ hasText: phone.masked })).toBeVisible();
  const inbox = await page.context().newPage();
  const code = await newestSmsCode(inbox, phone.e164);
  await inbox.close();
  await page.getByTestId('pending-device').filter({ hasText: phone.masked }).getByLabel('Verification code').fill(code);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
}

/** Runs an operator command or e2e fixture against the test's portal's database (as an operator would on the server). */
export function operator(script: string, ...args: string[]): string {
  const env = { ...process.env, DATABASE_URL: `file:${join(e2eServer().dir, 'e2e.db')}`, BCRYPT_COST: '8' };
  return execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const dbs = new Map<string, Db>();
/**
 * The test's portal's database, opened in this process for the database fixtures (starting a
 * process per fixture cost a second or more each). Playwright ends the worker, and the client with it.
 */
export function e2eDb(): Db {
  const url = `file:${join(e2eServer().dir, 'e2e.db')}`;
  if (!dbs.has(url)) dbs.set(url, createDb(url));
  return dbs.get(url)!;
}

/**
 * Database fixture (e2e/fixtures/accounts.ts), not the pages: gives the account a verified
 * trusted phone `e164`; two-step stays as it was.
 */
export async function trustedPhoneInDatabase(appleId: string, e164: string): Promise<void> {
  await giveTrustedPhone(e2eDb(), appleId, e164);
}

/**
 * Database fixture (e2e/fixtures/accounts.ts), not the pages: gives the account a verified
 * trusted phone `e164` and turns two-step on with a new Recovery Key, which it returns. Turning it
 * on through the pages is e2e/turn-on.spec.ts and e2e/keyboard-turn-on.spec.ts.
 */
export async function twoStepOnInDatabase(appleId: string, e164: string): Promise<string> {
  const recoveryKey = await turnTwoStepOn(e2eDb(), appleId, e164, 8);
  expect(recoveryKey).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
  return recoveryKey;
}

/** Database fixture (e2e/fixtures/accounts.ts): an authenticator app, a passkey and an unfinished app. */
export async function otherKindsInDatabase(appleId: string): Promise<void> {
  await giveOtherKinds(e2eDb(), appleId);
}

/**
 * A fresh account, created in the browser, then turned on in the database (twoStepOnInDatabase):
 * a verified phone and a Recovery Key. Returns what the holder keeps: the phone and the key.
 */
export async function accountWithTwoStepOnInDatabase(page: Page, label: string) {
  const appleId = newAppleId(label);
  const phone = newPhone();
  await createAccount(page, appleId);
  const recoveryKey = await twoStepOnInDatabase(appleId, phone.e164);
  return { appleId, phone, recoveryKey };
}

/** Answers "Verify Your Identity" (a fresh code before a sensitive change) with a code texted to `e164`. */
export async function verifyIdentity(page: Page, e164: string) {
  await expect(page.getByRole('heading', { name: 'Verify Your Identity' })).toBeVisible();
  await enterTextedCode(page, e164, 'Continue');
}

/**
 * On a code step: picks the trusted phone `e164`, sends a code, reads it from the SMS inbox in a
 * second tab (so this page keeps its state), enters it and presses `button`.
 */
export async function enterTextedCode(page: Page, e164: string, button: string) {
  await page.getByRole('radio', { name: new RegExp(`${e164.slice(-2)}\\b`) }).check();
  await submit(page, 'Send Code');
  const inbox = await page.context().newPage();
  const code = await newestSmsCode(inbox, e164);
  await inbox.close();
  await page.getByLabel(/Verification code sent to/).fill(code);
  await page.getByRole('button', { name: button, exact: true }).click();
}

/** Signed out: the Recovery Key reset's first page with `appleId` and `recoveryKey`, on to its code step. */
export async function startRecoveryKeyReset(page: Page, appleId: string, recoveryKey: string) {
  await page.goto('/reset/recovery-key');
  await page.getByLabel('Apple ID').fill(appleId);
  await page.getByLabel('Recovery Key', { exact: true }).fill(recoveryKey);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/reset\/recovery-key\/verify$/);
}

/** On Password and Security, past its questions: changes the password from `from` to `to`. */
export async function changePassword(page: Page, from: string, to: string) {
  await page.locator('summary', { hasText: 'Change password' }).click();
  await page.getByLabel('Current password').fill(from);
  await page.getByLabel('New password', { exact: true }).fill(to);
  await page.getByLabel('Confirm new password').fill(to);
  await page.getByRole('button', { name: 'Change Password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password was changed.' })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign Out', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Sign In', exact: true })).toBeVisible();
}

/** Everything the test's portal has printed so far (stdout and stderr: its operator log; playwright.config.ts). */
export function serverLog(): string {
  return readFileSync(join(e2eServer().dir, 'server.log'), 'utf8');
}

/** Tells the Twilio stand-in to answer the next `times` text messages with Twilio error `code` (dev/standins/twilio.ts). */
export async function twilioFault(page: Page, fault: { code: number; times?: number } | null) {
  const res = await page.request.post(`http://127.0.0.1:${e2eServer().ports.http}/_standin/sms/fault`, {
    data: fault ? { mode: 'twilio-error', code: fault.code, times: fault.times ?? 1 } : { mode: 'none' },
  });
  expect(res.status()).toBe(200);
}

/**
 * How an email writes the day of an instant for a holder whose zone is `zone` (the zone the
 * browser reported at sign-in): "March 1, 2027 (Pacific Standard Time)". Worked out here, apart
 * from the portal's formatter, so a spec checks the portal's words rather than repeating them.
 */
export function emailDay(instant: string | number, zone: string): string {
  const d = new Date(instant);
  const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: zone }).format(d);
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'long' })
    .formatToParts(d)
    .find((p) => p.type === 'timeZoneName')!.value;
  return `${day} (${name})`;
}
