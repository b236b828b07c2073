import { expect, test } from './csp-guard.ts';
import {
  activationLink,
  answerSecurityQuestions,
  createAccount,
  fillCreateAccount,
  formError,
  newAppleId,
  newestMailText,
  PASSWORD,
  signIn,
  submitCreateAccount,
} from './helpers.ts';

test('a new person creates an account: check your email, the link activates it (on the button, not on opening), the welcome email, sign in, Password and Security', async ({
  page,
  browser,
}) => {
  const appleId = newAppleId('new');
  await fillCreateAccount(page, { appleId });
  await submitCreateAccount(page);
  await expect(page.getByTestId('check-email')).toContainText(`We sent an email to ${appleId}`);

  // Until the link is used there is no Apple ID: signing in answers as for any unknown one.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, appleId);
  await expect(formError(otherPage)).toHaveText('Your Apple ID or password was incorrect.');

  // The email (through the outbox worker and SMTP, in the dev mail inbox) holds the link and no password.
  const link = await activationLink(page, appleId);
  expect(await newestMailText(page, appleId, 'Activate your new Apple ID')).not.toContain(PASSWORD);
  // Opening the link (a GET, as mail scanners do) activates nothing.
  await page.goto(link);
  await expect(page).toHaveURL(/\/create\/activate$/);
  await expect(page.getByRole('button', { name: 'Activate my Apple ID' })).toBeVisible();
  await signIn(otherPage, appleId);
  await expect(formError(otherPage)).toHaveText('Your Apple ID or password was incorrect.');
  await other.close();

  await page.goto(link);
  await page.getByRole('button', { name: 'Activate my Apple ID' }).click();
  await expect(page.getByRole('heading', { name: 'Your Apple ID is active' })).toBeVisible();
  const welcome = await newestMailText(page, appleId, 'Welcome to your new Apple ID');
  expect(welcome).not.toContain(PASSWORD);
  // The link worked once: opened again, it says the Apple ID is active, and activates nothing more.
  await page.goto(link);
  await expect(page.getByRole('status').filter({ hasText: 'This Apple ID is already active. Sign in with it.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Activate my Apple ID' })).toHaveCount(0);

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

test('Create Account says the same for an Apple ID in use; its holder gets an email that someone tried, with no link', async ({ page }) => {
  const appleId = newAppleId('taken');
  await createAccount(page, appleId);
  await page.getByRole('button', { name: 'Sign Out', exact: true }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();

  await fillCreateAccount(page, { appleId: appleId.toUpperCase(), password: 'another good passphrase 9' });
  await submitCreateAccount(page);
  await expect(page.getByTestId('check-email')).toContainText(`We sent an email to ${appleId.toUpperCase()}`);
  await expect(page.getByText(/already used/)).toHaveCount(0);
  const mail = await newestMailText(page, appleId, 'Someone tried to create an Apple ID with your email address');
  expect(mail).not.toMatch(/token=|create\/activate/);
  // Nothing changed: the holder's password still works, the one typed into the form does not.
  await signIn(page, appleId, 'another good passphrase 9');
  await expect(formError(page)).toHaveText('Your Apple ID or password was incorrect.');
  await signIn(page, appleId);
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
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
