import { expect, test } from './csp-guard.ts';
import { type Page } from '@playwright/test';
import {
  accountWithTwoStepOnInDatabase,
  advanceClock,
  createAccount,
  fillCreateAccount,
  newAppleId,
  newestSmsCode,
  PASSWORD,
  signOut,
  submit,
  answerSecurityQuestions,
  expectBirthDate,
  fillBirthDate,
} from './helpers.ts';

// Forms that never lose the user (docs/product.md#forms). After an error what was typed comes back
// (passwords and codes excepted), the focus goes to an error summary at the top that links to each
// field, and the page title says "Error: ". Every page has its own title; code fields take what
// people paste; a skip link, visible focus, and no sideways scrolling at 320 px.

const SHOTS = process.env.FORMS_SCREENSHOTS ?? 'test-results/forms';

async function shoot(page: Page, name: string) {
  for (const width of [320, 390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function expectErrorSummaryFocused(page: Page) {
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: .+ — Two-Step$/);
  return summary;
}

test('Create Account: after "passwords don\'t match" everything but the passwords comes back; the error summary has the focus and links to the field', async ({
  page,
}) => {
  const appleId = newAppleId('forms-create');
  await fillCreateAccount(page, {
    appleId,
    confirm: 'something else entirely',
    rescueEmail: 'rescue@example.com',
    countryCode: 'GB',
    name: 'Kept Name',
  });
  await expect(page).toHaveTitle('Create Your Account — Two-Step');
  const chosen = await Promise.all(
    [1, 2, 3].map((n) =>
      page
        .getByRole('group', { name: `Question ${n}` })
        .getByLabel('Question')
        .inputValue(),
    ),
  );
  await submit(page, 'Create Account');

  const summary = await expectErrorSummaryFocused(page);
  await expect(page).toHaveTitle('Error: Create Your Account — Two-Step');
  // The view is at the top, where the summary is.
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(400);
  await expect(page.getByLabel('Name')).toHaveValue('Kept Name');
  await expectBirthDate(page, '1988-07-14');
  await expect(page.getByLabel('Country or region')).toHaveValue('GB');
  await expect(page.getByLabel('Apple ID')).toHaveValue(appleId);
  await expect(page.getByLabel('Rescue email (optional)')).toHaveValue('rescue@example.com');
  for (const [n, answer] of [
    [1, 'indigo'],
    [2, 'lisbon'],
    [3, 'biscuit'],
  ] as const) {
    const group = page.getByRole('group', { name: `Question ${n}` });
    await expect(group.getByLabel('Question')).toHaveValue(chosen[n - 1]);
    await expect(group.getByLabel('Answer')).toHaveValue(answer);
  }
  // Passwords are asked again.
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Confirm password')).toHaveValue('');
  await shoot(page, 'create-account-error');

  // The summary links to the field with the error, and the link puts the focus in it.
  const link = summary.getByRole('link');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute('href', '#confirmPassword');
  await link.click();
  await expect(page.getByLabel('Confirm password')).toBeFocused();

  // Fixed: the form goes through, and the title loses its "Error: " and names the page now shown.
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create Account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expect(page).toHaveTitle('Check Your Email — Two-Step');
});

test('Sign In: a wrong password keeps the Apple ID, clears the password, and focuses the summary; the button never drops the focus', async ({
  page,
}) => {
  const appleId = newAppleId('forms-sign-in');
  await page.goto('/sign-in');
  await expect(page).toHaveTitle('Sign In — Two-Step');
  await page.getByLabel('Apple ID').fill(appleId);
  await page.getByLabel('Password').fill('not the password');
  await page.getByLabel('Password').press('Enter');
  await expectErrorSummaryFocused(page);
  await expect(page.getByLabel('Apple ID')).toHaveValue(appleId);
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Sign In', exact: true })).not.toHaveAttribute('disabled', /.*/);
  await shoot(page, 'sign-in-error');
});

test('Recovery Key reset: a wrong key comes back in its field, with the Apple ID', async ({ page }) => {
  await page.goto('/reset/recovery-key');
  await expect(page).toHaveTitle('Reset Your Password with Your Recovery Key — Two-Step');
  const appleId = newAppleId('forms-key');
  await page.getByLabel('Apple ID').fill(appleId);
  await page.getByLabel('Recovery Key').fill('ABCD-EFGH-JKMN-PQ');
  await submit(page, 'Continue');
  const summary = await expectErrorSummaryFocused(page);
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#recoveryKey');
  await expect(page.getByLabel('Apple ID')).toHaveValue(appleId);
  await expect(page.getByLabel('Recovery Key')).toHaveValue('ABCD-EFGH-JKMN-PQ');
  await shoot(page, 'recovery-key-error');
});

test('Turn Off: a wrong birth date keeps the three questions and their answers; code fields take a pasted code', async ({ page }) => {
  const { phone } = await accountWithTwoStepOnInDatabase(page, 'forms-turn-off');
  await page.goto('/account/security/turn-off');
  await advanceClock(page, 31);
  // Verify Your Identity: the code as a text message quotes it, with spaces: only the digits stay.
  await expect(page.getByRole('heading', { name: 'Verify Your Identity' })).toBeVisible();
  await expect(page).toHaveTitle(/ — Two-Step$/);
  const radio = page.getByRole('radio', { name: new RegExp(`${phone.e164.slice(-2)}\\b`) });
  await radio.check();
  // Radios and checkboxes show the keyboard focus as the text fields do.
  await radio.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(radio).toBeFocused();
  expect(await radio.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await submit(page, 'Send Code');
  const inbox = await page.context().newPage();
  const code = await newestSmsCode(inbox, phone.e164);
  await inbox.close();
  const field = page.getByLabel(/Verification code sent to/);
  await field.fill(`Your code: ${code.slice(0, 2)} ${code.slice(2)} `);
  await expect(field).toHaveValue(code);
  await field.fill('');
  await field.focus();
  await page.keyboard.insertText(`${code} `);
  await expect(field).toHaveValue(code);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Turn Off Two-Step Verification', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Turn Off Two-Step Verification — Two-Step');
  const answers = ['marigold', 'porto', 'pepper'];
  for (const n of [1, 2, 3]) {
    const group = page.getByRole('group', { name: `Question ${n}` });
    await group.getByLabel('Question').selectOption({ index: n + 3 });
    await group.getByLabel('Answer').fill(answers[n - 1]);
  }
  const chosen = await Promise.all(
    [1, 2, 3].map((n) =>
      page
        .getByRole('group', { name: `Question ${n}` })
        .getByLabel('Question')
        .inputValue(),
    ),
  );
  await fillBirthDate(page, '1988-07-15');
  await submit(page, 'Turn Off Two-Step Verification');
  const summary = await expectErrorSummaryFocused(page);
  await expect(summary.getByRole('link', { name: "That isn't the birth date on your account." })).toHaveAttribute('href', '#birthDate');
  for (const n of [1, 2, 3]) {
    const group = page.getByRole('group', { name: `Question ${n}` });
    await expect(group.getByLabel('Question')).toHaveValue(chosen[n - 1]);
    await expect(group.getByLabel('Answer')).toHaveValue(answers[n - 1]);
  }
  await expectBirthDate(page, '1988-07-15');
  await shoot(page, 'turn-off-error');
  await fillBirthDate(page, '1988-07-14');
  await page.getByRole('button', { name: 'Turn Off Two-Step Verification' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Two-step verification is off.' })).toBeVisible();
});

test('a skip link, visible focus on inputs, and a title on every page', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/sign-in');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Apple ID')).toBeFocused();
  const ring = await page.getByLabel('Apple ID').evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: s.outlineWidth, color: s.outlineColor };
  });
  expect(ring).toEqual({ style: 'solid', width: '3px', color: 'rgb(0, 102, 204)' });

  const titles = new Map<string, string>();
  for (const path of [
    '/',
    '/sign-in',
    '/create',
    '/forgot',
    '/reset/recovery-key',
    '/support/sign-in',
    '/dev/sms',
    '/dev/mail',
    '/dev/devices',
  ]) {
    await page.goto(path);
    titles.set(path, await page.title());
  }
  const appleId = newAppleId('forms-titles');
  await createAccount(page, appleId);
  titles.set('/account', await page.title());
  await page.goto('/account/security');
  titles.set('/account/security (questions)', await page.title());
  await answerSecurityQuestions(page);
  for (const path of ['/account/security/devices', '/account/security/app-passwords']) {
    await page.goto(path);
    titles.set(path, await page.title());
  }
  for (const [path, title] of titles) expect(title, path).toMatch(/\S — Two-Step$|^Two-Step — /);
  const named = [...titles].filter(([path]) => !['/', '/account', '/account/security (questions)'].includes(path)).map(([, t]) => t);
  expect(new Set(named).size, [...titles].join('\n')).toBe(named.length);
});

