// A stranger who knows only the Apple ID cannot lock the holder out (docs/known-browsers.md): the
// holder's browser, which signed in before, carries a device cookie and keeps its own budget.
import { expect, test } from './csp-guard.ts';
import type { Browser } from '@playwright/test';
import { advanceClock, createAccount, formError, newAppleId, signIn, signOut } from './helpers.ts';

/** A stranger, in a browser of their own, types wrong passwords until the Apple ID is locked for browsers it does not know. */
async function strangerLocksTheAppleId(browser: Browser, appleId: string) {
  const stranger = await browser.newContext();
  const page = await stranger.newPage();
  for (let i = 1; i <= 5; i++) await signIn(page, appleId, `a stranger's guess ${i}`);
  await expect(formError(page)).toContainText('Too many unsuccessful sign-in attempts');
  await stranger.close();
}

test("a stranger's wrong passwords lock unknown browsers, not the browser the holder signed in with", async ({ page, browser }) => {
  const appleId = newAppleId('known');
  const before = Date.now() / 1000; // the browser dates the cookie's Max-Age from when it got it, after this
  await createAccount(page, appleId); // signed in: this browser is known to the account from now on
  const device = (await page.context().cookies()).find((c) => c.name.endsWith('two_step_device'));
  expect(device?.httpOnly).toBe(true);
  expect(device!.expires - before).toBeGreaterThan(365 * 24 * 3600); // long-lived
  await signOut(page);

  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  for (let i = 1; i <= 4; i++) {
    await signIn(strangerPage, appleId, `a stranger's guess ${i}`);
    await expect(formError(strangerPage)).toHaveText('Your Apple ID or password was incorrect.');
  }
  await signIn(strangerPage, appleId, "a stranger's guess 5");
  await expect(formError(strangerPage)).toContainText(
    'Too many unsuccessful sign-in attempts. For your security, try again in 15 minutes.',
  );
  // Even the right password, from a browser the account does not know, waits.
  await signIn(strangerPage, appleId);
  await expect(formError(strangerPage)).toContainText('Too many unsuccessful sign-in attempts');
  await stranger.close();

  await signIn(page, appleId);
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
});

test('Sign Out Everywhere forgets the browser: a stranger’s lockout then applies to it until it signs in again; signing out of it alone does not', async ({
  page,
  browser,
}) => {
  const appleId = newAppleId('forgotten');
  await createAccount(page, appleId); // signed in: known to the account
  await page.getByRole('button', { name: 'Sign Out Everywhere' }).click();
  await expect(page.getByText('You are signed out on every browser and device.')).toBeVisible();
  // The device cookie is still there, but it counts no more.
  expect((await page.context().cookies()).some((c) => c.name.endsWith('two_step_device'))).toBe(true);

  await strangerLocksTheAppleId(browser, appleId);
  await signIn(page, appleId);
  await expect(formError(page)).toContainText('Too many unsuccessful sign-in attempts');

  // After the lock, a completed sign-in makes the browser known again.
  await advanceClock(page, 15 * 60 + 1);
  await signIn(page, appleId);
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
  await signOut(page);
  await strangerLocksTheAppleId(browser, appleId);
  await signIn(page, appleId);
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
});
