import { expect, test } from './csp-guard.ts';
import { axe } from './axe.ts';
import {
  accountWithTwoStepOnInDatabase,
  activationLink,
  addTrustedPhone,
  advanceClock,
  answerSecurityQuestions,
  createAccount,
  DEMO_ANSWERS,
  enterTextedCode,
  fillBirthDate,
  fillCreateAccount,
  newAppleId,
  newestSmsCode,
  newPhone,
  requestResetLink,
  signIn,
  signOut,
  startRecoveryKeyReset,
  submit,
  submitCreateAccount,
  verifyIdentity,
} from './helpers.ts';
import { DEMO_PASSWORD } from '../dev/seed/demo-accounts.ts';
import { newStaff, shownKey, staffAppCode, staffFirstSignIn, staffPassword } from './staff.ts';

// Every page in every state we can reach, checked with axe-core against WCAG 2.1 A and AA. Each
// check is soft, so one run lists every page with violations (by rule, with the first elements).
// The demo accounts are only read here (others' specs use them too); states are changed on fresh
// accounts.

test.use({ timezoneId: 'America/New_York' });
// axe takes a few seconds a page on a busy machine.
test.describe.configure({ timeout: 300_000 });

test('public pages: sign-in, create account, forgot password, Learn more, dev inboxes', async ({ page }) => {
  for (const [path, what] of [
    ['/', 'home'],
    ['/sign-in', 'sign in'],
    ['/create', 'create account'],
    ['/forgot', 'forgot password'],
    ['/reset/recovery-key', 'reset with the Recovery Key'],
    ['/help/two-step', 'Learn more about two-step verification'],
    ['/contact-support', 'contact support'],
    ['/support/sign-in', 'support sign-in'],
    ['/dev/sms', 'dev SMS inbox'],
    ['/dev/mail', 'dev mail inbox'],
    ['/dev/devices', 'dev devices'],
  ] as const) {
    await page.goto(path);
    await axe(page, what);
  }
  // Error states.
  await page.goto('/sign-in');
  await page.getByLabel('Apple ID').fill('nobody@example.com');
  await page.getByLabel('Password').fill('not a password');
  await submit(page, 'Sign In');
  await axe(page, 'sign in, wrong password');
  await page.goto('/create');
  await submit(page, 'Create Account');
  await axe(page, 'create account, empty form sent');
  await fillBirthDate(page, '1990-02-30');
  await submit(page, 'Create Account');
  await expect(page.getByTestId('error-summary')).toContainText('Enter a real date');
  await axe(page, "create account: the birth date's three fields, a date that does not exist");
  await page.goto('/forgot');
  await page.getByLabel('Apple ID').fill('nobody@example.com');
  await submit(page, 'Continue');
  await axe(page, 'forgot password, answered');
  // Create Account, through "Check your email" and the activation page.
  const appleId = newAppleId('axe-create');
  await fillCreateAccount(page, { appleId });
  await submitCreateAccount(page);
  await axe(page, 'create account: check your email');
  await page.goto(await activationLink(page, appleId));
  await expect(page).toHaveURL(/\/create\/activate$/);
  await axe(page, 'activate your Apple ID');
  await page.getByRole('button', { name: 'Activate my Apple ID' }).click();
  await expect(page.getByRole('heading', { name: 'Your Apple ID is active' })).toBeVisible();
  await axe(page, 'Apple ID active');
});

test('the states of the Two-Step section (demo accounts, read only): available, unavailable country, waiting, window expired', async ({
  page,
}) => {
  for (const who of ['avery', 'nima', 'robin', 'quinn']) {
    await signIn(page, `${who}@two-step.test`, DEMO_PASSWORD);
    await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
    if (who === 'avery') await axe(page, 'Manage your account');
    await page.goto('/account/security');
    if (who === 'avery') await axe(page, 'Password and Security: security questions gate');
    await answerSecurityQuestions(page, DEMO_ANSWERS);
    // Every state links to Learn more.
    await expect(page.locator('section.feature').getByRole('link', { name: 'Learn more about two-step verification' })).toHaveAttribute(
      'href',
      '/help/two-step',
    );
    await axe(page, `Password and Security: ${who}'s state`);
    await page.goto('/account/security/setup');
    await axe(page, `setup page, stopped (${who})`);
    await signOut(page);
  }
});

