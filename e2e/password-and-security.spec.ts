import { expect, test } from './csp-guard.ts';
import { type Page } from '@playwright/test';
import {
  answerSecurityQuestions,
  createAccount,
  DEMO_ANSWERS,
  emailDay,
  formError,
  newAppleId,
  newestMailText,
  operator,
  PASSWORD,
  portalNow,
  signIn,
  signInWithCode,
  submit,
} from './helpers.ts';
import { DEMO_PASSWORD, DEMO_TRUSTED_PHONE } from '../dev/seed/demo-accounts.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Dates show in the reader's time zone, written as the account's country writes them.
test.use({ timezoneId: 'America/New_York' });

async function openPasswordAndSecurity(page: Page, appleId: string, password = PASSWORD, answers?: Record<string, string>) {
  await signIn(page, appleId, password);
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
  await page.goto('/account/security');
  await answerSecurityQuestions(page, answers);
}

const demo = (page: Page, who: string) => openPasswordAndSecurity(page, `${who}@two-step.test`, DEMO_PASSWORD, DEMO_ANSWERS);

/** The sentence of the Two-Step Verification section, and the instants it names. */
async function twoStepState(page: Page) {
  const sentence = page.locator('section.feature .state-sentence');
  await expect(sentence).toBeVisible();
  const times = await sentence.locator('time').evaluateAll((ts) => ts.map((t) => new Date(t.getAttribute('datetime')!).getTime()));
  return { sentence, state: await sentence.getAttribute('data-state'), times };
}

/**
 * `actual` is `offset` from an instant between `from` and `to` (ms): no slack that a slow run could
 * outlast. The portal's clock reads in whole seconds (portalNow), so `to` gets the second it began.
 */
function within(actual: number, offset: number, from: number, to: number) {
  expect(actual - offset).toBeGreaterThanOrEqual(from);
  expect(actual - offset).toBeLessThan(to + 1000);
}

/**
 * The demo accounts' stories are told from the moment the seed ran, which lies between the start
 * of the run (playwright.config.ts notes it before starting the server) and the portal's now.
 */
const seededFrom = () => Number(process.env.E2E_STARTED_AT);

test('the page asks two security questions first, and locks for 15 minutes after three wrong answers', async ({ page }) => {
  const appleId = newAppleId('gate');
  await createAccount(page, appleId);
  await page.goto('/account/security');
  const labels = await page.locator('form label').allTextContents();
  expect(labels).toHaveLength(2);
  for (let i = 0; i < 3; i++) {
    for (const label of labels) await page.getByLabel(label, { exact: true }).fill(`wrong ${i}`);
    await submit(page, 'Continue');
    await expect(formError(page)).toContainText(i < 2 ? "don't match" : 'try again in 15 minutes');
  }
  await page.reload();
  await expect(page.locator('form label')).toHaveText(labels); // the same two questions: reloading picks no easier pair
  await expect(formError(page)).toContainText('try again in 15 minutes');
});

test('available: Get Started leads into setup with its deadline', async ({ page }) => {
  await demo(page, 'avery');
  const { sentence, state } = await twoStepState(page);
  expect(state).toBe('available');
  await expect(sentence).toContainText('Two-step verification is available for your account.');
  // The section is first on the page, above every other setting
  // (docs/rules.md#password-and-security-page).
  await expect(page.locator('main section').first()).toHaveAttribute('aria-labelledby', 'two-step-heading');
  await page.screenshot({ path: 'test-results/state-available.png', fullPage: true });
  const before = (await portalNow(page)) * 1000; // the portal's now: earlier specs moved its clock
  await page.getByRole('button', { name: 'Get Started' }).click();
  await expect(page.getByRole('heading', { name: 'Set Up Two-Step Verification' })).toBeVisible();
  const deadline = new Date((await page.locator('main time').getAttribute('datetime'))!).getTime();
  within(deadline, 30 * DAY, before, (await portalNow(page)) * 1000);
});

