import { expect, test } from './csp-guard.ts';
import { answerSecurityQuestions, createAccount, fillCreateAccount, formError, newAppleId, PASSWORD, signIn } from './helpers.ts';

test('a new person creates an account, reads the welcome email, signs out and in, and opens Password and Security', async ({ page }) => {
  const appleId = newAppleId('new');
  await createAccount(page, appleId);
  await expect(page.getByText(`We sent a welcome email to ${appleId}`)).toBeVisible();

  // The welcome email arrives through the outbox worker and SMTP in the dev mail inbox.
  await expect(async () => {
    await page.goto('/dev/mail');
    await expect(page.getByTestId('mail').filter({ hasText: appleId }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const mail = page.getByTestId('mail').filter({ hasText: appleId }).first();
  await expect(mail.getByRole('heading')).toHaveText('Welcome to your new Apple ID');
  await expect(mail).not.toContainText(PASSWORD);

  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign Out', exact: true }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await page.goto('/account/security');
  await expect(page).toHaveURL(/\/sign-in$/);

  await signIn(page, appleId.toUpperCase());
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
  await page.getByRole('link', { name: 'Password and Security' }).first().click();
  await expect(page.getByRole('heading', { name: 'Password and Security' })).toBeVisible();
  await answerSecurityQuestions(page);

  // The Two-Step Verification section is the first section of the page.
  const firstSection = page.locator('main section').first();
  await expect(firstSection.getByRole('heading', { level: 2 })).toHaveText('Two-Step Verification');
  await page.screenshot({ path: 'test-results/password-and-security.png', fullPage: true });
});

test('bad details get a clear message next to each field, and no account is created', async ({ page }) => {
  const appleId = newAppleId('bad');
  await fillCreateAccount(page, { appleId: 'not-an-email', password: 'password123', rescueEmail: 'NOT-AN-EMAIL' });
  await page.getByRole('button', { name: 'Create Account' }).click();
  await expect(page.locator('#appleId-error')).toHaveText(/valid email address/);
  await expect(page.locator('#password-error')).toHaveText(/most commonly used/);

  await fillCreateAccount(page, { appleId, rescueEmail: appleId.toUpperCase() });
  await page.getByRole('button', { name: 'Create Account' }).click();
  await expect(page.locator('#rescueEmail-error')).toHaveText('Your rescue email must be different from your Apple ID.');
  await expect(page.getByLabel('Apple ID')).toHaveValue(appleId); // what was typed is kept

  await signIn(page, appleId);
  await expect(formError(page)).toHaveText('Your Apple ID or password was incorrect.');
});

test('a wrong password is refused with one message, and repeated failures lock the Apple ID for a stated time', async ({ page }) => {
  const appleId = newAppleId('locked');
  await createAccount(page, appleId);
  await page.getByRole('button', { name: 'Sign Out', exact: true }).click();

  await signIn(page, appleId, 'not the password');
  await expect(formError(page)).toHaveText('Your Apple ID or password was incorrect.');
  await expect(page.getByLabel('Apple ID')).toHaveValue(appleId);

  for (let i = 0; i < 4; i++) await signIn(page, appleId, `wrong password ${i}`);
  await expect(formError(page)).toHaveText(/Too many unsuccessful sign-in attempts\. For your security, try again in 15 minutes\./);

  await signIn(page, appleId, PASSWORD);
  await expect(formError(page)).toHaveText(/try again in 15 minutes/);
});

test('signing out everywhere ends the other browsers too', async ({ page, browser }) => {
  const appleId = newAppleId('everywhere');
  await createAccount(page, appleId);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, appleId);
  await expect(otherPage.getByRole('heading', { name: 'Manage your account' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign Out Everywhere' }).click();
  await expect(page.getByText('You are signed out on every browser and device.')).toBeVisible();
  await otherPage.goto('/account');
  await expect(otherPage).toHaveURL(/\/sign-in$/);
  await other.close();
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
  await createAccount(page, newAppleId('cookie'));
  const cookie = (await context.cookies()).find((c) => c.name === 'two_step_session');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  expect(cookie?.secure).toBe(true);
});
