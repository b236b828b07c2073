import { expect, test } from './csp-guard.ts';
import { type Page } from '@playwright/test';
import { randomInt } from 'node:crypto';
import {
  answerSecurityQuestions,
  createAccount,
  newAppleId,
  newestMailText,
  newestPushCode,
  newestSmsCode,
  otherKindsInDatabase,
  simulatedDevice,
  submit,
} from './helpers.ts';

// Dates show in the reader's time zone, written as the account's country writes them.
test.use({ timezoneId: 'America/New_York' });

/** A test number of the Twilio stand-in (dev/standins/line-types.json), different on every run. */
function testNumber(prefix: '010' | '020'): { typed: string; e164: string; masked: string } {
  const last4 = String(randomInt(0, 10_000)).padStart(4, '0');
  return { typed: `(555) ${prefix}-${last4}`, e164: `+1555${prefix}${last4}`, masked: `+1 ••• ••• ••${last4.slice(2)}` };
}

/** New account → Password and Security (two security questions) → Get Started → Trusted Devices. */
async function openTrustedDevices(page: Page, appleId: string) {
  await createAccount(page, appleId);
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await page.getByRole('button', { name: 'Get Started' }).click();
  await expect(page.getByRole('heading', { name: 'Set Up Two-Step Verification' })).toBeVisible();
  await page.getByRole('link', { name: 'Add trusted devices' }).click();
  await expect(page.getByRole('heading', { name: 'Trusted Devices', level: 1 })).toBeVisible();
}

const trustedRows = (page: Page) => page.getByTestId('trusted-device');
const pendingRows = (page: Page) => page.getByTestId('pending-device');

