import { expect, test } from './csp-guard.ts';
import { type Page } from '@playwright/test';
import {
  accountWithTwoStepOnInDatabase,
  advanceClock,
  answerSecurityQuestions,
  createAccount,
  fillCreateAccount,
  newAppleId,
  newPhone,
  newestSmsCode,
  signOut,
  submit,
  verifyIdentity,
} from './helpers.ts';

// What replaces a form or a button in place (a confirmation, a new password, a heading) takes the
// keyboard focus and is said by a live region, so a keyboard or screen-reader user goes on from the
// change rather than from the top of the page or a button that is gone. And a button that posts says
// so while its answer is on its way. Pressed from the keyboard, as such a user would.

test.describe.configure({ timeout: 180_000 });

/** Focuses the button as Tab would reach it, and presses Enter. */
async function pressButton(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

/**
 * Holds the next POST to `path` until the returned function is called, so the page can be seen
 * while its form is being sent (no waiting on the clock: the answer comes only when released).
 */
async function holdNextPost(page: Page, path: string): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      if (route.request().method() === 'POST') await released;
      await route.fallback();
    },
  );
  return release;
}

test('Forgot password: once sent, focus is on what was sent, which the live region says', async ({ page }) => {
  await page.goto('/forgot');
  await page.getByLabel('Apple ID').fill('nobody-at-all@example.com');
  await page.keyboard.press('Enter');
  const sent = page.getByTestId('forgot-sent');
  await expect(sent).toBeFocused();
  await expect(sent).toHaveAttribute('role', 'status');
  await expect(sent).toContainText('Two-step verification on?');
  // Tab goes on from there: to the link inside it.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Reset with your Recovery Key' }).first()).toBeFocused();
});

test('Create Account: "Check your email" takes focus', async ({ page }) => {
  await fillCreateAccount(page, { appleId: newAppleId('focus-create') });
  await page.getByRole('button', { name: 'Create Account' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  await expect(page.getByRole('status')).toContainText('We sent an email to');
});

test('"Email me when two-step is offered": the confirmation takes the place and the focus of the button', async ({ page }) => {
  const appleId = newAppleId('focus-country');
  await createAccount(page, appleId, { countryCode: 'MN' });
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  const release = await holdNextPost(page, '/account/security');
  await pressButton(page, 'Email me when two-step verification is offered in Mongolia');
  // While it is on its way, the button says so and ignores another press.
  const pending = page.getByRole('button', { name: 'Saving your request…' });
  await expect(pending).toHaveAttribute('aria-disabled', 'true');
  await expect(pending).toBeFocused();
  release();
  const said = page.getByRole('status').filter({ hasText: `We will email ${appleId} when two-step verification is offered in Mongolia.` });
  await expect(said).toBeFocused();
  await expect(page.getByRole('button', { name: /Email me when/ })).toHaveCount(0);
  // On a later visit it is just said, with the focus left where a page starts.
  await page.reload();
  await expect(page.getByTestId('country-offer-requested')).toBeVisible();
  await expect(page.getByTestId('country-offer-requested')).not.toBeFocused();
});

test('Get Started says it is starting while its answer is on its way', async ({ page }) => {
  await createAccount(page, newAppleId('pending-start'));
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  const release = await holdNextPost(page, '/account/security');
  await pressButton(page, 'Get Started');
  const pending = page.getByRole('button', { name: 'Starting…' });
  await expect(pending).toHaveAttribute('aria-disabled', 'true');
  await expect(pending).toBeFocused();
  release();
  await expect(page.getByRole('heading', { name: 'Set Up Two-Step Verification' })).toBeVisible();
});

test('Sign Out says it is signing out while its answer is on its way', async ({ page }) => {
  await createAccount(page, newAppleId('pending-out'));
  const release = await holdNextPost(page, '/account');
  await page.getByRole('navigation').getByRole('button', { name: 'Sign Out', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Signing out…' })).toHaveAttribute('aria-disabled', 'true');
  release();
  await expect(page.getByRole('link', { name: 'Sign In', exact: true })).toBeVisible();
});

test('a new app-specific password takes focus, can be copied, and breaks only between its groups', async ({ page, context }) => {
  const { phone } = await accountWithTwoStepOnInDatabase(page, 'focus-app-password');
  await advanceClock(page, 31);
  await page.goto('/account/security/app-passwords');
  await verifyIdentity(page, phone.e164);
  await expect(page.getByRole('heading', { name: 'App-Specific Passwords', level: 1 })).toBeVisible();
  await page.getByLabel('Label').fill('Mail on my laptop');
  await pressButton(page, 'Generate Password');
  const shown = page.locator('#app-password-shown');
  await expect(shown).toBeFocused();
  const password = ((await page.getByTestId('app-password').textContent()) ?? '').trim();
  expect(password).toMatch(/^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$/);
  // Read out a letter at a time, a group at a time.
  await expect(shown).toContainText(`The password is ${password.slice(0, 4).split('').join(' ')}, dash, `);
  await expect(page.getByTestId('app-password-said')).toHaveAttribute('role', 'status');
  await expect(page.getByTestId('app-password-said')).toContainText('Your app-specific password for Mail on my laptop:');

  // Tab goes on to Copy, which copies the password exactly.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Copy Password' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Copied the password.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);

  // On a phone (and a narrower one) no group is split over two lines, and nothing scrolls sideways.
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const linesPerGroup = await page
      .getByTestId('app-password')
      .locator('span')
      .evaluateAll((groups) => groups.map((g) => new Set([...g.getClientRects()].map((r) => Math.round(r.top))).size));
    expect(linesPerGroup).toEqual([1, 1, 1, 1]);
    await page.screenshot({ path: `test-results/app-password-new-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: 'test-results/app-password-new-1280.png', fullPage: true });
  await signOut(page);
});

test('setup: once a trusted phone is verified, focus is on what comes next, one Tab from Continue', async ({ page }) => {
  await createAccount(page, newAppleId('focus-setup'));
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await page.getByRole('button', { name: 'Get Started' }).click();
  await expect(page.getByRole('heading', { name: 'Set Up Two-Step Verification' })).toBeVisible();
  await page.goto('/account/security/devices');
  const phone = newPhone();
  await page.getByLabel('Phone number', { exact: true }).fill(phone.typed);
  await submit(page, 'Send Code');
  const inbox = await page.context().newPage();
  const code = await newestSmsCode(inbox, phone.e164);
  await inbox.close();
  await page.getByTestId('pending-device').filter({ hasText: phone.masked }).getByLabel('Verification code').fill(code);
  await page.keyboard.press('Enter');
  const said = page.locator('#setup-continue-said');
  await expect(said).toBeFocused();
  await expect(said).toContainText('Your trusted phone number is set up. Next in setting up two-step verification: Recovery Key.');
  await expect(page.getByRole('status').filter({ hasText: `${phone.masked} is now a trusted device.` })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('setup-continue').getByRole('link', { name: 'Continue', exact: true })).toBeFocused();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    await page.screenshot({ path: `test-results/setup-device-verified-${width}.png` });
  }
  // Coming back to the page later, nothing was just verified: the page starts at the top as usual.
  await page.goto('/account/security/devices');
  await expect(page.getByTestId('setup-continue')).toBeVisible();
  await expect(said).not.toBeFocused();
});
