import { expect, test } from './csp-guard.ts';
import {
  answerResetQuestions,
  createAccount,
  formError,
  newAppleId,
  newestMailText,
  PASSWORD,
  requestResetLink,
  signIn,
} from './helpers.ts';

const NEW_PASSWORD = 'amber lighthouse 77';
const LINK_INVALID = 'This link has expired or was already used. Ask for a new one.';

test('a holder who forgot the password resets it with the emailed link and two security questions', async ({ page }) => {
  const appleId = newAppleId('forgot');
  await createAccount(page, appleId);
  await page.getByRole('button', { name: 'Sign Out', exact: true }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();

  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await page.getByLabel('Apple ID').fill(appleId);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('status')).toContainText(
    'If an account exists for that Apple ID, we emailed the addresses on file. With two-step verification off, the email has a link to reset the password, which works for 1 hour.',
  );

  // Read the link from the email, as the holder would.
  const text = await newestMailText(page, appleId, 'Reset your password');
  expect(text).not.toContain(PASSWORD);
  const link = /https?:\/\/\S+\/reset\/open\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(link).toBeTruthy();

  // Opening it moves the token out of the address bar at once.
  await page.goto(link!);
  await expect(page).toHaveURL(/\/reset$/);
  expect(page.url()).not.toContain('token');
  const cookie = (await page.context().cookies()).find((c) => c.name === 'two_step_reset');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/reset' });
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();

  await answerResetQuestions(page);
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Reset Password' }).click();

  await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
  await expect(page.getByText('Your password was reset. Sign in with your new password.')).toBeVisible();
  await signIn(page, appleId, PASSWORD);
  await expect(formError(page)).toHaveText('Your Apple ID or password was incorrect.');
  await signIn(page, appleId, NEW_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();

  // The holder is told, at every address on file.
  await newestMailText(page, appleId, 'Your password was reset');

  // The link works once.
  await page.goto(link!);
  await expect(page).toHaveURL(/\/reset$/);
  await expect(page.getByText(LINK_INVALID)).toBeVisible();
  await expect(page.getByLabel('New password', { exact: true })).toHaveCount(0);
});

test('a reset attempt with only the Apple ID and the birth date fails: no page accepts them', async ({ page, context }) => {
  const appleId = newAppleId('birthdate');
  await createAccount(page, appleId);
  await page.getByRole('button', { name: 'Sign Out', exact: true }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();

  // Without a link there is no reset form at all.
  await page.goto('/reset');
  await expect(page.getByText(LINK_INVALID)).toBeVisible();
  await expect(page.getByLabel('New password', { exact: true })).toHaveCount(0);
  // A malformed link is the same.
  await page.goto('/reset/open?token=1988-07-14');
  await expect(page).toHaveURL(/\/reset$/);
  await expect(page.getByText(LINK_INVALID)).toBeVisible();

  // The reset form posted without a valid link but with the Apple ID and birth date (the 2013 hole):
  // take the form from a real link, forget the link, add the fields, and send it.
  const link = await requestResetLink(page, appleId);
  await page.goto(link);
  await expect(page.getByLabel('New password', { exact: true })).toBeVisible();
  await context.clearCookies({ name: 'two_step_reset' });
  await page.locator('form').evaluate((form, id) => {
    for (const [name, value] of [
      ['appleId', id],
      ['birthDate', '1988-07-14'],
    ]) {
      const input = form.ownerDocument.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      form.append(input);
    }
  }, appleId);
  await page.locator('#answer1').fill('no idea');
  await page.locator('#answer2').fill('no idea');
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Reset Password' }).click();
  await expect(formError(page)).toHaveText(LINK_INVALID);

  await signIn(page, appleId, NEW_PASSWORD);
  await expect(formError(page)).toHaveText('Your Apple ID or password was incorrect.');
  await signIn(page, appleId, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
});
