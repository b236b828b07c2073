import { expect, test } from './csp-guard.ts';
import { type Browser, type Page } from '@playwright/test';
import { randomInt } from 'node:crypto';
import {
  answerSecurityQuestions,
  createAccount,
  newAppleId,
  newestSmsCode,
  submit,
  trustedPhoneInDatabase,
  twoStepOnInDatabase,
} from './helpers.ts';
import { newStaff, staffFirstSignIn, staffPassword } from './staff.ts';

// The support console, as an operator, a staff member and two holders use it: the operator makes a
// staff user with the command line, who signs in with the password and an authenticator app set
// up at that first sign-in (e2e/staff-second-factor.spec.ts tests that step itself); staff look up
// an account without two-step (details, numbers masked) and one with two-step on (only that it
// exists), the holder makes a support PIN with a code from /dev/sms and reads it to them, and then
// sees every look in Recent Security Activity.

// The commands run against the end-to-end server's own database (playwright.config.ts).
function phone() {
  const last4 = String(randomInt(0, 10_000)).padStart(4, '0');
  return { e164: `+1555010${last4}`, masked: `+1 ••• ••• ••${last4.slice(2)}`, digits: `555010${last4}` };
}

async function newContext(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'America/New_York' });
  return context.newPage();
}

async function findAccount(staff: Page, appleId: string) {
  await staff.goto('/support');
  await staff.getByLabel('Apple ID').fill(appleId);
  await staff.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(staff.getByRole('heading', { name: appleId })).toBeVisible();
}

