import { expect, test } from './csp-guard.ts';
import { randomInt } from 'node:crypto';
import { answerSecurityQuestions, createAccount, newAppleId, newestMailText, newestSmsCode, submit, fillBirthDate } from './helpers.ts';

// Dates show in the reader's time zone, written as the account's country writes them.
test.use({ timezoneId: 'America/New_York' });

test('turning two-step on: Get Started → a verified phone → the Recovery Key, printed and confirmed → conditions → on', async ({
  page,
  context,
}) => {
  const appleId = newAppleId('turn-on');
  const last4 = String(randomInt(0, 10_000)).padStart(4, '0');
  const phone = { typed: `(555) 010-${last4}`, e164: `+1555010${last4}`, masked: `+1 ••• ••• ••${last4.slice(2)}` };

  // Password and Security → Get Started.
  await createAccount(page, appleId);
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await page.getByRole('button', { name: 'Get Started' }).click();
  await expect(page.getByRole('heading', { name: 'Set Up Two-Step Verification' })).toBeVisible();
  await expect(page.locator('[aria-current="step"]')).toContainText('Trusted devices');
  await expect(page.getByText('No trusted devices yet.')).toBeVisible();
  await page.screenshot({ path: 'test-results/turn-on-step1.png', fullPage: true });

  // The later steps cannot be skipped to.
  await page.goto('/account/security/setup/conditions');
  await expect(page).toHaveURL(/\/account\/security\/setup$/);

  // Step 1: a mobile number, verified with the texted code.
  await page.getByRole('link', { name: 'Add trusted devices' }).click();
  await page.getByLabel('Phone number', { exact: true }).fill(phone.typed);
  await submit(page, 'Send Code');
  await expect(page.getByRole('status').filter({ hasText: 'We sent a 4-digit code to' }).filter({ hasText: phone.masked })).toBeVisible();
  const code = await newestSmsCode(page, phone.e164);
  await page.goto('/account/security/devices');
  await page.getByTestId('pending-device').filter({ hasText: phone.masked }).getByLabel('Verification code').fill(code);
  await submit(page, 'Verify');
  await expect(page.getByRole('status').filter({ hasText: `${phone.masked} is now a trusted device.` })).toBeVisible();
  // No stale "we sent a code" next to it, and the page leads on to the next step.
  await expect(page.getByText(/We sent a 4-digit code/)).toHaveCount(0);
  await expect(page.getByTestId('setup-continue')).toContainText('Next in setting up two-step verification: Recovery Key.');
  await expect(page.getByTestId('setup-continue').getByRole('link', { name: 'Continue', exact: true })).toHaveAttribute(
    'href',
    '/account/security/setup/recovery-key',
  );

  // Password and Security says where the setup is, and links to the step.
  await page.goto('/account/security');
  await expect(page.getByTestId('continue-setup')).toHaveText('Continue setup — step 2 of 4');
  await page.getByRole('link', { name: 'Continue setup — step 2 of 4' }).click();
  await expect(page.getByRole('heading', { name: 'Your Recovery Key', exact: true })).toBeVisible();

  // Back to the setup: the device is listed, the Recovery Key is next.
  await page.goto('/account/security/setup');
  await expect(page.getByTestId('setup-devices')).toContainText(phone.masked);
  await expect(page.getByText(/Step 2 of 4: Recovery Key/)).toBeVisible();
  await page.getByRole('link', { name: 'Continue: Recovery Key' }).click();

  // Step 2: get the key, shown once, with Print and Copy; never in the URL.
  await expect(page.getByRole('heading', { name: 'Your Recovery Key', exact: true })).toBeVisible();
  await submit(page, 'Get Your Recovery Key');
  const keyText = page.getByTestId('recovery-key');
  await expect(keyText).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
  const key = (await keyText.textContent())!.trim();
  // The key takes focus and is read out character by character.
  await expect(page.getByTestId('recovery-key-region')).toBeFocused();
  await expect(page.getByTestId('recovery-key-region')).toContainText(`Your Recovery Key is ${key.split('').join(' ')}.`);
  expect(page.url()).not.toContain(key);
  expect(page.url()).not.toContain(key.replaceAll('-', ''));
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
  // The Copy hint agrees with the print sheet: not kept on the device or computer.
  await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toContainText(
    'don’t keep your Recovery Key in a file or note on your device or computer',
  );
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await expect(page.getByTestId('recovery-sheet')).toBeHidden(); // on screen, only the panel
  await page.screenshot({ path: 'test-results/recovery-key-screen.png', fullPage: true });

  // Print preview: on paper only the sheet (the key, the Apple ID, the date, what for, where to keep it).
  await page.emulateMedia({ media: 'print' });
  const sheet = page.getByTestId('recovery-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText(key);
  await expect(sheet).toContainText(appleId);
  await expect(sheet).toContainText(/Created\s*\w+ \d{1,2}, \d{4}/);
  await expect(sheet).toContainText('regain access to your account');
  await expect(sheet).toContainText('Keep your Recovery Key in a secure place in your home, office, or other location.');
  for (const hidden of [
    page.locator('nav.topbar'),
    page.locator('.dev-banner'),
    page.getByRole('button', { name: 'Print' }),
    page.getByRole('heading', { name: 'Your Recovery Key', exact: true }),
    page.getByLabel('Setup steps'),
  ]) {
    await expect(hidden).toBeHidden();
  }
  await page.screenshot({ path: 'test-results/recovery-key-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Step 3: the key typed back in lower case with spaces; a wrong one first.
  await page.getByRole('link', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Confirm Your Recovery Key' })).toBeVisible();
  const plain = key.replaceAll('-', '');
  const wrong = (plain[0] === 'A' ? 'B' : 'A') + plain.slice(1);
  await page.getByLabel('Recovery Key').fill(wrong);
  await submit(page, 'Confirm');
  await expect(page.locator('#recoveryKey-error')).toContainText("That isn't the Recovery Key shown to you.");
  await page.screenshot({ path: 'test-results/turn-on-wrong-key.png', fullPage: true });
  const typed = plain
    .toLowerCase()
    .replace(/(.{4})/g, '$1 ')
    .trim();
  await page.getByLabel('Recovery Key').fill(typed);
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();

  // Step 4: the conditions must be accepted.
  await expect(page.getByRole('heading', { name: 'Turn On Two-Step Verification' })).toBeVisible();
  const conditions = page.getByTestId('conditions');
  await expect(conditions).toContainText('Support cannot reset your password');
  await expect(conditions).toContainText(
    'You are responsible for remembering your password, keeping your trusted devices physically secure and keeping your Recovery Key',
  );
  await expect(conditions).toContainText(
    'lose access to two of these three at the same time, you could be locked out of your account for good',
  );
  await submit(page, 'Turn On Two-Step Verification');
  await expect(page.locator('#accept-error')).toHaveText('To turn on two-step verification, tick the box to accept these conditions.');
  await page.screenshot({ path: 'test-results/turn-on-conditions.png', fullPage: true });
  await page.getByLabel('I understand these conditions.').check();
  await page.getByRole('button', { name: 'Turn On Two-Step Verification' }).click();

  // On: a confirmation page says what changes now, with focus on its heading.
  await expect(page).toHaveURL(/\/account\/security\/setup\/done$/);
  const heading = page.getByRole('heading', { name: 'Two-step verification is on', level: 1 });
  await expect(heading).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Signing in needs a code' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Keep your Recovery Key' })).toBeVisible();
  await expect(page.getByRole('heading', { name: "Apps that can't ask for a code" })).toBeVisible();
  await expect(page.getByTestId('done-devices')).toContainText(phone.masked);
  await page.screenshot({ path: 'test-results/turn-on-confirmation.png', fullPage: true });

  // Password and Security says since when; the security questions are gone.
  await page.goto('/account/security');
  await expect(page.locator('.state-sentence[data-state="on"]')).toContainText(
    // A date, and the zone it is a date in, named.
    /Two-step verification is on since \w+ \d{1,2}, \d{4} \((?:[A-Z][a-z]+ )+Time\)\./,
  );
  await expect(page.getByRole('heading', { name: 'Security Questions' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/turn-on-done.png', fullPage: true });

  // The setup is over.
  await page.goto('/account/security/setup');
  await expect(page.getByTestId('setup-stopped')).toContainText('Two-step verification is already on');

  // The confirmation email, to the Apple ID, without the key.
  const mail = await newestMailText(page, appleId, 'Two-step verification is now on for your Apple ID');
  expect(mail).toContain(appleId);
  expect(mail).not.toContain(key);
  expect(mail.toUpperCase().replace(/[^A-Z0-9]/g, '')).not.toContain(plain);
});

test('a significant change during setup stops it, and the setup pages say why', async ({ page }) => {
  const appleId = newAppleId('turn-on-stopped');
  await createAccount(page, appleId);
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await page.getByRole('button', { name: 'Get Started' }).click();
  await expect(page.getByRole('heading', { name: 'Set Up Two-Step Verification' })).toBeVisible();

  // A significant change: the birth date.
  await page.goto('/account/security');
  await page.locator('summary', { hasText: 'Change birth date' }).click();
  await fillBirthDate(page.getByRole('form', { name: 'Change birth date' }), '1985-01-02');
  await submit(page, 'Save Birth Date');
  await expect(page.locator('.state-sentence[data-state="waiting"]')).toBeVisible();

  for (const path of ['/account/security/setup', '/account/security/setup/recovery-key', '/account/security/setup/conditions']) {
    await page.goto(path);
    const stopped = page.getByTestId('setup-stopped');
    await expect(stopped).toHaveAttribute('data-state', 'waiting');
    await expect(stopped).toContainText(/Setup stopped: your birth date was changed on .+, so setup is paused until .+\./);
    await expect(stopped.getByRole('link', { name: 'Back to Password and Security' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Get Your Recovery Key' })).toHaveCount(0);
  }
  await page.screenshot({ path: 'test-results/turn-on-stopped.png', fullPage: true });
});
