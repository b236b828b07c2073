import type { Page } from '@playwright/test';
import { expect, test } from './csp-guard.ts';
import { englishLeft, fitsInEveryLanguage, overflowing, readIn } from './language-checks.ts';
import {
  advanceClock,
  answerSecurityQuestions,
  createAccount,
  DEMO_ANSWERS,
  newAppleId,
  newPhone,
  PASSWORD,
  signIn,
  signOut,
} from './helpers.ts';
import { DEMO_PASSWORD } from '../dev/seed/demo-accounts.ts';

// The main journeys in the pseudo-locale (en-XA: every letter of the catalogue accented, each
// sentence 40 % longer, bracketed) on the narrowest phone, 320 px: each page must show no English
// (English left outside the catalogues stands out as plain ASCII words) and nothing clipped or
// overflowing (e2e/language-checks.ts). Steps are taken in English where the helpers' labels are
// needed (readIn(page, 'en') for the page's next requests), and each page is looked at in the
// pseudo-locale; a form's answer (an error, a code sent) is asked for in the pseudo-locale itself.

const PSEUDO = 'en-XA';

// Playwright's `locale` is what the browser says in Accept-Language (it would override extraHTTPHeaders' own).
test.use({
  locale: PSEUDO,
  extraHTTPHeaders: { 'Accept-Language': PSEUDO },
  viewport: { width: 320, height: 720 },
  timezoneId: 'Europe/Berlin',
});
test.describe.configure({ timeout: 300_000 });

/** The form holding the field `name` (an input's name), and its submit button. */
const submitOf = (page: Page, field: string) => page.locator(`form:has([name="${field}"]) button[type="submit"]`).first();

/** Presses a submit button and waits for the server action's answer (as helpers.ts submit, without the button's English name). */
async function press(page: Page, button: ReturnType<Page['locator']>) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
}

/** Looks at the page again, or opens `path`, in the pseudo-locale. */
async function inPseudo(page: Page, path?: string) {
  await readIn(page, null);
  if (path) await page.goto(path);
  else await page.reload();
}

test('the pseudo-locale is served, and English asked for is English', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', PSEUDO);
  await readIn(page, 'en');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await readIn(page, null);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', PSEUDO);
});

test('the checks find English and clipped text, and let through data, dates, zones and text in a language of its own', async ({ page }) => {
  await page.setContent(
    [
      '<title>[Ŝíĝñ Íñ ~~~~]</title>',
      '<h1>[Ŝíĝñ Íñ ~~~~]</h1>',
      '<p>Sign in to continue</p>',
      '<p>[Ĺášţ ćĥáñĝéđ ~~] December 8, 2026 (Central European Standard Time), Jamie Tester, jamie@example.com</p>',
      '<p lang="fr">Français</p>',
      '<div style="width: 100px; overflow: hidden; white-space: nowrap">[ŵŵŵŵŵŵŵŵŵŵŵŵŵŵŵŵŵŵŵŵŵŵŵŵŵŵŵŵŵŵ]</div>',
    ].join(''),
  );
  expect(await englishLeft(page, ['Jamie Tester'])).toEqual(['p: Sign in to continue']);
  expect(await overflowing(page)).toEqual([expect.stringMatching(/^div \(\d+ px wider than its box\)/)]);
  await page.setContent('<p style="width: 500px">[ŵŵŵŵ]</p>');
  expect(await overflowing(page)).toEqual([expect.stringMatching(/^the document is \d+ px wide in a 320 px window, past its edge: p /)]);
});

test('signed out: sign in, create account, forgot password, the Recovery Key reset, help, contact support', async ({ page }) => {
  for (const [path, what] of [
    ['/', 'home'],
    ['/sign-in', 'sign in'],
    ['/create', 'create account'],
    ['/forgot', 'forgot password'],
    ['/reset/recovery-key', 'reset with the Recovery Key'],
    ['/help/two-step', 'Learn more about two-step verification'],
    ['/contact-support', 'contact support'],
  ] as const) {
    await page.goto(path);
    await fitsInEveryLanguage(page, what);
  }

  await page.goto('/sign-in');
  await page.locator('#appleId').fill('nobody@example.com');
  await page.locator('#password').fill('not a password');
  await press(page, submitOf(page, 'password'));
  await expect(page.locator('p.form-error, [data-testid="error-summary"]').first()).toBeVisible();
  await fitsInEveryLanguage(page, 'sign in, wrong password');

  await page.goto('/create');
  await press(page, submitOf(page, 'appleId'));
  await expect(page.getByTestId('error-summary')).toBeVisible();
  await fitsInEveryLanguage(page, 'create account, empty form sent');

  await page.goto('/forgot');
  await page.locator('#appleId').fill('nobody@example.com');
  await press(page, submitOf(page, 'appleId'));
  await expect(page.getByRole('status').first()).toBeVisible();
  await fitsInEveryLanguage(page, 'forgot password, answered');

  // Create Account: filled in, sent and answered in the pseudo-locale (a page keeps the language it
  // was loaded in, so its answer comes in it too): its fields found by their names.
  const appleId = newAppleId('pseudo-create');
  await page.goto('/create');
  await fillCreateAccountByName(page, appleId);
  await press(page, submitOf(page, 'appleId'));
  await expect(page.locator('#appleId')).toHaveCount(0);
  await fitsInEveryLanguage(page, 'create account: check your email', [appleId]);
  const link = await activationLinkInAnyLanguage(page, appleId);
  await inPseudo(page, link);
  await expect(page).toHaveURL(/\/create\/activate$/);
  await fitsInEveryLanguage(page, 'activate your Apple ID', [appleId]);
  await press(page, page.locator('#main-content form button[type="submit"]').first());
  await fitsInEveryLanguage(page, 'Apple ID active', [appleId]);
});

