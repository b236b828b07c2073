import { expect, test } from './csp-guard.ts';
import { type Page } from '@playwright/test';
import { generateSync } from 'otplib';
import { accountWithTwoStepOnInDatabase, advanceClock, portalNow, signIn, signOut, submit, verifyIdentity } from './helpers.ts';

// An authenticator app, as a holder adds and uses one: the key shown on the page goes into "the
// app" (otplib here, the library the portal uses), its code verifies it, signs in after the
// password, and the same code is refused the second time.

const APP = 'Authenticator app (Phone authenticator)';
// Many pages and two sign-ins: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** What the app shows at the portal's time (after moving it `seconds` forward). */
async function appCode(page: Page, secret: string, seconds = 1): Promise<string> {
  return generateSync({ secret, epoch: await portalNow(page, seconds) });
}

/** Password, then the app on "Verify Your Identity": choosing it sends nothing and asks for its code. */
async function signInWithApp(page: Page, appleId: string, code: string) {
  await signIn(page, appleId);
  await expect(page.getByRole('heading', { name: 'Verify Your Identity' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(APP.replace(/[()]/g, '\\$&')) }).check();
  await submit(page, 'Use This Device');
  await expect(page.getByText(`Enter the current code from ${APP}.`)).toBeVisible();
  await page.getByLabel(`Code from ${APP}`).fill(code);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
}

test('an authenticator app: added from the key on the page, signs in after the password, and its code works once', async ({ page }) => {
  const { appleId, phone } = await accountWithTwoStepOnInDatabase(page, 'totp');
  await page.goto('/account/security/devices');
  await verifyIdentity(page, phone.e164);
  await expect(page.getByRole('heading', { name: 'Trusted Devices', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Add an authenticator app' }).click();

  await expect(page.getByRole('heading', { name: 'Add an Authenticator App', level: 1 })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Phone authenticator');
  await submit(page, 'Continue');
  await expect(page.getByRole('img', { name: 'QR code to scan with your authenticator app' })).toBeVisible();
  const shown = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(shown).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/); // 160 bits, in groups of 4
  const secret = shown.replace(/\s/g, '');
  await page.screenshot({ path: 'test-results/authenticator-app-qr.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/authenticator-app-qr-narrow.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // A wrong code first: the GOV.UK error summary, and the app stays pending.
  const right = await appCode(page, secret);
  const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
  await page.getByLabel(`Code from ${APP}`).fill(wrong);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByText('There is a problem')).toBeVisible();
  await expect(page.getByRole('link', { name: /That code isn't right/ })).toBeVisible();

  await page.getByLabel(`Code from ${APP}`).fill(await appCode(page, secret));
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `${APP} is now a trusted device.` })).toBeVisible();
  await expect(page.getByTestId('trusted-device').filter({ hasText: APP })).toBeVisible();
  await page.screenshot({ path: 'test-results/authenticator-app-in-list.png', fullPage: true });

  // The key is never shown again.
  await page.goBack();
  await page.reload();
  await expect(page.getByTestId('totp-secret')).toHaveCount(0);

  // Signing in: the next step's code (the one used to verify the app is spent).
  await signOut(page);
  const code = await appCode(page, secret, 30);
  await signInWithApp(page, appleId, code);
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();

  // The same code at a second sign-in, in the same 30 seconds: refused, and said why.
  await signOut(page);
  await signInWithApp(page, appleId, code);
  await expect(
    page.getByText('This code was already used. Wait for your authenticator app to show a new one (every 30 seconds).').first(),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Verify Your Identity' })).toBeVisible();
  await advanceClock(page, 30);
  await page.getByLabel(`Code from ${APP}`).fill(await appCode(page, secret));
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
});