test('a phone number: a landline is refused, a mobile number is verified with the texted code', async ({ page }) => {
  const appleId = newAppleId('phones');
  await openTrustedDevices(page, appleId);
  await expect(page.getByText('No trusted devices yet.')).toBeVisible();
  await expect(
    page.getByText(
      "You can also add the number of someone close to you, such as a family member, to use if you're without your own devices.",
    ),
  ).toBeVisible();
  await expect(page.getByLabel('Country or region', { exact: true })).toHaveValue('US'); // the account's country
  await page.screenshot({ path: 'test-results/trusted-devices-empty.png', fullPage: true });

  // A landline: refused with the reason, and no text is sent.
  const landline = testNumber('020');
  await page.getByLabel('Phone number', { exact: true }).fill(landline.typed);
  await submit(page, 'Send Code');
  await expect(page.locator('#phoneNumber-error')).toHaveText(
    'This is a landline number. Two-step verification needs a mobile number that can receive text messages.',
  );
  await expect(page.getByLabel('Phone number', { exact: true })).toHaveValue(landline.typed); // kept, to correct it
  await expect(pendingRows(page)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/trusted-devices-landline-refused.png', fullPage: true });

  // A mobile number: a code by text, entered on the page.
  const mobile = testNumber('010');
  await page.getByLabel('Phone number', { exact: true }).fill(mobile.typed);
  await submit(page, 'Send Code');
  await expect(page.getByRole('status').filter({ hasText: 'We sent a 4-digit code to' }).filter({ hasText: mobile.masked })).toBeVisible();
  const pending = pendingRows(page).filter({ hasText: mobile.masked });
  await expect(pending).toBeVisible();
  await page.screenshot({ path: 'test-results/trusted-devices-pending.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/trusted-devices-pending-narrow.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  const code = await newestSmsCode(page, mobile.e164); // on /dev/sms now
  await expect(page.getByTestId('sms').filter({ hasText: landline.e164 })).toHaveCount(0);
  await page.goto('/account/security/devices');

  // A wrong code first: told next to the field, still pending.
  await pending.getByLabel('Verification code').fill(code === '0000' ? '1111' : '0000');
  await submit(page, 'Verify');
  await expect(pending.getByRole('alert')).toHaveText("That code isn't right. You can try 2 more times.");
  await page.screenshot({ path: 'test-results/trusted-devices-wrong-code.png', fullPage: true });

  await pending.getByLabel('Verification code').fill(code);
  await submit(page, 'Verify');
  await expect(page.getByRole('status').filter({ hasText: `${mobile.masked} is now a trusted device.` })).toBeVisible();
  await expect(pendingRows(page)).toHaveCount(0);
  const trusted = trustedRows(page).filter({ hasText: mobile.masked });
  await expect(trusted).toContainText('Verified');
  await expect(page.getByText(mobile.e164)).toHaveCount(0); // only the last two digits show
  await page.screenshot({ path: 'test-results/trusted-devices-trusted.png', fullPage: true });

  const mail = await newestMailText(page, appleId, 'A trusted device was added to your Apple ID');
  expect(mail).toContain(mobile.masked);
  expect(mail).not.toContain(code);
});

test('an iOS device: registered, sent a code by push, trusted, then removed', async ({ page }) => {
  const appleId = newAppleId('ipad');
  await openTrustedDevices(page, appleId);

  await page.getByLabel('Device name').fill("Jamie's iPad");
  await submit(page, 'Register Device');
  await expect(page.getByRole('status').filter({ hasText: "Jamie's iPad is registered." })).toBeVisible();
  const registered = page.getByTestId('registered-device').filter({ hasText: "Jamie's iPad" });
  const deviceId = /sim-[0-9a-f]{8}/.exec((await registered.textContent()) ?? '')?.[0];
  expect(deviceId, 'the simulated device id on the page').toBeTruthy();

  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    registered.getByRole('button', { name: 'Send code to this device' }).click(),
  ]);
  // The code is the next page's only question.
  await expect(page.getByRole('heading', { name: 'Enter the Code', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: "We sent a 4-digit code to Jamie's iPad." })).toBeVisible();
  const pending = pendingRows(page).filter({ hasText: "Jamie's iPad" });
  await expect(pending).toBeVisible();

  // The simulated device shows the code it was pushed.
  const code = await newestPushCode(page, deviceId!);
  await expect(simulatedDevice(page, deviceId!).getByRole('heading', { name: "Jamie's iPad" })).toBeVisible();
  await expect(simulatedDevice(page, deviceId!)).toContainText(appleId);
  await page.screenshot({ path: 'test-results/trusted-devices-dev-devices.png', fullPage: true });

  await page.goto('/account/security/devices');
  await expect(registered).toContainText('Waiting for its code');
  await pending.getByLabel('Verification code').fill(code);
  await submit(page, 'Verify');
  await expect(page.getByRole('status').filter({ hasText: "Jamie's iPad is now a trusted device." })).toBeVisible();
  await expect(trustedRows(page).filter({ hasText: "Jamie's iPad" })).toContainText('Verified');
  await expect(registered).toContainText('Trusted');
  await page.screenshot({ path: 'test-results/trusted-devices-push-trusted.png', fullPage: true });

  // Lost it: removed at once.
  await submit(page, "Remove Jamie's iPad");
  await expect(
    page.getByRole('status').filter({ hasText: 'The device was removed. It can no longer be used to verify your identity.' }),
  ).toBeVisible();
  await expect(trustedRows(page)).toHaveCount(0);
  await expect(registered.getByRole('button', { name: 'Send code to this device' })).toBeVisible(); // still registered, no longer trusted
  await page.screenshot({ path: 'test-results/trusted-devices-removed.png', fullPage: true });
  const mail = await newestMailText(page, appleId, 'A trusted device was removed from your Apple ID');
  expect(mail).toContain("Jamie's iPad");
});

test('an authenticator app and a passkey: listed by kind, name and dates; an unfinished app leads back to its setup; removing one is told in its words', async ({
  page,
}) => {
  const appleId = newAppleId('kinds');
  await openTrustedDevices(page, appleId);
  await expect(page.getByRole('link', { name: 'Add an authenticator app' })).toHaveAttribute(
    'href',
    '/account/security/devices/authenticator',
  );
  await otherKindsInDatabase(appleId);
  await page.reload();

  const app = trustedRows(page).filter({ hasText: 'Authenticator app (Authy)' });
  await expect(app).toContainText('Code from the app');
  await expect(app).toContainText('Verified');
  await expect(app).toContainText('Last used');
  const key = trustedRows(page).filter({ hasText: 'Passkey or security key (YubiKey)' });
  await expect(key).toContainText('No code needed');
  await expect(key).toContainText('Never used');
  // Two-step still needs a phone number: an app and a passkey are not one.
  await expect(page.getByText('Add a phone number too: two-step verification needs at least one.')).toBeVisible();

  const unfinished = pendingRows(page).filter({ hasText: 'Authenticator app (1Password)' });
  const finish = unfinished.getByRole('link', { name: 'Finish setting up' });
  await expect(finish).toHaveAttribute('href', /^\/account\/security\/devices\/authenticator\?id=[\w-]+$/);
  await expect(unfinished.getByLabel('Verification code')).toHaveCount(0); // nothing is sent to an app
  // Only an unfinished app waits: nothing was sent, so nothing is said of how long a sent code works.
  const waiting = page.getByRole('region', { name: 'Waiting for a Code' });
  await expect(waiting).toContainText('These become trusted devices once you enter a code from them.');
  await expect(waiting).not.toContainText('A code we send');
  await page.screenshot({ path: 'test-results/trusted-devices-other-kinds.png', fullPage: true });

  await submit(page, 'Remove Authenticator app (Authy)');
  await expect(page.getByRole('status').filter({ hasText: 'The device was removed.' })).toBeVisible();
  await expect(app).toHaveCount(0);
  const mail = await newestMailText(page, appleId, 'A trusted device was removed from your Apple ID');
  expect(mail).toContain('the authenticator app “Authy” was removed from the trusted devices');
  await page.goto('/account/security/devices'); // the mail inbox was opened in this page
  await submit(page, 'Remove Authenticator app (1Password)');
  await expect(pendingRows(page)).toHaveCount(0);

  await page.goto('/account/security');
  await expect(page.getByText('Authenticator app (Authy) removed')).toBeVisible();
});