test('Password and Security in its states (demo accounts, read only): country unavailable, waiting, window expired', async ({ page }) => {
  for (const who of ['nima', 'robin', 'quinn']) {
    const appleId = `${who}@two-step.test`;
    await readIn(page, 'en');
    await signIn(page, appleId, DEMO_PASSWORD);
    await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
    await page.goto('/account/security');
    await answerSecurityQuestions(page, DEMO_ANSWERS);
    await inPseudo(page);
    await fitsInEveryLanguage(page, `Password and Security: ${who}'s state`, [appleId]);
    await readIn(page, 'en');
    await signOut(page);
  }
});

test('turning two-step on through the Recovery Key page, then Trusted Devices, app-specific passwords and the code step', async ({
  page,
}) => {
  const appleId = newAppleId('pseudo-turn-on');
  const phone = newPhone();
  const data = [appleId, 'Jamie Tester', phone.typed, phone.e164, phone.masked];
  await readIn(page, 'en');
  await createAccount(page, appleId);
  await inPseudo(page, '/account');
  await fitsInEveryLanguage(page, 'Manage your account', data);
  await page.goto('/account/security');
  await fitsInEveryLanguage(page, 'Password and Security: the security questions', data);
  await readIn(page, 'en');
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await inPseudo(page);
  await fitsInEveryLanguage(page, 'Password and Security: available', data);

  await readIn(page, 'en');
  await page.reload(); // the page in English, to press its English button
  await page.getByRole('button', { name: 'Get Started' }).click();
  await expect(page.getByRole('heading', { name: 'Set Up Two-Step Verification' })).toBeVisible();
  await inPseudo(page);
  await fitsInEveryLanguage(page, 'setup step 1 (no devices)', data);
  await page.goto('/account/security');
  await fitsInEveryLanguage(page, 'Password and Security: setup running', data);

  // Trusted Devices: none, a number refused, a code sent, then verified.
  await page.goto('/account/security/devices');
  await fitsInEveryLanguage(page, 'Trusted Devices (none)', data);
  await page.locator('#phoneNumber').fill('12');
  await press(page, submitOf(page, 'phoneNumber'));
  await expect(page.getByTestId('error-summary')).toBeVisible();
  await fitsInEveryLanguage(page, 'Trusted Devices, a number refused', data);
  await page.goto('/account/security/devices');
  await page.locator('#phoneNumber').fill(phone.typed);
  await press(page, submitOf(page, 'phoneNumber'));
  await expect(page.getByTestId('pending-device')).toBeVisible();
  await fitsInEveryLanguage(page, 'Trusted Devices, waiting for a code', data);
  const code = await textedCode(page, phone.e164);
  const pending = page.getByTestId('pending-device');
  await pending.locator('input[name^="code"]').fill(code);
  await press(page, pending.locator('form:has(input[name^="code"]) button[type="submit"]'));
  await expect(page.getByTestId('setup-continue')).toBeVisible();
  await fitsInEveryLanguage(page, 'Trusted Devices, verified during setup', data);

  // The Recovery Key, its confirmation and the conditions.
  await page.goto('/account/security/setup');
  await fitsInEveryLanguage(page, 'setup overview, step 2 next', data);
  await page.goto('/account/security/setup/recovery-key');
  await fitsInEveryLanguage(page, 'setup step 2: get your Recovery Key', data);
  await press(page, page.locator('#main-content form button[type="submit"]').first());
  await expect(page.getByTestId('recovery-key')).toBeVisible();
  const key = ((await page.getByTestId('recovery-key').textContent()) ?? '').trim();
  data.push(key);
  await fitsInEveryLanguage(page, 'setup step 2: the Recovery Key', data);
  await page.goto('/account/security/setup/confirm');
  await fitsInEveryLanguage(page, 'setup step 3: confirm the key', data);
  await page.locator('#recoveryKey').fill('AAAA-BBBB-CCCC-DD');
  await press(page, submitOf(page, 'recoveryKey'));
  await expect(page.getByTestId('error-summary')).toBeVisible();
  await fitsInEveryLanguage(page, 'setup step 3: a wrong key', data);
  await page.locator('#recoveryKey').fill(key);
  await submitOf(page, 'recoveryKey').click();
  await expect(page.locator('[name="accept"]')).toBeVisible();
  await fitsInEveryLanguage(page, 'setup step 4: conditions', data);
  await press(page, submitOf(page, 'accept'));
  await expect(page.getByTestId('error-summary')).toBeVisible();
  await fitsInEveryLanguage(page, 'setup step 4: conditions not accepted', data);
  await page.locator('[name="accept"]').check();
  await submitOf(page, 'accept').click();
  await expect(page).toHaveURL(/\/account\/security\/setup\/done$/);
  await fitsInEveryLanguage(page, 'two-step on: confirmation', data);
  await page.goto('/account/security');
  await fitsInEveryLanguage(page, 'Password and Security: on', data);
  await page.goto('/account/security/devices');
  await fitsInEveryLanguage(page, 'Trusted Devices (two-step on)', data);

  // App-specific passwords: the code step before them (Verify Your Identity), then a password made.
  await advanceClock(page, 31); // past the wait between two codes to one device (the phone's was just verified)
  await page.goto('/account/security/app-passwords');
  await fitsInEveryLanguage(page, 'code step: choose a trusted device', data);
  await codeStep(page, phone.e164, data);
  await expect(page.locator('#label')).toBeVisible();
  await fitsInEveryLanguage(page, 'app-specific passwords', data);
  await page.locator('#label').fill('Mail on my laptop');
  await press(page, submitOf(page, 'label'));
  await expect(page.getByTestId('app-password')).toBeVisible();
  const password = ((await page.getByTestId('app-password').textContent()) ?? '').trim();
  await fitsInEveryLanguage(page, 'app-specific passwords: one made', [...data, 'Mail on my laptop', password]);

  // Signing in with two-step on: the code step at sign-in.
  await readIn(page, 'en');
  await signOut(page);
  await advanceClock(page, 31);
  await inPseudo(page, '/sign-in');
  await page.locator('#appleId').fill(appleId);
  await page.locator('#password').fill(PASSWORD);
  await submitOf(page, 'password').click();
  await expect(page.locator('[name="trustedDeviceId"]').first()).toBeVisible();
  await fitsInEveryLanguage(page, 'sign-in: choose a trusted device', data);
  await codeStep(page, phone.e164, data);
  await expect(page).toHaveURL(/\/account$/);
});

