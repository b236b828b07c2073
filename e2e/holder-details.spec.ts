import { expect, test } from './csp-guard.ts';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  accountWithTwoStepOnInDatabase,
  activationLink,
  createAccount,
  newAppleId,
  newestMailText,
  otherKindsInDatabase,
  portalNowApart,
  signIn,
  signOut,
  verifyIdentity,
} from './helpers.ts';
import { newStaff, staffFirstSignIn } from './staff.ts';
import { axe } from './axe.ts';

// The smaller moments of a holder's journey, each as the page says it: an activation link opened
// again, the authenticator app's name, the page the fresh-code step returns to, where activity came
// from, another Apple ID's passkey, and the staff sign-in after the console's idle time-out.

// Several sign-ins and pages per test: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

test('the activation email is written to the person who asked, and its link opened again says the Apple ID is active', async ({ page }) => {
  const appleId = newAppleId('active-link');
  await createAccount(page, appleId);
  const mail = await newestMailText(page, appleId, 'Activate your new Apple ID');
  expect(mail).toContain(`You asked to create an Apple ID with this email address, ${appleId}.`);
  expect(mail).not.toMatch(/someone/i);
  const body = mail.slice(0, mail.indexOf('\nTwo-Step\n')).trim().split('\n');
  expect(body.at(-1)).toBe('If you did not ask for this, ignore this email: no Apple ID will be created.');

  // The link again, days later, from the same email.
  await page.goto(await activationLink(page, appleId));
  await expect(page.getByRole('status').filter({ hasText: 'This Apple ID is already active. Sign in with it.' })).toBeVisible();
  await expect(page.getByText('fill in the form again')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Sign In', exact: true }).last()).toHaveAttribute('href', '/sign-in');
  await axe(page, 'an activation link opened again');
  await page.screenshot({ path: 'test-results/activation-link-again.png', fullPage: true });
});

test('the fresh-code step returns to the authenticator-app page, whose name starts empty and must differ from another app', async ({
  page,
}) => {
  const { phone } = await accountWithTwoStepOnInDatabase(page, 'app-name');
  await page.goto('/account/security/devices/authenticator');
  await verifyIdentity(page, phone.e164);
  await expect(page.getByRole('heading', { name: 'Add an Authenticator App', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/account\/security\/devices\/authenticator$/);

  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toHaveValue('');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('There is a problem')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Enter a name for the app, such as “Phone authenticator”.' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);

  await name.fill('Work phone');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('img', { name: 'QR code to scan with your authenticator app' })).toBeVisible();

  // A second app of the same name (as typed on another day) is refused at the field.
  await page.goto('/account/security/devices/authenticator');
  await page.getByLabel('Name', { exact: true }).fill('work phone ');
  await page.getByRole('button', { name: 'Continue' }).click();
  const taken = 'You already have an authenticator app named “work phone”. Give this one another name, such as the phone or app it is on.';
  await expect(page.getByRole('link', { name: taken })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(new RegExp(taken.slice(0, 40)));
  await axe(page, 'an authenticator-app name already taken');
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    await page.screenshot({ path: `test-results/app-name-taken-${width}.png`, fullPage: true });
  }
});

test('recent activity names the browser, "This browser" for this session, and shows no address', async ({ page }) => {
  const { phone } = await accountWithTwoStepOnInDatabase(page, 'activity-where');
  await page.goto('/account/security/devices'); // a code entered in this session: events of this browser
  await verifyIdentity(page, phone.e164);
  await expect(page.getByRole('heading', { name: 'Trusted Devices', level: 1 })).toBeVisible();
  await page.goto('/account/security');
  const table = page.getByTestId('security-activity');
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(['When', 'What', 'Where']);
  await expect(table.getByRole('cell', { name: 'This browser (Chrome on Linux)' }).first()).toBeVisible();
  // The account was created before this session began: named by its browser only.
  await expect(table.getByRole('row').filter({ hasText: 'Account created' }).getByRole('cell').last()).toHaveText('Chrome on Linux');
  await expect(table).not.toContainText(/\b\d{1,3}(\.\d{1,3}){3}\b|::1|::ffff/);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/activity-where-${width}.png`, fullPage: true });
  }
});

test('a passkey saved for another Apple ID is refused as not on this account, with what to do next', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  // This browser holds a passkey for the portal, saved for some other Apple ID.
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'der' });
  await cdp.send('WebAuthn.addCredential', {
    authenticatorId,
    credential: {
      credentialId: randomBytes(16).toString('base64'),
      isResidentCredential: true,
      rpId: 'localhost',
      privateKey: key.toString('base64'),
      userHandle: randomBytes(16).toString('base64'),
      signCount: 0,
    },
  });
  const { appleId } = await accountWithTwoStepOnInDatabase(page, 'other-passkey');
  await otherKindsInDatabase(appleId); // this account's own passkey is on another device
  await signOut(page);
  await signIn(page, appleId);
  await expect(page.getByRole('heading', { name: 'Verify Your Identity' })).toBeVisible();
  await page.getByRole('button', { name: 'Use a passkey or security key' }).click();
  await expect(page.getByTestId('passkey-step').getByRole('alert')).toHaveText(
    "That passkey or security key isn't on this account, or the request was cancelled or timed out. Use a passkey or security key you added to this Apple ID, or choose another trusted device.",
  );
  await axe(page, 'a passkey of another Apple ID refused');
  await page.screenshot({ path: 'test-results/passkey-other-account.png', fullPage: true });
});

test('the staff sign-in page after the idle time-out says why', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await staffFirstSignIn(page, newStaff('idle-staff', 'Idle Staff'));
  await portalNowApart(15 * 60 + 1); // 15 minutes and a second with no request from this browser
  await page.goto('/support');
  await expect(page.getByRole('heading', { name: 'Support Sign In' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'You were signed out after 15 minutes without activity. Sign in again to go on.' }),
  ).toBeVisible();
  await axe(page, 'the staff sign-in after the idle time-out');
  await page.screenshot({ path: 'test-results/staff-idle-sign-in.png', fullPage: true });
  await context.close();
});