test('turning two-step on, every step and its error states, then the confirmation and the "on" state', async ({ page, context }) => {
  const appleId = newAppleId('axe-turn-on');
  const phone = newPhone();
  await createAccount(page, appleId);
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await page.getByRole('button', { name: 'Get Started' }).click();
  await expect(page.getByRole('heading', { name: 'Set Up Two-Step Verification' })).toBeVisible();
  await axe(page, 'setup step 1 (no devices)');
  await page.goto('/account/security');
  await axe(page, 'Password and Security: setup running (step 1 of 4)');
  // The Time Zone form open, saved, and refused (only a tampered form can send an unknown zone).
  await page.locator('summary', { hasText: 'Change time zone' }).click();
  await axe(page, 'Password and Security: time zone form open');
  await page.getByLabel('Time zone', { exact: true }).selectOption('Europe/Paris');
  await submit(page, 'Save Time Zone');
  await expect(page.getByRole('status').filter({ hasText: 'Your emails now give times in' })).toBeVisible();
  await axe(page, 'Password and Security: time zone saved');
  await page.getByLabel('Time zone', { exact: true }).evaluate((select: HTMLSelectElement) => {
    select.options[select.selectedIndex]!.value = 'Mars/Olympus_Mons';
  });
  await submit(page, 'Save Time Zone');
  await expect(page.getByTestId('error-summary')).toBeVisible();
  await axe(page, 'Password and Security: time zone refused');

  await page.goto('/account/security/devices');
  await axe(page, 'trusted devices (none)');
  await page.getByLabel('Phone number', { exact: true }).fill('12');
  await submit(page, 'Send Code');
  await axe(page, 'trusted devices, bad number');
  await page.getByLabel('Phone number', { exact: true }).fill(phone.typed);
  await submit(page, 'Send Code');
  await expect(page.getByTestId('pending-device')).toBeVisible();
  await axe(page, 'trusted devices, waiting for a code');
  await page.getByTestId('pending-device').getByLabel('Verification code').fill('0000');
  await submit(page, 'Verify');
  await axe(page, 'trusted devices, wrong code');
  await submit(page, 'Send a new code');
  await expect(page.getByTestId('send-wait')).toBeVisible();
  await axe(page, 'trusted devices, a new code asked for too early');
  await page.goto('/account/security/devices');
  await page.getByTestId('pending-device').getByLabel('Verification code').fill('0000');
  await submit(page, 'Verify');
  await expect(page.getByTestId('error-summary')).toBeVisible();
  await axe(page, 'trusted devices, wrong code in the list');
  const code = await newestSmsCode(page, phone.e164);
  await page.goto('/account/security/devices');
  await page.getByTestId('pending-device').getByLabel('Verification code').fill(code);
  await submit(page, 'Verify');
  await expect(page.getByTestId('setup-continue')).toBeVisible();
  await axe(page, 'trusted devices, verified during setup (Continue)');
  await page.getByLabel('Device name').fill("Jamie's iPad");
  await submit(page, 'Register Device');
  await axe(page, 'trusted devices, a registered iOS device');

  await page.goto('/account/security/setup');
  await axe(page, 'setup overview, step 2 next');
  await page.goto('/account/security/setup/recovery-key');
  await axe(page, 'setup step 2: get your Recovery Key');
  await submit(page, 'Get Your Recovery Key');
  await expect(page.getByTestId('recovery-key')).toBeVisible();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy' }).click();
  await axe(page, 'setup step 2: the key shown, copied');
  const key = ((await page.getByTestId('recovery-key').textContent()) ?? '').trim();

  await page.goto('/account/security/setup/confirm');
  await axe(page, 'setup step 3: confirm the key');
  await page.getByLabel('Recovery Key').fill('AAAA-BBBB-CCCC-DD');
  await submit(page, 'Confirm');
  await axe(page, 'setup step 3: wrong key');
  await page.getByLabel('Recovery Key').fill(key);
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Turn On Two-Step Verification' })).toBeVisible();
  await axe(page, 'setup step 4: conditions');
  await submit(page, 'Turn On Two-Step Verification');
  await axe(page, 'setup step 4: conditions not accepted');
  await page.getByLabel('I understand these conditions.').check();
  await page.getByRole('button', { name: 'Turn On Two-Step Verification' }).click();
  await expect(page.getByRole('heading', { name: 'Two-step verification is on' })).toBeVisible();
  await axe(page, 'two-step on: confirmation');
  await page.goto('/account/security');
  await expect(page.locator('section.feature').getByRole('link', { name: 'Learn more about two-step verification' })).toHaveAttribute(
    'href',
    '/help/two-step',
  );
  await axe(page, 'Password and Security: on');
});

