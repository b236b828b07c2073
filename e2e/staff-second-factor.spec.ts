import { expect, test } from './csp-guard.ts';
import { type Page } from '@playwright/test';
import { operator } from './helpers.ts';
import { newStaff, shownKey, staffAppCode, staffPassword } from './staff.ts';

// Support staff prove a second factor (src/support/staff-factors.ts). The first sign-in after the
// operator's `npm run staff -- add` sets one up: an authenticator app from the key on the page (its
// code computed here with otplib at the portal's time), or a passkey through Chromium's virtual
// authenticator; later sign-ins ask for it after the password. A session with only the password
// opens nothing of the console. Screenshots of each page at 1280 and 390 px (test-results/).

// Many pages and two sign-ins: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** A screenshot at 1280 px and at 390 px, where the page must not scroll sideways. */
async function shots(page: Page, name: string) {
  await page.screenshot({ path: `test-results/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `test-results/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('staff: the first sign-in sets up an authenticator app and reaches the console; the next asks for its code, which works once', async ({
  page,
}) => {
  const member = newStaff('app.staff', 'App Staff');
  await staffPassword(page, member);
  await expect(page).toHaveURL(/\/support\/sign-in\/set-up$/);
  await expect(page.getByRole('heading', { name: 'Set Up a Second Factor' })).toBeVisible();
  await shots(page, 'staff-set-up');

  // Only the password: no page of the console opens; each sends to the second factor.
  for (const path of ['/support', '/support/account', '/support/sign-in/verify']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/support\/sign-in\/set-up$/);
  }
  // Nor any customer page: a staff session is refused there whatever its stage.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/support\/sign-in\/set-up$/);

  await page.getByRole('button', { name: 'Set Up an Authenticator App' }).click();
  await expect(page.getByRole('img', { name: 'QR code to scan with your authenticator app' })).toBeVisible();
  const secret = await shownKey(page);
  await shots(page, 'staff-set-up-app');

  // A wrong code: the error summary takes the focus, the title says "Error:", and the key stays.
  const right = await staffAppCode(secret);
  await page.getByLabel('Code from your authenticator app').fill(String((Number(right) + 500_000) % 1_000_000).padStart(6, '0'));
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(page.getByRole('link', { name: /That code isn't right/ })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: Support Sign In: Set Up a Second Factor/);
  await shots(page, 'staff-set-up-app-wrong-code');
  expect(await shownKey(page)).toBe(secret);

  await page.getByLabel('Code from your authenticator app').fill(await staffAppCode(secret));
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Find an Account' })).toBeVisible();
  await expect(page.getByTestId('staff-name')).toHaveText('App Staff');
  expect(operator('scripts/staff.ts', 'list')).toMatch(
    new RegExp(`${member.email.replace(/[.]/g, '\\.')}\\tApp Staff\\t\\S+\\tauthenticator app`),
  );

  // The next sign-in asks for the code; the key is not shown again.
  await page.getByRole('button', { name: 'Sign Out' }).click();
  await staffPassword(page, member);
  await expect(page.getByRole('heading', { name: "Verify It's You" })).toBeVisible();
  await expect(page.getByTestId('totp-secret')).toHaveCount(0);
  await shots(page, 'staff-verify');
  const code = await staffAppCode(secret, 30);
  await page.getByLabel('Code from your authenticator app').fill(code);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Find an Account' })).toBeVisible();

  // The same code at another sign-in: refused, and said why; a new one works.
  await page.getByRole('button', { name: 'Sign Out' }).click();
  await staffPassword(page, member);
  await page.getByLabel('Code from your authenticator app').fill(code);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(
    page.getByText('This code was already used. Wait for your authenticator app to show a new one (every 30 seconds).').first(),
  ).toBeVisible();
  await page.getByLabel('Code from your authenticator app').fill(await staffAppCode(secret, 30));
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Find an Account' })).toBeVisible();
});

test('staff: the first sign-in sets up a passkey (virtual authenticator), which signs in after the password; the operator resets it', async ({
  page,
}) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  const member = newStaff('key.staff', 'Key Staff');
  await staffPassword(page, member);
  await page.getByRole('button', { name: 'Set Up a Passkey or Security Key' }).click();
  await expect(page.getByRole('heading', { name: 'Find an Account' })).toBeVisible();
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].rpId).toBe('localhost');

  // Signing in again: the password, then the passkey (no code to type). A bad signature is said plainly.
  await page.getByRole('button', { name: 'Sign Out' }).click();
  await staffPassword(page, member);
  await expect(page.getByRole('heading', { name: "Verify It's You" })).toBeVisible();
  await expect(page.getByLabel('Code from your authenticator app')).toHaveCount(0);
  await shots(page, 'staff-verify-passkey');
  await cdp.send('WebAuthn.setResponseOverrideBits', { authenticatorId, isBogusSignature: true });
  await page.getByRole('button', { name: 'Use your passkey or security key' }).click();
  await expect(page.getByTestId('passkey-step').getByRole('alert')).toHaveText(
    "Your passkey or security key couldn't be verified. Try again.",
  );
  await cdp.send('WebAuthn.setResponseOverrideBits', { authenticatorId, isBogusSignature: false });
  await page.getByRole('button', { name: 'Use your passkey or security key' }).click();
  await expect(page.getByRole('heading', { name: 'Find an Account' })).toBeVisible();
  expect((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0].signCount).toBeGreaterThan(0);

  // The operator resets the factor (the key was lost): the session ends, the next sign-in sets one up.
  expect(operator('scripts/staff.ts', 'reset-factor', member.email)).toContain(
    `removed 1 second factor of ${member.email} and ended their sessions`,
  );
  await page.goto('/support');
  await expect(page).toHaveURL(/\/support\/sign-in$/);
  await staffPassword(page, member);
  await expect(page.getByRole('heading', { name: 'Set Up a Second Factor' })).toBeVisible();
});