/** A code step in the pseudo-locale: a code sent, a wrong code, then the right one (read from the SMS inbox in another tab). */
async function codeStep(page: Page, e164: string, data: string[]) {
  await press(page, submitOf(page, 'trustedDeviceId'));
  await expect(page.locator('#code')).toBeVisible();
  await fitsInEveryLanguage(page, 'code step: a code sent', data);
  await page.locator('#code').fill('0000');
  await press(page, submitOf(page, 'code'));
  await expect(page.getByTestId('error-summary').or(page.locator('p.form-error')).first()).toBeVisible();
  await fitsInEveryLanguage(page, 'code step: a wrong code', data);
  const code = await textedCode(page, e164);
  await page.locator('#code').fill(code);
  await submitOf(page, 'code').click();
  await expect(page.locator('#code')).toHaveCount(0);
}

/**
 * The activation link emailed to `appleId`, whatever the email's language (the account was made in
 * the pseudo-locale): found by its address in the newest email to it, in the dev mail inbox.
 */
async function activationLinkInAnyLanguage(page: Page, appleId: string): Promise<string> {
  const mail = page
    .getByTestId('mail')
    .filter({ hasText: `To ${appleId}` })
    .first();
  await expect(async () => {
    await page.goto('/dev/mail');
    await expect(mail).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const link = /https?:\/\/\S+\/create\/activate\/open\?token=[A-Za-z0-9_-]{43}/.exec((await mail.locator('pre').textContent()) ?? '')?.[0];
  expect(link, 'an activation link in the email').toBeTruthy();
  return link!;
}

/**
 * The code in the newest text to `e164`, whatever the text's language: the digits of its message,
 * read from the SMS inbox in another tab (so the page keeps its state).
 */
async function textedCode(page: Page, e164: string): Promise<string> {
  const inbox = await page.context().newPage();
  const message = inbox.getByTestId('sms').filter({ hasText: e164 }).first().locator('td').nth(3);
  await expect(async () => {
    await inbox.goto('/dev/sms');
    await expect(message).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const code = /\b\d{4,8}\b/.exec((await message.textContent()) ?? '')?.[0];
  await inbox.close();
  expect(code, `a code in the newest text to ${e164}`).toBeTruthy();
  return code!;
}

/** Create Account's fields by their names, in whatever language the page is in. */
async function fillCreateAccountByName(page: Page, appleId: string) {
  const field = (name: string) => page.locator(`[name="${name}"]`);
  await field('name').fill('Jamie Tester');
  await field('birthMonth').fill('7');
  await field('birthDay').fill('14');
  await field('birthYear').fill('1988');
  await field('countryCode').selectOption('US');
  await field('appleId').fill(appleId);
  await field('password').fill(PASSWORD);
  await field('confirmPassword').fill(PASSWORD);
  for (const [n, answer] of [
    [1, 'indigo'],
    [2, 'lisbon'],
    [3, 'biscuit'],
  ] as const) {
    await field(`question${n}`).selectOption({ index: n });
    await field(`answer${n}`).fill(answer);
  }
}