test('with two-step on: sign-in with a code, Manage, app-specific passwords, Replace Lost Key, support PIN, turn off', async ({ page }) => {
  const { appleId, phone } = await accountWithTwoStepOnInDatabase(page, 'axe-on');
  await signOut(page);
  await page.getByRole('link', { name: 'Sign In', exact: true }).click();
  await page.getByLabel('Apple ID').fill(appleId);
  await page.getByLabel('Password').fill('violet staircase 42');
  await page.getByRole('button', { name: 'Sign In' }).click();
  await expect(page.getByRole('heading', { name: 'Verify Your Identity' })).toBeVisible();
  await axe(page, 'sign-in: choose a trusted device');
  await page.getByRole('radio', { name: new RegExp(`${phone.e164.slice(-2)}\\b`) }).check();
  await submit(page, 'Send Code');
  await axe(page, 'sign-in: code sent');
  await page.getByLabel(/Verification code sent to/).fill('0000');
  await submit(page, 'Verify');
  await axe(page, 'sign-in: wrong code');
  const inbox = await page.context().newPage();
  const code = await newestSmsCode(inbox, phone.e164);
  await inbox.close();
  await page.getByLabel(/Verification code sent to/).fill(code);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();

  await page.goto('/sign-in/recovery');
  await axe(page, 'sign-in with the Recovery Key');

  await page.goto('/account/security');
  await axe(page, 'Password and Security: on (fresh account)');
  await page.goto('/account/security/two-step');
  await axe(page, 'Manage two-step verification');

  // Right after signing in with a code, the code is still fresh: a sensitive page opens at once. Later it asks again.
  await page.goto('/account/security/app-passwords');
  if (await page.getByRole('heading', { name: 'Verify Your Identity' }).isVisible()) {
    await axe(page, 'app-specific passwords: verify your identity first');
    await verifyIdentity(page, phone.e164);
  }
  await expect(page.getByRole('heading', { name: 'App-Specific Passwords', level: 1 })).toBeVisible();
  await axe(page, 'app-specific passwords');
  await page.getByLabel('Label', { exact: true }).fill('Mail on my laptop');
  await submit(page, 'Generate Password');
  await axe(page, 'app-specific passwords: one made');

  for (const [path, what] of [
    ['/account/security/recovery-key', 'Replace Lost Key'],
    ['/account/security/devices', 'trusted devices (two-step on)'],
    ['/account/security/devices/authenticator', 'add an authenticator app'],
    ['/account/security/support-pin', 'support PIN'],
    ['/account/security/turn-off', 'turn off'],
  ] as const) {
    await page.goto(path);
    await axe(page, what);
  }
  // Replace Lost Key: the new key shown.
  await page.goto('/account/security/recovery-key');
  await submit(page, 'Replace Lost Key');
  await expect(page.getByTestId('recovery-key')).toBeVisible();
  await axe(page, 'Replace Lost Key: the new key shown');

  // Ten minutes later a sensitive page asks for a fresh code first.
  await advanceClock(page, 11 * 60);
  await page.goto('/account/security/app-passwords');
  await expect(page.getByRole('heading', { name: 'Verify Your Identity' })).toBeVisible();
  await axe(page, 'verify your identity (a fresh code before a change)');
  await verifyIdentity(page, phone.e164);

  await page.goto('/account/security/turn-off');
  const turnOff = page.getByRole('button', { name: /Turn Off/ });
  if (await turnOff.count()) {
    await turnOff.first().click();
    await page.waitForLoadState('load');
    await axe(page, 'turn off: empty form sent');
  }
});