test('support console: a staff member looks, the holder gives a PIN, and sees every look', async ({ browser }) => {
  test.setTimeout(120_000);

  // The operator makes a staff user; the password is printed once (no standard input needed).
  const sam = newStaff('sam.staff', 'Sam Staff');

  // Two holders, made in the browser and then given their phones by the database fixture
  // (e2e/fixtures/accounts.ts): one with two-step off and a trusted phone, one with two-step on.
  const offId = newAppleId('support-off');
  const onId = newAppleId('support-on');
  const offPhone = phone();
  const onPhone = phone();
  const off = await newContext(browser);
  await createAccount(off, offId);
  await trustedPhoneInDatabase(offId, offPhone.e164);
  const on = await newContext(browser);
  await createAccount(on, onId);
  await twoStepOnInDatabase(onId, onPhone.e164);

  // Staff sign in under /support with their own account (the password, then the second factor,
  // set up at this first sign-in); a holder's session does not open it.
  const staff = await newContext(browser);
  await staff.goto('/support');
  await expect(staff).toHaveURL(/\/support\/sign-in$/);
  await on.goto('/support');
  await expect(on).toHaveURL(/\/support\/sign-in$/);
  await staffPassword(staff, sam, 'not the staff password');
  await expect(staff.locator('p.form-error')).toHaveText('Your email or password was incorrect.');
  await staffFirstSignIn(staff, sam);
  await expect(staff.getByTestId('staff-name')).toHaveText('Sam Staff');
  await staff.screenshot({ path: 'test-results/support-find.png', fullPage: true });

  // A staff session opens no customer page.
  await staff.goto('/account');
  await expect(staff).toHaveURL(/\/support$/);

  // Two-step off: the details at once, the phone number masked to its last two digits.
  await findAccount(staff, offId.toUpperCase());
  await expect(staff.getByTestId('support-two-step')).toContainText('Off');
  await expect(staff.getByTestId('support-devices')).toContainText(offPhone.masked);
  await expect(staff.getByTestId('support-eligibility')).toHaveAttribute('data-state', 'available');
  await expect(staff.getByTestId('support-recovery-key')).toHaveText('No Recovery Key.');
  expect(await staff.locator('main').textContent()).not.toContain(offPhone.digits.slice(-4));
  await expect(staff.getByRole('button', { name: /change|remove|reset|revoke|turn/i })).toHaveCount(0);
  await staff.screenshot({ path: 'test-results/support-details-off.png', fullPage: true });

  // Two-step on: only that the account exists and has two-step on.
  await findAccount(staff, onId);
  await expect(staff.getByText('This account exists.')).toBeVisible();
  await expect(staff.getByTestId('locked-account')).toContainText('Two-step verification: On');
  await expect(staff.getByTestId('support-devices')).toHaveCount(0);
  expect(await staff.locator('main').textContent()).not.toContain(onPhone.masked);
  await staff.screenshot({ path: 'test-results/support-locked.png', fullPage: true });

  // The holder makes a PIN on Password and Security, with a code from their trusted phone.
  await on.goto('/account/security');
  await on.getByRole('link', { name: 'Get a Support PIN' }).click();
  await expect(on.getByRole('heading', { name: 'Apple Support PIN' })).toBeVisible();
  await on.getByRole('radio', { name: new RegExp(`${onPhone.masked.slice(-2)}\\b`) }).check();
  await submit(on, 'Send Code');
  const inbox = await on.context().newPage();
  const code = await newestSmsCode(inbox, onPhone.e164);
  await inbox.close();
  await on.getByLabel(/Verification code sent to/).fill(code);
  await submit(on, 'Make PIN');
  // Shown in groups, to read out; focus moves to it, and Copy copies the digits only.
  const shown = (await on.getByTestId('support-pin').textContent())!.trim();
  expect(shown).toMatch(/^\d{3} \d{3}$/);
  const pin = shown.replace(/ /g, '');
  await expect(on.locator('#support-pin-shown')).toBeFocused();
  await expect(on.locator('#support-pin-shown')).toContainText(`Your support PIN is ${pin.slice(0, 3).split('').join(' ')}, `);
  await on.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await on.getByRole('button', { name: 'Copy PIN' }).click();
  await expect(on.getByRole('status')).toHaveText('Copied the PIN.');
  expect(await on.evaluate(() => navigator.clipboard.readText())).toBe(pin);
  await expect(on.getByTestId('support-pin-made')).toContainText('It works until');
  expect(on.url()).not.toContain(pin);
  await on.screenshot({ path: 'test-results/support-pin-holder.png', fullPage: true });
  // On a phone the groups stay on one line, with no sideways scrolling.
  const desktop = on.viewportSize();
  await on.setViewportSize({ width: 390, height: 844 });
  expect(await on.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect((await on.getByTestId('support-pin').boundingBox())!.height).toBeLessThan(80);
  await on.screenshot({ path: 'test-results/support-pin-holder-390.png', fullPage: true });
  if (desktop) await on.setViewportSize(desktop);

  // Staff type a wrong PIN first, then the one the holder reads them: the details.
  const wrong = pin === '000000' ? '111111' : '000000';
  await staff.getByLabel('Support PIN', { exact: true }).fill(wrong);
  await submit(staff, 'Show Details');
  await expect(staff.locator('p.form-error')).toHaveText(/^That PIN isn't right, or it is no longer valid/);
  await staff.getByLabel('Support PIN', { exact: true }).fill(shown); // typed as heard, with the space
  await staff.getByRole('button', { name: 'Show Details' }).click();
  await expect(staff.getByTestId('support-two-step')).toContainText('On since');
  await expect(staff.getByTestId('support-devices')).toContainText(onPhone.masked);
  await expect(staff.getByTestId('support-recovery-key')).toContainText('Last created');
  expect(await staff.locator('main').textContent()).not.toContain(onPhone.digits.slice(-4));
  await staff.screenshot({ path: 'test-results/support-details-on.png', fullPage: true });

  // The holders see every look, with the staff member's name.
  await on.goto('/account/security');
  const activity = on.getByTestId('security-activity');
  for (const line of [
    'Apple Support (Sam Staff) looked up your account',
    'Apple Support (Sam Staff) tried a support PIN that was wrong or expired',
    'Apple Support (Sam Staff) entered the support PIN you gave them',
    'Apple Support (Sam Staff) viewed your account details',
    'Apple Support PIN created',
  ]) {
    await expect(activity.getByRole('cell', { name: line, exact: true }).first()).toBeVisible();
  }
  await on.locator('#activity').screenshot({ path: 'test-results/support-holder-activity.png' });

  await off.goto('/account/security');
  await answerSecurityQuestions(off);
  await expect(
    off.getByTestId('security-activity').getByRole('cell', { name: 'Apple Support (Sam Staff) viewed your account details', exact: true }),
  ).toBeVisible();
  await expect(
    off.getByTestId('security-activity').getByRole('cell', { name: 'Apple Support (Sam Staff) looked up your account', exact: true }),
  ).toBeVisible();

  // Signed out, the console is closed again.
  await staff.getByRole('button', { name: 'Sign Out' }).click();
  await expect(staff).toHaveURL(/\/support\/sign-in\?signed-out=1$/);
  await staff.goto('/support/account');
  await expect(staff).toHaveURL(/\/support\/sign-in$/);
});
