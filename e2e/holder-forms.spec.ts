// The holder's forms read in order: an error summary lists its errors in the order of the fields on
// the page, each naming what it is about ("Question 2: choose a question."), with no generic sentence
// beside it; the birth date is three fields (month, day, year) with one error; a page that changes in
// place names itself anew; mid-sign-in, the header offers only to cancel it.
import { expect, test } from './csp-guard.ts';
import { type Locator, type Page } from '@playwright/test';
import {
  accountWithTwoStepOnInDatabase,
  advanceClock,
  birthDateGroup,
  createAccount,
  enterTextedCode,
  fillBirthDate,
  fillCreateAccount,
  newAppleId,
  newestSmsCode,
  PASSWORD,
  requestResetLink,
  signIn,
  signOut,
  startRecoveryKeyReset,
  submit,
  verifyIdentity,
} from './helpers.ts';

const SHOTS = 'test-results/holder-forms';

async function shoot(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** The focused error summary; it never carries "Check the fields marked below" beside its list. */
async function errorSummary(page: Page): Promise<Locator> {
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).not.toContainText('Check the fields');
  return summary;
}

/** The summary's links, as the ids they point at, and those ids in the order their fields stand on the page. */
async function summaryAndPageOrder(page: Page, summary: Locator): Promise<{ listed: string[]; onPage: string[] }> {
  const listed = (await summary.locator('li a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).map((h) =>
    h.replace(/^#/, ''),
  );
  const onPage = await page.evaluate(
    (ids) =>
      [...ids].sort((a, b) => {
        const x = document.getElementById(a);
        const y = document.getElementById(b);
        if (!x || !y) return 0;
        return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      }),
    listed,
  );
  for (const id of listed) await expect(page.locator(`[id="${id}"]`), `the field the summary links to: #${id}`).toHaveCount(1);
  return { listed, onPage };
}

test('Create Account: the summary lists the errors in the order of the fields, names the question, and the birth date is three fields with one error', async ({
  page,
}) => {
  await fillCreateAccount(page, { appleId: newAppleId('order-create'), password: 'short', confirm: 'other' });
  await page.getByLabel('Name').fill('');
  await fillBirthDate(page, '1990-02-30'); // no 30 February
  const q2 = page.getByRole('group', { name: 'Question 2' });
  await q2.getByLabel('Answer').fill('');
  await page.getByRole('group', { name: 'Question 3' }).getByLabel('Question').selectOption({ index: 1 }); // the same as question 1
  await submit(page, 'Create Account');

  const summary = await errorSummary(page);
  const { listed, onPage } = await summaryAndPageOrder(page, summary);
  expect(listed).toEqual(['name', 'birthDate', 'password', 'confirmPassword', 'answer2', 'question3']);
  expect(listed).toEqual(onPage);
  await expect(summary.locator('li')).toHaveText([
    'Enter your name.',
    'Enter a real date, such as 4 30 1990 (month, day, year).',
    /at least 8 characters/,
    "The passwords don't match.",
    'Question 2: enter an answer of at least 2 characters.',
    'Question 3: choose a question different from question 1.',
  ]);

  // One error for the date's group, tied to it; its link lands on the month, the group's first field.
  const date = birthDateGroup(page);
  await expect(date.getByRole('textbox')).toHaveCount(3);
  await expect(date.getByLabel('Month')).toHaveValue('2');
  await expect(date.getByLabel('Day')).toHaveValue('30');
  await expect(date.getByLabel('Year')).toHaveValue('1990');
  await expect(date).toHaveAccessibleDescription(/For example, 4 30 1990\. Enter a real date/);
  await expect(page.locator('input[type="date"]')).toHaveCount(0);
  await shoot(page, 'create-account-errors');
  await summary.getByRole('link', { name: /Enter a real date/ }).click();
  await expect(date.getByLabel('Month')).toBeFocused();
});

test('"Check your email" names the page in its title', async ({ page }) => {
  await fillCreateAccount(page, { appleId: newAppleId('title-check') });
  await expect(page).toHaveTitle('Create Your Account — Two-Step');
  await page.getByRole('button', { name: 'Create Account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expect(page).toHaveTitle('Check Your Email — Two-Step');
});

test('Sign In: empty fields are listed in their order, with no generic sentence above them', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign In', exact: true }).click();
  const summary = await errorSummary(page);
  const { listed, onPage } = await summaryAndPageOrder(page, summary);
  expect(listed).toEqual(['appleId', 'password']);
  expect(listed).toEqual(onPage);
  await expect(summary.locator('p')).toHaveCount(0);
});

test('the emailed reset: the answers come before the new password in the summary, each answer saying which question', async ({ page }) => {
  const appleId = newAppleId('order-reset');
  await createAccount(page, appleId);
  await signOut(page);
  await page.goto(await requestResetLink(page, appleId));
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('Confirm new password').fill('different');
  await submit(page, 'Reset Password');
  const summary = await errorSummary(page);
  const { listed, onPage } = await summaryAndPageOrder(page, summary);
  expect(listed).toEqual(['answer1', 'answer2', 'password', 'confirmPassword']);
  expect(listed).toEqual(onPage);
  await expect(summary.locator('li').nth(0)).toHaveText('Enter your answer to the first question.');
  await expect(summary.locator('li').nth(1)).toHaveText('Enter your answer to the second question.');
  await shoot(page, 'reset-errors');
});

test('Turn Off: the questions, then the birth date, each naming its question; a wrong date in three fields is refused', async ({
  page,
}) => {
  const { phone } = await accountWithTwoStepOnInDatabase(page, 'order-turn-off');
  await page.goto('/account/security/turn-off');
  await advanceClock(page, 31);
  await verifyIdentity(page, phone.e164);
  await expect(page.getByRole('heading', { name: 'Turn Off Two-Step Verification', level: 1 })).toBeVisible();
  await page.getByRole('group', { name: 'Question 1' }).getByLabel('Question').selectOption({ index: 1 });
  await page.getByRole('group', { name: 'Question 1' }).getByLabel('Answer').fill('marigold');
  await page.getByRole('group', { name: 'Question 3' }).getByLabel('Answer').fill('x');
  await fillBirthDate(page, '1988-13-14'); // no 13th month
  await submit(page, 'Turn Off Two-Step Verification');
  const summary = await errorSummary(page);
  const { listed, onPage } = await summaryAndPageOrder(page, summary);
  expect(listed).toEqual(['question2', 'answer2', 'question3', 'answer3', 'birthDate']);
  expect(listed).toEqual(onPage);
  await expect(summary.locator('li')).toHaveText([
    'Question 2: choose a question.',
    'Question 2: enter an answer of at least 2 characters.',
    'Question 3: choose a question.',
    'Question 3: enter an answer of at least 2 characters.',
    'Enter a real date, such as 4 30 1990 (month, day, year).',
  ]);
  await shoot(page, 'turn-off-errors');
});

test('mid-sign-in, the header offers to cancel the sign-in, not to sign in or create an account; cancelling ends it', async ({ page }) => {
  const { appleId } = await accountWithTwoStepOnInDatabase(page, 'header-code-step');
  await signOut(page);
  const header = page.getByRole('navigation').first();
  await expect(header.getByRole('link', { name: 'Sign In' })).toBeVisible();
  await signIn(page, appleId, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Verify Your Identity' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Sign In' })).toHaveCount(0);
  await expect(header.getByRole('link', { name: 'Create Your Account' })).toHaveCount(0);
  await shoot(page, 'code-step-header');
  await header.getByRole('button', { name: 'Cancel Sign-In' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(header.getByRole('link', { name: 'Sign In' })).toBeVisible();
  await page.goto('/sign-in/verify');
  await expect(page).toHaveURL(/\/sign-in$/); // the waiting sign-in is gone
});

test('the Recovery Key reset: the new-password step names itself in the title', async ({ page }) => {
  const { appleId, phone, recoveryKey } = await accountWithTwoStepOnInDatabase(page, 'title-key-reset');
  await signOut(page);
  await startRecoveryKeyReset(page, appleId, recoveryKey);
  await expect(page).toHaveTitle('Reset Your Password: Enter a Code — Two-Step');
  await advanceClock(page, 31);
  await enterTextedCode(page, phone.e164, 'Verify');
  await expect(page.getByText(`Choose a new password for ${appleId}.`)).toBeVisible();
  await expect(page).toHaveTitle('Reset Your Password: Choose a New Password — Two-Step');
});
