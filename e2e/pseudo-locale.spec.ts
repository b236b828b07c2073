import type { Page } from '@playwright/test';
import { expect, test } from './csp-guard.ts';
import { englishLeft, fitsInEveryLanguage, overflowing, readIn } from './language-checks.ts';
import { answerSecurityQuestions, DEMO_ANSWERS, newAppleId, PASSWORD, signIn, signOut } from './helpers.ts';
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
