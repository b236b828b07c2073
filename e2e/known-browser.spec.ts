// A stranger who knows only the Apple ID cannot lock the holder out (issue 11, part 2): the
// holder's browser, which signed in before, carries a device cookie and keeps its own budget.
import { expect, test } from './csp-guard.ts';
import { createAccount, formError, newAppleId, signIn, signOut } from './helpers.ts';

test("a stranger's wrong passwords lock unknown browsers, not the browser the holder signed in with", async ({ page, browser }) => {
  const appleId = newAppleId('known');
  await createAccount(page, appleId); // signed in: this browser is known to the account from now on
  const device = (await page.context().cookies()).find((c) => c.name.endsWith('two_step_device'));
  expect(device?.httpOnly).toBe(true);
  expect(device!.expires - Date.now() / 1000).toBeGreaterThan(365 * 24 * 3600); // long-lived
  await signOut(page);

  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  for (let i = 1; i <= 4; i++) {
    await signIn(strangerPage, appleId, `a stranger's guess ${i}`);
    await expect(formError(strangerPage)).toHaveText('Your Apple ID or password was incorrect.');
  }
  await signIn(strangerPage, appleId, "a stranger's guess 5");
  await expect(formError(strangerPage)).toContainText('Too many unsuccessful sign-in attempts. For your security, try again in 15 minutes.');
  // Even the right password, from a browser the account does not know, waits.
  await signIn(strangerPage, appleId);
  await expect(formError(strangerPage)).toContainText('Too many unsuccessful sign-in attempts');
  await stranger.close();

  await signIn(page, appleId);
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
});
