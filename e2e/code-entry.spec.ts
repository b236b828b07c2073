import { expect, test } from './csp-guard.ts';
import { type Locator, type Page } from '@playwright/test';
import {
  accountWithTwoStepOnInDatabase,
  answerSecurityQuestions,
  PASSWORD,
  createAccount,
  newAppleId,
  newestSmsCode,
  newPhone,
  signIn,
  signOut,
  startRecoveryKeyReset,
  submit,
} from './helpers.ts';

// Every place a code is entered answers the same way (app/components/code-form.tsx): a wrong code
// brings GOV.UK's error summary, which takes the focus and links to the field, "Error: " before the
// title, the message tied to the field, and no stale "We sent…" notice; asking for a new code too
// early leaves the field where it was. Adding a device is one thing per page: once a code is sent,
// the page asks only for it, with the focus in its field, in view on a phone.
//
// Each code step is also photographed at 320, 390 and 1280 px before a code, after a wrong code and
// after a new code asked for too early (test-results/code-steps/, looked at by people, not compared).

const WIDTHS = [320, 390, 1280] as const;

/** Screenshots of the page at every width, back at 1280 px after. */
async function shoot(page: Page, step: string, moment: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 700 });
    await page.screenshot({ path: `test-results/code-steps/${step}-${moment}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** A code that is not the one sent (the portal's codes are 4 digits; an app's are 6). */
const wrongCode = (digits: number) => '0'.repeat(digits - 1) + '9';

/** The behaviour of a wrong code, the same on every code step. */
async function expectWrongCode(page: Page, field: Locator) {
  const summary = page.getByTestId('error-summary');
  await expect(summary).toHaveCount(1);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(field).toHaveCount(1);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  // The message is the field's own (read with it), in the field's form, and the summary links to the field.
  const fieldId = await field.getAttribute('id');
  const describedBy = await field.getAttribute('aria-describedby');
  const message = page.locator(`[id="${describedBy}"]`);
  await expect(message).toHaveText(/isn't right|Too many wrong tries/);
  const form = page.locator('form').filter({ has: page.locator(`[id="${fieldId}"]`) });
  await expect(form.locator(`[id="${describedBy}"]`)).toHaveCount(1);
  // No older notice says a code was sent, beside the newer answer.
  await expect(page.getByText(/^We sent a/)).toHaveCount(0);
  await summary.getByRole('link').click();
  await expect(field).toBeFocused();
  expect(await field.evaluate((el) => el.id)).toBe(fieldId);
}

/** On a code step (app/components/code-step.tsx): send, wrong code, a new code asked for too early. */
async function throughTheCodeStep(page: Page, step: string, verify: string) {
  await shoot(page, step, 'before-a-code');
  await submit(page, 'Send Code');
  const field = page.getByLabel(/Verification code sent to/);
  await field.fill(wrongCode(4));
  await submit(page, verify);
  await expectWrongCode(page, field);
  await shoot(page, step, 'wrong-code');
  await submit(page, 'Send a New Code');
  await expect(page.getByTestId('send-wait')).toContainText(/Wait \d+ seconds?/);
  await expect(field).toBeVisible();
  await shoot(page, step, 'resend-too-early');
}

test('adding a phone number in setup: the code is the next page’s only question, focused and in view on a phone', async ({ page }) => {
  const appleId = newAppleId('code-page');
  const phone = newPhone();
  await createAccount(page, appleId);
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await page.getByRole('button', { name: 'Get Started' }).click();
  await page.getByRole('link', { name: 'Add trusted devices' }).click();
  await shoot(page, 'add-phone', 'before-a-code');

  await page.setViewportSize({ width: 390, height: 700 });
  await page.getByLabel('Phone number', { exact: true }).fill(phone.typed);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Enter the Code', level: 1 })).toBeVisible();
  const field = page.getByLabel(/^Verification code sent to/);
  await expect(field).toBeFocused();
  await expect(field).toBeInViewport();
  // The field names the number (its last two digits, for a screen reader), which stays after a wrong code.
  await expect(field).toHaveAccessibleName(new RegExp(`ending in ${phone.masked.slice(-2)}$`));
  await expect(page.getByText(/Enter it below/)).toHaveCount(0); // nothing points down at a field above it
  await expect(page.getByRole('status').filter({ hasText: 'We sent a 4-digit code to' })).toContainText(phone.masked);
  // Only the code is asked: no other form than its check and "Send a new code".
  await expect(page.getByLabel('Phone number', { exact: true })).toHaveCount(0);
  await expect(page.locator('main form')).toHaveCount(2);
  await shoot(page, 'add-phone-code', 'before-a-code');

  await page.keyboard.type(wrongCode(4));
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.keyboard.press('Enter')]);
  await expectWrongCode(page, field);
  await shoot(page, 'add-phone-code', 'wrong-code');

  await submit(page, 'Send a new code');
  await expect(page.getByTestId('send-wait')).toContainText(/Wait \d+ seconds?/);
  await expect(field).toBeVisible();
  await expect(page.getByTestId('error-summary')).toHaveCount(0); // the wrong code's summary is older now
  await shoot(page, 'add-phone-code', 'resend-too-early');

  const inbox = await page.context().newPage();
  const code = await newestSmsCode(inbox, phone.e164);
  await inbox.close();
  await field.fill(code);
  await submit(page, 'Verify');
  await expect(page.getByRole('status').filter({ hasText: 'is now a trusted device.' })).toContainText(phone.masked);
  await expect(page.getByTestId('setup-continue').getByRole('link', { name: 'Continue' })).toBeVisible();
});

test('a pending device in the Trusted Devices list: a wrong code answers as on every code step', async ({ page }) => {
  const appleId = newAppleId('code-row');
  const phone = newPhone();
  await createAccount(page, appleId);
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await page.getByRole('button', { name: 'Get Started' }).click();
  await page.getByRole('link', { name: 'Add trusted devices' }).click();
  await page.getByLabel('Phone number', { exact: true }).fill(phone.typed);
  await submit(page, 'Send Code');
  await page.getByRole('link', { name: '← Trusted Devices' }).click();
  // A number waits for the code we sent it: the list says how long a sent code works.
  await expect(page.getByRole('region', { name: 'Waiting for a Code' })).toContainText('A code we send works for 10 minutes.');
  const row = page.getByTestId('pending-device').filter({ hasText: phone.masked });
  await expect(row.getByRole('button', { name: /^Remove/ })).toHaveAccessibleName(`Remove number ending in ${phone.masked.slice(-2)}`);
  const field = row.getByLabel(/^Verification code sent to/);
  await field.fill(wrongCode(4));
  await row.getByRole('button', { name: 'Verify', exact: true }).click();
  await expectWrongCode(page, field);
  await shoot(page, 'pending-row', 'wrong-code');
  await submit(page, 'Send a new code');
  await expect(row.getByTestId('send-wait')).toContainText(/Wait \d+ seconds?/);
  await expect(field).toBeVisible();
  await shoot(page, 'pending-row', 'resend-too-early');
});

test('an iOS device and an authenticator app: their codes answer a wrong code the same way', async ({ page }) => {
  const appleId = newAppleId('code-kinds');
  await createAccount(page, appleId);
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await page.getByRole('button', { name: 'Get Started' }).click();
  await page.getByRole('link', { name: 'Add trusted devices' }).click();

  await page.getByLabel('Device name').fill("Jamie's iPad");
  await submit(page, 'Register Device');
  await submit(page, 'Send code to this device');
  await expect(page.getByRole('heading', { name: 'Enter the Code', level: 1 })).toBeVisible();
  const field = page.getByLabel(/^Verification code sent to/);
  await expect(field).toBeFocused();
  await field.fill(wrongCode(4));
  await submit(page, 'Verify');
  await expectWrongCode(page, field);
  await shoot(page, 'add-ios-code', 'wrong-code');

  await page.goto('/account/security/devices/authenticator');
  await page.getByLabel('Name', { exact: true }).fill('Tablet authenticator');
  await submit(page, 'Continue');
  const appField = page.getByLabel(/^Code from .*Tablet authenticator/);
  await shoot(page, 'add-app-code', 'before-a-code');
  await appField.fill(wrongCode(6));
  await submit(page, 'Verify');
  await expectWrongCode(page, appField);
  await shoot(page, 'add-app-code', 'wrong-code');
});

test('signing in: the code step answers a wrong code and a too-early new code as every code step', async ({ page }) => {
  const { appleId, phone } = await accountWithTwoStepOnInDatabase(page, 'code-sign-in');
  await signOut(page);
  await signIn(page, appleId, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Verify Your Identity' })).toBeVisible();
  // The masked number is seen as it is and heard as "number ending in 34", not bullet by bullet.
  const radio = page.getByRole('radio');
  await expect(radio).toHaveAccessibleName(new RegExp(`^number ending in ${phone.masked.slice(-2)}\\b`));
  await expect(radio).not.toHaveAccessibleName(/•/);
  await expect(page.locator('label.choice')).toContainText(phone.masked);
  await throughTheCodeStep(page, 'sign-in', 'Verify');
});

test('a fresh code before a change: its code step answers the same way', async ({ page }) => {
  await accountWithTwoStepOnInDatabase(page, 'code-fresh');
  await page.goto('/account/security/devices');
  await expect(page.getByRole('heading', { name: 'Verify Your Identity' })).toBeVisible();
  await throughTheCodeStep(page, 'fresh-code', 'Continue');
});

test('the support PIN: its code step answers the same way', async ({ page }) => {
  await accountWithTwoStepOnInDatabase(page, 'code-pin');
  await page.goto('/account/security/support-pin');
  await expect(page.getByRole('heading', { name: 'Apple Support PIN' })).toBeVisible();
  await throughTheCodeStep(page, 'support-pin', 'Make PIN');
});

test('the Recovery Key reset: its code step answers the same way', async ({ page }) => {
  const { appleId, recoveryKey } = await accountWithTwoStepOnInDatabase(page, 'code-reset');
  await signOut(page);
  await startRecoveryKeyReset(page, appleId, recoveryKey);
  await throughTheCodeStep(page, 'recovery-key-reset', 'Verify');
});