test('password reset with the emailed link; the support console', async ({ page, browser }) => {
  const appleId = newAppleId('axe-reset');
  await createAccount(page, appleId);
  await signOut(page);
  const link = await requestResetLink(page, appleId);
  await page.goto(link);
  await page.waitForURL(/\/reset/);
  await axe(page, 'reset password (from the link)');
  const send = page.getByRole('button', { name: /Reset|Continue|Save/ }).first();
  if (await send.count()) {
    await send.click();
    await page.waitForLoadState('load');
    await axe(page, 'reset password: empty form sent');
  }

  const member = newStaff('axe.staff', 'Axe Staff');
  const staff = await (await browser.newContext({ timezoneId: 'America/New_York' })).newPage();
  await staffPassword(staff, member, 'wrong');
  await expect(staff.locator('p.form-error')).toBeVisible();
  await axe(staff, 'support sign-in: wrong password');
  // The second factor's setup: the choice, the key with a wrong code, then the console.
  await staffPassword(staff, member);
  await expect(staff.getByRole('heading', { name: 'Set Up a Second Factor' })).toBeVisible();
  await axe(staff, 'support sign-in: set up a second factor');
  await submit(staff, 'Set Up an Authenticator App');
  const secret = await shownKey(staff);
  const right = await staffAppCode(secret);
  await staff.getByLabel('Code from your authenticator app').fill(String((Number(right) + 500_000) % 1_000_000).padStart(6, '0'));
  await submit(staff, 'Verify');
  await expect(staff.getByTestId('error-summary')).toBeVisible();
  await axe(staff, 'support sign-in: the authenticator app key, a wrong code');
  await staff.getByLabel('Code from your authenticator app').fill(await staffAppCode(secret));
  await staff.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(staff.getByRole('heading', { name: 'Find an Account' })).toBeVisible();
  await axe(staff, 'support console: find');
  // The second factor at a later sign-in.
  await staff.getByRole('button', { name: 'Sign Out' }).click();
  await staffPassword(staff, member);
  await expect(staff.getByRole('heading', { name: "Verify It's You" })).toBeVisible();
  await axe(staff, 'support sign-in: the second factor');
  await staff.getByLabel('Code from your authenticator app').fill(await staffAppCode(secret, 30));
  await staff.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(staff.getByRole('heading', { name: 'Find an Account' })).toBeVisible();
  await staff.getByLabel('Apple ID').fill(appleId);
  await staff.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(staff.getByRole('heading', { name: appleId })).toBeVisible();
  await axe(staff, 'support console: an account');
});

