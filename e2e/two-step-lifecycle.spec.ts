import { expect, test } from './csp-guard.ts';
import { type Page } from '@playwright/test';
import {
  accountWithTwoStepOnInDatabase,
  addTrustedPhone,
  advanceClock,
  enterTextedCode,
  fillBirthDate,
  formError,
  newestMailText,
  newestPushCode,
  newestSmsCode,
  newPhone,
  PASSWORD,
  signIn,
  signInWithCode,
  signOut,
  simulatedDevice,
  submit,
  verifyIdentity,
} from './helpers.ts';

// Living with two-step on, each test from a fresh account created through the pages and then
// turned on by the database fixture (accountWithTwoStepOnInDatabase: e2e/fixtures/accounts.ts);
// turning it on through the pages is e2e/turn-on.spec.ts and e2e/keyboard-turn-on.spec.ts. Codes
// to one device are 30 seconds apart at least: advanceClock moves the portal's clock past that.

async function openManage(page: Page) {
  await page.goto('/account/security');
  await page.getByRole('link', { name: 'Manage', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Two-Step Verification', level: 1 })).toBeVisible();
}

test('sign out, then sign in with the password and a texted code; the password alone opens nothing', async ({ page }) => {
  const { appleId, phone } = await accountWithTwoStepOnInDatabase(page, 'code-sign-in');
  await signOut(page);
  await signIn(page, appleId, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Verify Your Identity' })).toBeVisible();
  await expect(page.getByRole('radio', { name: new RegExp(`number ending in ${phone.masked.slice(-2)}`) })).toBeVisible();
  await expect(page.getByText(phone.e164)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/lifecycle-verify.png', fullPage: true });
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in$/); // no access with the password alone
  await advanceClock(page, 31);
  await signInWithCode(page, appleId, PASSWORD, phone.e164);
  await openManage(page);
  await expect(page.getByTestId('manage-devices')).toContainText(phone.masked);
  await page.screenshot({ path: 'test-results/lifecycle-manage.png', fullPage: true });
});

test('sign in with a code pushed to a registered iOS device', async ({ page }) => {
  const { appleId, phone } = await accountWithTwoStepOnInDatabase(page, 'push-sign-in');
  await advanceClock(page, 31);
  await page.goto('/account/security/devices');
  await verifyIdentity(page, phone.e164);
  await expect(page.getByRole('heading', { name: 'Trusted Devices', level: 1 })).toBeVisible();
  await page.getByLabel('Device name').fill("Jamie's iPhone");
  await submit(page, 'Register Device');
  const registered = page.getByTestId('registered-device').filter({ hasText: "Jamie's iPhone" });
  const deviceId = /sim-[0-9a-f]{8}/.exec((await registered.textContent()) ?? '')?.[0];
  expect(deviceId).toBeTruthy();
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    registered.getByRole('button', { name: 'Send code to this device' }).click(),
  ]);
  const code = await newestPushCode(page, deviceId!);
  await page.goto('/account/security/devices');
  await page.getByTestId('pending-device').filter({ hasText: "Jamie's iPhone" }).getByLabel('Verification code').fill(code);
  await submit(page, 'Verify');
  await expect(page.getByRole('status').filter({ hasText: "Jamie's iPhone is now a trusted device." })).toBeVisible();

  await signOut(page);
  await advanceClock(page, 31);
  await signIn(page, appleId, PASSWORD);
  await page.getByRole('radio', { name: /Jamie's iPhone/ }).check();
  await submit(page, 'Send Code');
  const inbox = await page.context().newPage();
  const pushed = await newestPushCode(inbox, deviceId!);
  await expect(simulatedDevice(inbox, deviceId!)).toContainText(appleId);
  await inbox.close();
  await page.getByLabel("Verification code sent to Jamie's iPhone").fill(pushed);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
});

test("can't use any device: password + Recovery Key, then a new trusted device before anything else", async ({ page }) => {
  const { appleId, recoveryKey } = await accountWithTwoStepOnInDatabase(page, 'key-sign-in');
  await signOut(page);
  await signIn(page, appleId, PASSWORD);
  await page.getByRole('link', { name: "Can't use any of your devices?" }).click();
  await page.getByLabel('Recovery Key').fill(recoveryKey.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('recovery-notice')).toBeVisible();
  await page.goto('/account/security');
  await expect(page).toHaveURL(/\/account\/security\/devices$/); // nothing else until a device is verified
  const newNumber = newPhone();
  await addTrustedPhone(page, newNumber);
  await expect(page).toHaveURL(/\/account\?recovered=1$/);
  // Replacing the key that was used is one link away.
  await expect(page.getByTestId('recovered-notice').getByRole('link', { name: 'replace it' })).toHaveAttribute(
    'href',
    '/account/security/recovery-key',
  );
  await page.goto('/account/security/two-step');
  await expect(page.getByTestId('manage-devices')).toContainText(newNumber.masked);
});

test('an app-specific password works on /api/app/whoami until it is revoked; the main password never does', async ({ page }) => {
  const { appleId, phone } = await accountWithTwoStepOnInDatabase(page, 'app-password');
  await openManage(page);
  await page.getByRole('link', { name: 'Manage App-Specific Passwords' }).click();
  await advanceClock(page, 31);
  await verifyIdentity(page, phone.e164);
  await expect(page.getByRole('heading', { name: 'App-Specific Passwords', level: 1 })).toBeVisible();
  await page.getByLabel('Label').fill('Mail on my laptop');
  await submit(page, 'Generate Password');
  const password = ((await page.getByTestId('app-password').textContent()) ?? '').trim();
  expect(password).toMatch(/^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$/);
  await page.screenshot({ path: 'test-results/lifecycle-app-password.png', fullPage: true });

  const basic = (secret: string) => ({ authorization: `Basic ${Buffer.from(`${appleId}:${secret}`).toString('base64')}` });
  const ok = await page.request.get('/api/app/whoami', { headers: basic(password) });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ name: 'Jamie Tester' });
  const main = await page.request.get('/api/app/whoami', { headers: basic(PASSWORD) });
  expect(main.status()).toBe(401);
  // The same answer as for a wrong password (a phished password cannot be checked here), saying what to use instead.
  const wrong = await page.request.get('/api/app/whoami', { headers: basic('not the password at all') });
  expect(await main.json()).toEqual(await wrong.json());
  expect((await wrong.json()).error).toMatch(/apps sign in with an app-specific password/);

  await page.reload();
  await submit(page, 'Revoke Mail on my laptop');
  const revoked = await page.request.get('/api/app/whoami', { headers: basic(password) });
  expect(revoked.status()).toBe(401);
  expect(await newestMailText(page, appleId, 'An app-specific password of your Apple ID was revoked')).not.toContain(password);
});

test('forgot password: the Recovery Key and a code from a trusted device reset it', async ({ page }) => {
  const { appleId, phone, recoveryKey } = await accountWithTwoStepOnInDatabase(page, 'key-reset');
  await signOut(page);
  await page.goto('/forgot');
  await expect(page.getByRole('link', { name: 'reset with your Recovery Key' })).toHaveAttribute('href', '/reset/recovery-key');
  // Asking for a link anyway: the answer promises no link (and is the same for every Apple ID).
  await page.getByLabel('Apple ID').fill(appleId);
  await page.getByRole('button', { name: 'Continue' }).click();
  const answer = page.getByRole('status');
  await expect(answer).toContainText(
    'With two-step verification on, there is no link: the email says how to reset the password with your Recovery Key',
  );
  await expect(answer).not.toContainText('we sent a link');
  await expect(page.getByRole('link', { name: 'Reset with your Recovery Key', exact: true })).toHaveAttribute(
    'href',
    '/reset/recovery-key',
  );
  await page.goto('/reset/recovery-key');
  await page.getByLabel('Apple ID').fill(appleId);
  await page.getByLabel('Recovery Key', { exact: true }).fill('AAAA-BBBB-CCCC-DD');
  await submit(page, 'Continue');
  await expect(formError(page)).toContainText("That Recovery Key doesn't match this Apple ID");
  await page.getByLabel('Recovery Key', { exact: true }).fill(recoveryKey);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/reset\/recovery-key\/verify$/);
  await advanceClock(page, 31);
  await enterTextedCode(page, phone.e164, 'Verify');
  await expect(page.getByText(`Choose a new password for ${appleId}.`)).toBeVisible();
  const newPassword = 'juniper lighthouse 77';
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirm new password').fill(newPassword);
  await page.screenshot({ path: 'test-results/lifecycle-key-reset.png', fullPage: true });
  await page.getByRole('button', { name: 'Reset Password' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
  expect(await newestMailText(page, appleId, 'Your password was reset')).not.toContain(newPassword);
  await advanceClock(page, 31);
  await signInWithCode(page, appleId, newPassword, phone.e164);
});

test('Replace Lost Key: a new key at once; the old one no longer opens anything', async ({ page }) => {
  const { appleId, phone, recoveryKey: oldKey } = await accountWithTwoStepOnInDatabase(page, 'replace-key');
  await openManage(page);
  await page.getByRole('link', { name: 'Replace Lost Key' }).click();
  await advanceClock(page, 31);
  await verifyIdentity(page, phone.e164);
  await submit(page, 'Replace Lost Key');
  const newKey = ((await page.getByTestId('recovery-key').textContent()) ?? '').trim();
  expect(newKey).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
  expect(newKey).not.toBe(oldKey);
  await page.screenshot({ path: 'test-results/lifecycle-replace-key.png', fullPage: true });
  // Printed to PDF by Chromium (print media): only the sheet, with the new key, is on the paper.
  const pdf = await page.pdf({ path: 'test-results/recovery-key-sheet.pdf', format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const mail = await newestMailText(page, appleId, 'The Recovery Key of your Apple ID was replaced');
  expect(mail.replace(/[^A-Z0-9]/g, '')).not.toContain(newKey.replaceAll('-', ''));

  await signOut(page);
  await signIn(page, appleId, PASSWORD);
  await page.getByRole('link', { name: "Can't use any of your devices?" }).click();
  await page.getByLabel('Recovery Key').fill(oldKey);
  await submit(page, 'Continue');
  await expect(formError(page)).toHaveText("That Recovery Key isn't right. Check it and try again.");
  await page.getByLabel('Recovery Key').fill(newKey);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('recovery-notice')).toBeVisible();
});

test('remove a lost device: it leaves the list and the sign-in choices at once', async ({ page }) => {
  const { appleId, phone } = await accountWithTwoStepOnInDatabase(page, 'remove-device');
  await advanceClock(page, 31);
  await page.goto('/account/security/devices');
  await verifyIdentity(page, phone.e164);
  const spare = newPhone();
  await addTrustedPhone(page, spare);
  await expect(page.getByRole('status').filter({ hasText: `${spare.masked} is now a trusted device.` })).toBeVisible();
  await submit(page, `Remove number ending in ${phone.masked.slice(-2)}`);
  await expect(page.getByRole('status').filter({ hasText: 'The device was removed.' })).toBeVisible();
  await expect(page.getByTestId('trusted-device').filter({ hasText: phone.masked })).toHaveCount(0);
  // The last phone number stays.
  await submit(page, `Remove number ending in ${spare.masked.slice(-2)}`);
  await expect(page.getByTestId('trusted-device').filter({ hasText: spare.masked }).getByRole('alert')).toContainText(
    'This is your only trusted phone number',
  );
  await signOut(page);
  await signIn(page, appleId, PASSWORD);
  await expect(page.getByRole('radio')).toHaveCount(1);
  await expect(page.getByRole('radio', { name: new RegExp(`number ending in ${spare.masked.slice(-2)}`) })).toBeVisible();
});

test('turn off: a fresh code, new security questions and the birth date; the questions are back', async ({ page }) => {
  const { appleId, phone } = await accountWithTwoStepOnInDatabase(page, 'turn-off');
  await openManage(page);
  await page.getByRole('link', { name: 'Turn Off Two-Step Verification' }).click();
  await advanceClock(page, 31);
  await verifyIdentity(page, phone.e164);
  await expect(page.getByRole('heading', { name: 'Turn Off Two-Step Verification', level: 1 })).toBeVisible();
  const newQuestions = async () => {
    for (const [n, answer] of [
      [1, 'marigold'],
      [2, 'porto'],
      [3, 'pepper'],
    ] as const) {
      const group = page.getByRole('group', { name: `Question ${n}` });
      await group.getByLabel('Question').selectOption({ index: n + 3 });
      await group.getByLabel('Answer').fill(answer);
    }
  };
  await newQuestions();
  await fillBirthDate(page, '1988-07-15');
  await submit(page, 'Turn Off Two-Step Verification');
  await expect(page.locator('#birthDate-error')).toHaveText("That isn't the birth date on your account.");
  await page.screenshot({ path: 'test-results/lifecycle-turn-off-error.png', fullPage: true });
  await expect(page.getByRole('group', { name: 'Question 3' }).getByLabel('Answer')).toHaveValue('pepper'); // what was typed comes back
  await fillBirthDate(page, '1988-07-14');
  await page.getByRole('button', { name: 'Turn Off Two-Step Verification' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Two-step verification is off.' })).toBeVisible();
  await expect(page.locator('.state-sentence[data-state="waiting"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Security Questions' })).toBeVisible();
  await page.screenshot({ path: 'test-results/lifecycle-turned-off.png', fullPage: true });
  expect(await newestMailText(page, appleId, 'Two-step verification is now off for your Apple ID')).toContain(appleId);
  // The password alone signs in again.
  await signOut(page);
  await signIn(page, appleId, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
});