test('no sideways scrolling at 320 px; the activity table in rows at 390 px', async ({ page }) => {
  const appleId = newAppleId('forms-narrow');
  await createAccount(page, appleId);
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await page.setViewportSize({ width: 320, height: 800 });
  const wide: string[] = [];
  for (const path of [
    '/account',
    '/account/security',
    '/account/security/devices',
    '/account/security/app-passwords',
    '/dev/mail',
    '/dev/sms',
    '/dev/devices',
  ]) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) wide.push(`${path}: ${width}`);
  }
  await page.goto('/account/security');
  await shoot(page, 'password-and-security');

  // The activity table: at 390 px each event is a block, its values one under the other.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/account/security');
  const table = page.locator('table.activity').first();
  await expect(table).toBeVisible();
  const row = table.locator('tbody tr').first();
  const boxes = await row.locator('td').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes).toHaveLength(3); // When, What, Where (the browser): the holder's table has no address column
  for (let i = 1; i < boxes.length; i++) expect(boxes[i].top).toBeGreaterThanOrEqual(boxes[i - 1].bottom - 1);
  expect((await table.boundingBox())!.width).toBeLessThanOrEqual(390);
  await expect(row.locator('td').first()).toHaveAttribute('data-label', 'When');

  await signOut(page);
  await page.setViewportSize({ width: 320, height: 800 });
  for (const path of ['/', '/sign-in', '/create', '/forgot', '/reset/recovery-key', '/support/sign-in']) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) wide.push(`${path}: ${width}`);
  }
  expect(wide).toEqual([]);
});

test('Sign in with the Recovery Key: a wrong key comes back in its field, and the summary links to it', async ({ page }) => {
  const { appleId } = await accountWithTwoStepOnInDatabase(page, 'forms-sign-in-key');
  await signOut(page);
  await page.goto('/sign-in');
  await page.getByLabel('Apple ID').fill(appleId);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign In' }).click();
  await page.getByRole('link', { name: "Can't use any of your devices?" }).click();
  await expect(page).toHaveTitle('Sign In with Your Recovery Key — Two-Step');
  await page.getByLabel('Recovery Key').fill('ABCD-EFGH-JKMN-PQ');
  await submit(page, 'Continue');
  const summary = await expectErrorSummaryFocused(page);
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#recoveryKey');
  await expect(page.getByLabel('Recovery Key')).toHaveValue('ABCD-EFGH-JKMN-PQ');
  await expect(page.getByLabel('Recovery Key')).toHaveAttribute('aria-describedby', 'recoveryKey-error');
});