test('every code step with a wrong code; a Support PIN made; the staff PIN form; the Recovery Key reset and sign-in', async ({
  page,
  browser,
}) => {
  const { appleId, phone, recoveryKey } = await accountWithTwoStepOnInDatabase(page, 'axe-codes');
  const textedCode = async () => {
    const inbox = await page.context().newPage();
    const code = await newestSmsCode(inbox, phone.e164);
    await inbox.close();
    return code;
  };
  const chooseAndSend = async () => {
    await page.getByRole('radio', { name: new RegExp(`${phone.e164.slice(-2)}\\b`) }).check();
    await submit(page, 'Send Code');
  };
  const wrongCode = async (button: string, what: string) => {
    await page.getByLabel(/Verification code sent to/).fill('0000');
    await submit(page, button);
    await expect(page.getByTestId('error-summary')).toBeVisible();
    await axe(page, what);
  };

  // The support PIN: its code step, a wrong code, then the PIN made.
  await page.goto('/account/security/support-pin');
  await chooseAndSend();
  await wrongCode('Make PIN', 'support PIN: wrong code');
  await page.getByLabel(/Verification code sent to/).fill(await textedCode());
  await page.getByRole('button', { name: 'Make PIN', exact: true }).click();
  await expect(page.getByTestId('support-pin')).toBeVisible();
  await axe(page, 'support PIN: made');
  const pin = ((await page.getByTestId('support-pin').textContent()) ?? '').replace(/\s/g, '');

  // A fresh code before a change, then adding an authenticator app: each with a wrong code.
  await advanceClock(page, 11 * 60);
  await page.goto('/account/security/app-passwords');
  await expect(page.getByRole('heading', { name: 'Verify Your Identity' })).toBeVisible();
  await chooseAndSend();
  await wrongCode('Continue', 'verify your identity: wrong code');
  await page.getByLabel(/Verification code sent to/).fill(await textedCode());
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'App-Specific Passwords', level: 1 })).toBeVisible();
  await page.goto('/account/security/devices/authenticator');
  await page.getByLabel('Name', { exact: true }).fill('Axe authenticator');
  await submit(page, 'Continue');
  await expect(page.getByTestId('totp-secret')).toBeVisible();
  await axe(page, 'add an authenticator app: the key');
  await page.getByLabel(/^Code from /).fill('000000');
  await submit(page, 'Verify');
  await expect(page.getByTestId('error-summary')).toBeVisible();
  await axe(page, 'add an authenticator app: wrong code');

  // The staff PIN form: empty, a wrong PIN, then the one the holder made.
  const staff = await (await browser.newContext({ timezoneId: 'America/New_York' })).newPage();
  await staffFirstSignIn(staff, newStaff('axe.pin', 'Axe Pin'));
  await staff.getByLabel('Apple ID').fill(appleId);
  await staff.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(staff.getByRole('heading', { name: appleId })).toBeVisible();
  await expect(staff.getByLabel('Support PIN', { exact: true })).toBeVisible();
  await axe(staff, 'support console: the PIN form');
  await staff.getByLabel('Support PIN', { exact: true }).fill(pin === '000000' ? '111111' : '000000');
  await submit(staff, 'Show Details');
  await expect(staff.locator('p.form-error')).toBeVisible();
  await axe(staff, 'support console: a wrong PIN');
  await staff.getByLabel('Support PIN', { exact: true }).fill(pin);
  await staff.getByRole('button', { name: 'Show Details', exact: true }).click();
  await expect(staff.getByTestId('support-two-step')).toContainText('On since');
  await axe(staff, 'support console: the details after the PIN');
  await staff.context().close();

  // The Recovery Key reset: its verify step, and a wrong code there.
  await signOut(page);
  await startRecoveryKeyReset(page, appleId, recoveryKey);
  await axe(page, 'Recovery Key reset: verify step');
  await advanceClock(page, 31);
  await chooseAndSend();
  await axe(page, 'Recovery Key reset: code sent');
  await wrongCode('Verify', 'Recovery Key reset: wrong code');

  // Signing in with the Recovery Key: Trusted Devices, where a new device comes first.
  await advanceClock(page, 31);
  await signIn(page, appleId);
  await page.getByRole('link', { name: "Can't use any of your devices?" }).click();
  await page.getByLabel('Recovery Key').fill(recoveryKey);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('recovery-notice')).toBeVisible();
  await axe(page, 'Trusted Devices in a Recovery Key session');
});

// Silence "unused" for helpers kept for symmetry with other specs.
void enterTextedCode;
void addTrustedPhone;

test('an activation link opened again, and the staff sign-in after the idle time-out', async ({ page, browser }) => {
  const appleId = newAppleId('a11y-active-link');
  await createAccount(page, appleId);
  await page.goto(await activationLink(page, appleId));
  await expect(page.getByText('This Apple ID is already active. Sign in with it.')).toBeVisible();
  await axe(page, 'an activation link opened again');

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  const member = newStaff('a11y-idle', 'Idle Staff');
  await staffPassword(staff, member);
  await submit(staff, 'Set Up an Authenticator App');
  const secret = await shownKey(staff);
  await staff.getByLabel('Code from your authenticator app').fill(await staffAppCode(secret));
  await staff.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(staff.getByRole('heading', { name: 'Find an Account' })).toBeVisible();
  await staffAppCode(secret, 15 * 60 + 1); // moves the portal's clock past the idle time-out
  await staff.goto('/support');
  await expect(staff.getByText('You were signed out after 15 minutes without activity.')).toBeVisible();
  await axe(staff, 'the staff sign-in after the idle time-out');
  await staffContext.close();
});
