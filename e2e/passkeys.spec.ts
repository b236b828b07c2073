import { expect, test } from './csp-guard.ts';
import { accountWithTwoStepOnInDatabase, advanceClock, PASSWORD, signIn, signOut, verifyIdentity } from './helpers.ts';

// A passkey in Chromium, through its virtual authenticator (CDP WebAuthn domain): added on Trusted
// Devices, used for the second step of signing in (after the password), then removed. The page's
// origin is http://localhost:<port>, APP_URL's origin, so the RP ID is "localhost".
test('a passkey: added on Trusted Devices, signs in after the password, then removed', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  const { appleId, phone } = await accountWithTwoStepOnInDatabase(page, 'passkey');
  await advanceClock(page, 31);
  await page.goto('/account/security/devices');
  await verifyIdentity(page, phone.e164);
  await expect(page.getByRole('heading', { name: 'Trusted Devices', level: 1 })).toBeVisible();

  const form = page.getByRole('form', { name: 'Add a passkey or security key' });
  await form.getByRole('button', { name: 'Add Passkey or Security Key' }).click();
  await expect(form.getByText('Enter a name for the passkey or security key').first()).toBeVisible(); // no ceremony without a name
  await form.getByLabel('Name', { exact: true }).fill('Test Key');
  await form.getByRole('button', { name: 'Add Passkey or Security Key' }).click();
  const label = 'Passkey or security key (Test Key)';
  await expect(page.getByRole('status').filter({ hasText: `${label} is now a trusted device.` })).toBeVisible();
  await expect(page.getByTestId('trusted-device').filter({ hasText: label })).toBeVisible();
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].rpId).toBe('localhost');
  await page.screenshot({ path: 'test-results/passkey-added.png', fullPage: true });

  // Sign out; the password first, then the passkey instead of a code. It is not a place to send one.
  await signOut(page);
  await signIn(page, appleId, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Verify Your Identity' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Passkey/ })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/passkey-sign-in.png', fullPage: true });
  // A signature that does not verify: said plainly, and the code form is still there.
  await cdp.send('WebAuthn.setResponseOverrideBits', { authenticatorId, isBogusSignature: true });
  await page.getByRole('button', { name: 'Use a passkey or security key' }).click();
  await expect(page.getByTestId('passkey-step').getByRole('alert')).toHaveText(
    "Your passkey or security key couldn't be verified. Try again, or choose another trusted device.",
  );
  await expect(page.getByRole('button', { name: 'Send Code' })).toBeVisible();
  await cdp.send('WebAuthn.setResponseOverrideBits', { authenticatorId, isBogusSignature: false });
  await page.getByRole('button', { name: 'Use a passkey or security key' }).click();
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
  expect((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0].signCount).toBeGreaterThan(0);

  // The sign-in with the passkey counts as a fresh code: removing it needs no other.
  await page.goto('/account/security/devices');
  await page.getByRole('button', { name: `Remove ${label}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The device was removed.' })).toBeVisible();
  await expect(page.getByTestId('trusted-device').filter({ hasText: label })).toHaveCount(0);
  await expect(page.getByTestId('trusted-device').filter({ hasText: phone.masked })).toBeVisible();
});