test('country not available: says which country, and no Get Started', async ({ page }) => {
  await demo(page, 'nima');
  const { sentence, state } = await twoStepState(page);
  expect(state).toBe('country-unavailable');
  await expect(sentence).toHaveText(
    'Two-step verification is not yet offered in Nepal, the country or region of your account. It will appear here as soon as it is offered there.',
  );
  await expect(page.getByRole('button', { name: 'Get Started' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/state-country-unavailable.png', fullPage: true });
});

test("waiting period: why, since when and until when, in the reader's time zone", async ({ page }) => {
  await demo(page, 'robin');
  const { sentence, state, times } = await twoStepState(page);
  expect(state).toBe('waiting');
  await expect(sentence).toContainText('Setup is paused until');
  await expect(sentence).toContainText('because your password was changed on');
  // New York time, named (not UTC, and not the offset GMT-5 that en-GB's short zone names write).
  await expect(sentence).toContainText(/Eastern (Standard|Daylight) Time/);
  await expect(sentence).not.toContainText(/GMT|UTC/);
  within(times[1], -1 * DAY, seededFrom(), (await portalNow(page)) * 1000); // changed the day before the seed...
  expect(times[0] - times[1]).toBe(3 * DAY); // ...so paused until 3 days from then
  await page.screenshot({ path: 'test-results/state-waiting.png', fullPage: true });
});

test('setup window expired: a new waiting period runs, with both dates', async ({ page }) => {
  await demo(page, 'quinn');
  const { sentence, state, times } = await twoStepState(page);
  expect(state).toBe('window-expired');
  await expect(sentence).toContainText('The 30 days to complete setup ended on');
  await expect(sentence).toContainText('so a new waiting period started');
  // Whether or not the holder ever chose Get Started, the page reads right: nobody changed anything.
  await expect(page.getByText('whether or not setup was started. Nothing on your account changed.')).toBeVisible();
  await expect(page.getByText('If you did not start setting up')).toHaveCount(0);
  // Password changed 40 days before the seed: the wait ended 37 days before it, the 30 days 7.
  within(times[0], -7 * DAY, seededFrom(), (await portalNow(page)) * 1000);
  // The new wait started when the portal first saw the window closed (this run, maybe an earlier spec).
  within(times[1], 3 * DAY, seededFrom(), (await portalNow(page)) * 1000);
  await page.screenshot({ path: 'test-results/state-window-expired.png', fullPage: true });
});

test('already on: since when, with Manage, and no security questions asked', async ({ page }) => {
  await signInWithCode(page, 'olivia@two-step.test', DEMO_PASSWORD, DEMO_TRUSTED_PHONE);
  await page.goto('/account/security');
  const { sentence, state, times } = await twoStepState(page);
  expect(state).toBe('on');
  await expect(sentence).toContainText('Two-step verification is on since');
  within(times[0], -100 * DAY, seededFrom(), (await portalNow(page)) * 1000);
  await expect(page.getByRole('link', { name: 'Manage', exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/state-on.png', fullPage: true });
});

test('a password change starts the waiting period, says so, and emails every address on file once', async ({ page }) => {
  const appleId = newAppleId('changer');
  const rescue = newAppleId('rescue');
  await createAccount(page, appleId, { rescueEmail: rescue });
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  expect((await twoStepState(page)).state).toBe('available');

  const changedFrom = (await portalNow(page)) * 1000;
  await page.locator('summary', { hasText: 'Change password' }).click();
  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase 7');
  await page.getByLabel('Confirm new password').fill('a brand new passphrase 7');
  await page.getByRole('button', { name: 'Change Password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password was changed.' })).toBeVisible();
  await page.reload();
  const { sentence, state, times } = await twoStepState(page);
  expect(state).toBe('waiting');
  await expect(sentence).toContainText('because your password was changed');
  within(times[0], 3 * DAY, changedFrom, (await portalNow(page)) * 1000);

  for (const address of [appleId, rescue]) {
    const text = await newestMailText(
      page,
      address,
      // The browser signed in from New York (test.use above): the email writes its day there, named.
      `Two-step verification setup is paused until ${emailDay(times[0], 'America/New_York')}`,
    );
    expect(text).toContain('contact support');
    expect(text).not.toContain('a brand new passphrase 7');
  }
  await page.goto('/dev/mail');
  await expect(
    page
      .getByTestId('mail')
      .filter({ hasText: `To ${appleId}` })
      .filter({ hasText: 'paused until' }),
  ).toHaveCount(1);
});

test('a bad change is refused next to the field and changes nothing', async ({ page }) => {
  const appleId = newAppleId('badchange');
  await createAccount(page, appleId);
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await page.locator('summary', { hasText: 'Add a rescue email' }).click();
  await page.getByLabel('New rescue email').fill(appleId.toUpperCase());
  await page.getByRole('button', { name: 'Save Rescue Email' }).click();
  await expect(page.locator('#rescueEmail-error')).toHaveText('Your rescue email must be different from your Apple ID.');
  await page.reload();
  expect((await twoStepState(page)).state).toBe('available');
});

test('adding a country with the operator command makes Get Started appear, without a restart', async ({ page }) => {
  const appleId = newAppleId('bhutan');
  await createAccount(page, appleId, { countryCode: 'BT' });
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await expect((await twoStepState(page)).sentence).toContainText('not yet offered in Bhutan');

  const countries = (...args: string[]) => operator('scripts/countries.ts', ...args);
  // Ten days after the portal's now (earlier specs moved its clock), so still in its future.
  const future = new Date((await portalNow(page)) * 1000 + 10 * DAY).toISOString().slice(0, 10);
  expect(countries('add', 'BT', '--from', future)).toContain(`Bhutan (BT): two-step verification available from ${future}`);
  await page.reload();
  const scheduled = await twoStepState(page);
  await expect(scheduled.sentence).toContainText('It becomes available there on');
  expect(new Date(scheduled.times[0]).toISOString().slice(0, 10)).toBe(future);

  countries('add', 'BT');
  await page.reload();
  expect((await twoStepState(page)).state).toBe('available');
  await expect(page.getByRole('button', { name: 'Get Started' })).toBeVisible();
});
