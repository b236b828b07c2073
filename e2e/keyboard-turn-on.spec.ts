import { expect, test } from './csp-guard.ts';
import { type Page } from '@playwright/test';
import { ANSWERS_BY_QUESTION, createAccount, newAppleId, newPhone, newestSmsCode } from './helpers.ts';

// Turning two-step on with the keyboard only: from Password and Security to the confirmation, every
// control is reached with Tab (or Shift+Tab) and used with Enter, Space and typing. No clicks, no
// fill(). (Making the account and reading the texted code in the dev inbox are not part of it.)

/** What a screen reader would call the focused element, roughly (its label, aria-label or text), and its tag. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: '', tag: '' };
    const input = el as HTMLInputElement;
    const label = input.labels && input.labels.length ? input.labels[0].innerText : '';
    return {
      name: (el.getAttribute('aria-label') || label || el.innerText || '').replace(/\s+/g, ' ').trim(),
      tag: el.tagName.toLowerCase(),
    };
  });
}
const focusedName = async (page: Page) => (await focused(page)).name;
/** The code field of a device being added: its label names the device. */
const CODE_FIELD = /^Verification code sent to /;

/** Presses Tab until the focused element's name (and tag, when given) matches, at most 80 presses; returns how many it took. */
async function tabTo(page: Page, name: string | RegExp, tag?: 'a' | 'button' | 'input'): Promise<number> {
  const matches = (s: string) => (typeof name === 'string' ? s === name : name.test(s));
  for (let i = 1; i <= 80; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (matches(now.name) && (!tag || now.tag === tag)) return i;
  }
  throw new Error(`Tab never reached "${name}" on ${page.url()}`);
}

test('a new account turns two-step verification on with the keyboard only', async ({ page, context }) => {
  test.setTimeout(180_000);
  const appleId = newAppleId('keyboard');
  const phone = newPhone();
  await createAccount(page, appleId);

  // Manage your account → Password and Security.
  await tabTo(page, /^Password and Security/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Password and Security', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();

  // Two of the three security questions.
  const questions = await page.locator('form label').allTextContents();
  expect(questions).toHaveLength(2);
  for (const q of questions) {
    await tabTo(page, q.trim());
    await page.keyboard.type(ANSWERS_BY_QUESTION[q.trim()]);
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Two-Step Verification' })).toBeVisible();

  // Get Started.
  await tabTo(page, 'Get Started');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Set Up Two-Step Verification' })).toBeVisible();

  // Step 1: a phone number, and the code texted to it.
  await tabTo(page, 'Add trusted devices');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Trusted Devices', exact: true })).toBeVisible();
  await tabTo(page, 'Phone number', 'input');
  await page.keyboard.type(phone.typed);
  await page.keyboard.press('Enter');
  // The code is the next page's only question, and the focus is in its field.
  await expect(page.getByRole('heading', { name: 'Enter the Code', level: 1 })).toBeVisible();
  await expect.poll(() => focused(page)).toMatchObject({ name: expect.stringMatching(CODE_FIELD), tag: 'input' });
  await expect(page.getByText('Enter it below')).toHaveCount(0);
  const inbox = await context.newPage();
  const code = await newestSmsCode(inbox, phone.e164);
  await inbox.close();
  await page.bringToFront();
  expect(await focused(page)).toMatchObject({ name: expect.stringMatching(CODE_FIELD), tag: 'input' });
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'is now a trusted device.' })).toBeVisible();

  // The page leads on: Continue to the Recovery Key.
  await tabTo(page, 'Continue', 'a');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your Recovery Key', exact: true })).toBeVisible();

  // Step 2: the key, which takes focus when shown.
  await tabTo(page, 'Get Your Recovery Key');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('recovery-key-region')).toBeFocused();
  const key = ((await page.getByTestId('recovery-key').textContent()) ?? '').trim();
  expect(key).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
  // From the key, Tab goes on to Print.
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toBe('Print');
  await tabTo(page, 'Continue', 'a');
  await page.keyboard.press('Enter');

  // Step 3: type the key back, as from paper.
  await expect(page.getByRole('heading', { name: 'Confirm Your Recovery Key' })).toBeVisible();
  await tabTo(page, /^Recovery Key/, 'input');
  await page.keyboard.type(key.replaceAll('-', ' ').toLowerCase());
  await page.keyboard.press('Enter');

  // Step 4: accept the conditions with Space, then turn it on.
  await expect(page.getByRole('heading', { name: 'Turn On Two-Step Verification' })).toBeVisible();
  await tabTo(page, 'I understand these conditions.');
  await page.keyboard.press('Space');
  await expect(page.getByLabel('I understand these conditions.')).toBeChecked();
  await tabTo(page, 'Turn On Two-Step Verification');
  await page.keyboard.press('Enter');

  // The confirmation, with focus on its heading.
  await expect(page).toHaveURL(/\/account\/security\/setup\/done$/);
  await expect(page.getByRole('heading', { name: 'Two-step verification is on', level: 1 })).toBeFocused();
  await tabTo(page, 'Manage two-step verification');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('two-step-since')).toContainText('On since');
});
