// The waiting rules (docs/rules.md#the-30-days-after-a-wait) in Chromium, with the dev clock: the
// 30 days after a wait run out whether or not Get Started was chosen; a change inside a wait
// extends it (the page names the latest change, the new date is emailed to every address on file,
// the new rescue address included); the emails of the end of the wait and 5 days before the window
// closes; "Email me when two-step verification is offered in COUNTRY" and the operator's calendar
// date read in Los Angeles.
//
// The dev clock only moves forward and is the whole server's: this file moves it by months, so its
// name sorts after the other specs.
import { expect, test } from './csp-guard.ts';
import { type Page } from '@playwright/test';
import {
  advanceClock,
  answerSecurityQuestions,
  PASSWORD,
  changePassword,
  createAccount,
  emailDay,
  newAppleId,
  newestMailText,
  operator,
  requestResetLink,
  signIn,
} from './helpers.ts';

const DAY_S = 24 * 3600;

// A reader in Los Angeles: an operator's calendar date must not show as the day before.
test.use({ timezoneId: 'America/Los_Angeles' });
// Each test signs in again after moving the clock and reads the mail inbox several times.
test.describe.configure({ timeout: 180_000 });

/** Moves the server's clock by whole seconds (the dev route takes at most 30 days a call). */
async function advance(page: Page, seconds: number) {
  while (seconds > 0) {
    const step = Math.min(seconds, 30 * DAY_S);
    await advanceClock(page, step);
    seconds -= step;
  }
}

/** Signs in again if the session ran out meanwhile, then opens Password and Security past its questions. */
/** page.goto that tolerates a navigation the page itself starts meanwhile (a redirect to sign-in). */
async function visit(page: Page, path: string) {
  try {
    await page.goto(path);
  } catch (e) {
    if (!String(e).includes('ERR_ABORTED')) throw e;
    await page.waitForLoadState();
  }
}

async function openSecurity(page: Page, appleId: string, password = PASSWORD) {
  await visit(page, '/account/security');
  await page.waitForLoadState('networkidle');
  if (page.url().includes('/sign-in')) {
    await signIn(page, appleId, password);
    await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
    await page.goto('/account/security');
  }
  if (await page.getByRole('button', { name: 'Continue' }).isVisible()) await answerSecurityQuestions(page);
  await expect(page.getByRole('heading', { name: 'Two-Step Verification' })).toBeVisible();
}

const sentence = (page: Page) => page.locator('section.feature .state-sentence');

/** How many emails to `address` with a subject containing `subject` the dev inbox holds. */
/**
 * Waits until the outbox has passed every email queued for `appleId` so far: it asks for a
 * password-reset email (in a browser of its own, signed out) and waits for it in the inbox. The
 * outbox sends in order of due time, so a duplicate queued earlier would have gone out before it.
 */
async function outboxPassed(page: Page, appleId: string) {
  const signedOut = await page.context().browser()!.newPage();
  try {
    await requestResetLink(signedOut, appleId);
  } finally {
    await signedOut.close();
  }
}

async function mailCount(page: Page, address: string, subject: string | RegExp) {
  await visit(page, '/dev/mail');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return page
    .getByTestId('mail')
    .filter({ hasText: `To ${address}` })
    .filter({ hasText: subject })
    .count();
}

test("email me when two-step verification is offered in my country; the operator's date reads as that day in Los Angeles", async ({
  page,
}) => {
  // Contact support, signed out: the address to write to.
  await page.goto('/contact-support');
  await expect(page.getByRole('heading', { name: 'Contact Apple Support', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'support@two-step.localhost' })).toHaveAttribute('href', 'mailto:support@two-step.localhost');

  const appleId = newAppleId('mongolia');
  await createAccount(page, appleId, { countryCode: 'MN' });
  await openSecurity(page, appleId);
  await expect(sentence(page)).toContainText('not yet offered in Mongolia');
  await page.getByRole('button', { name: 'Email me when two-step verification is offered in Mongolia' }).click();
  await expect(page.getByTestId('country-offer-requested')).toContainText(
    `We will email ${appleId} when two-step verification is offered in Mongolia`,
  );

  // A date: shown as 1 March 2027 to a reader in Los Angeles (00:00 UTC is 28 February there).
  // Ours, and any other spec's on this portal that asked for Mongolia too (the count is the operator's to read).
  expect(operator('scripts/countries.ts', 'add', 'MN', '--from', '2027-03-01')).toMatch(
    /\b(1 holder|[2-9] holders|\d{2,} holders) asked to be emailed/,
  );
  await page.reload();
  await expect(sentence(page)).toContainText(/It becomes available there on (March 1, 2027|1 March 2027)\./);
  await expect(sentence(page)).not.toContainText('February');

  // Removed again: the email queued for that date is cancelled...
  operator('scripts/countries.ts', 'remove', 'MN');
  // ...and added with no date: the email goes at once, once.
  operator('scripts/countries.ts', 'add', 'MN');
  const text = await newestMailText(page, appleId, 'Two-step verification is now offered in Mongolia');
  expect(text).toContain('/account/security');
  await outboxPassed(page, appleId);
  expect(await mailCount(page, appleId, 'now offered in Mongolia')).toBe(1);
});

test('a change inside a running wait extends it: the page names the latest change, the new date goes to every address on file', async ({
  page,
}) => {
  const appleId = newAppleId('extend');
  const rescue = newAppleId('extend-rescue');
  const newRescue = newAppleId('extend-newrescue');
  await createAccount(page, appleId, { rescueEmail: rescue });
  await openSecurity(page, appleId);
  await changePassword(page, PASSWORD, 'a brand new passphrase 8');
  await page.reload();
  await expect(sentence(page)).toHaveAttribute('data-state', 'waiting');
  const firstEnd = await sentence(page).locator('time').first().getAttribute('datetime');

  await advance(page, DAY_S);
  await openSecurity(page, appleId, 'a brand new passphrase 8');
  await page.locator('summary', { hasText: 'Change rescue email' }).click();
  await page.getByLabel('New rescue email').fill(newRescue);
  await page.getByRole('button', { name: 'Save Rescue Email' }).click();
  // The change is saved once the page says so: reloading sooner could cancel the request.
  await expect(page.getByRole('status').filter({ hasText: `Your rescue email is now ${newRescue}.` })).toBeVisible();
  await page.reload();
  await expect(sentence(page)).toContainText('because your rescue email was changed on');
  const newEnd = (await sentence(page).locator('time').first().getAttribute('datetime'))!;
  // Moved by exactly the day the clock was moved (and the moments spent between the two changes).
  expect(new Date(newEnd).getTime() - new Date(firstEnd!).getTime()).toBeGreaterThanOrEqual(DAY_S * 1000);
  await expect(page.getByRole('link', { name: 'contact support' })).toHaveAttribute('href', '/contact-support');

  // Signed in from Los Angeles: the emails write their dates there, named.
  const subject = `Two-step verification setup is paused until ${emailDay(newEnd, 'America/Los_Angeles')}`;
  for (const address of [appleId, newRescue]) {
    const text = await newestMailText(page, address, subject);
    expect(text).toContain('your rescue email was changed');
    expect(text).toContain('now ends later than our earlier email said');
  }

  // The first end passes: still waiting. The new end: available, with the "turn it on now" email.
  await advance(page, 2 * DAY_S + 60);
  await openSecurity(page, appleId, 'a brand new passphrase 8');
  await expect(sentence(page)).toHaveAttribute('data-state', 'waiting');
  await advance(page, DAY_S);
  await openSecurity(page, appleId, 'a brand new passphrase 8');
  await expect(sentence(page)).toHaveAttribute('data-state', 'available');
  await expect(sentence(page)).toContainText('Complete setup by');
  for (const address of [appleId, newRescue]) {
    expect(await newestMailText(page, address, 'You can turn on two-step verification now')).toContain('Complete setup by');
    expect(await mailCount(page, address, 'You can turn on two-step verification now')).toBe(1);
  }

  // The contact page gives the signed-in holder the support PIN page.
  await page.goto('/contact-support');
  await expect(page.getByRole('link', { name: 'Apple Support PIN' })).toHaveAttribute('href', '/account/security/support-pin');
});

test('password changed, wait over, Get Started never chosen: a reminder 5 days before, and 31 days later a new waiting period with its date and email', async ({
  page,
}) => {
  const appleId = newAppleId('idle');
  const rescue = newAppleId('idle-rescue');
  await createAccount(page, appleId, { rescueEmail: rescue });
  await openSecurity(page, appleId);
  await changePassword(page, PASSWORD, 'a brand new passphrase 9');

  await advance(page, 3 * DAY_S + 60);
  await openSecurity(page, appleId, 'a brand new passphrase 9');
  await expect(sentence(page)).toHaveAttribute('data-state', 'available');
  const completeBy = (await sentence(page).locator('time').first().getAttribute('datetime'))!;
  for (const address of [appleId, rescue]) {
    expect(await newestMailText(page, address, 'You can turn on two-step verification now')).toContain('Complete setup by');
  }

  await advance(page, 25 * DAY_S);
  const reminder = `5 days left to turn on two-step verification, until ${emailDay(completeBy, 'America/Los_Angeles')}`;
  for (const address of [appleId, rescue])
    expect(await newestMailText(page, address, reminder)).toContain('a new 3-day waiting period starts');

  await advance(page, 6 * DAY_S); // 31 days after the wait ended
  await openSecurity(page, appleId, 'a brand new passphrase 9');
  await expect(sentence(page)).toHaveAttribute('data-state', 'window-expired');
  await expect(sentence(page)).toContainText('The 30 days to complete setup ended on');
  const newEnd = (await sentence(page).locator('time').nth(1).getAttribute('datetime'))!;
  const subject = `Two-step verification setup is paused until ${emailDay(newEnd, 'America/Los_Angeles')}`;
  for (const address of [appleId, rescue])
    expect(await newestMailText(page, address, subject)).toContain('the 30 days to complete setup ran out');
  await page.reload();
  await outboxPassed(page, appleId);
  expect(await mailCount(page, appleId, 'the 30 days to complete setup ran out')).toBe(1);
  expect(await mailCount(page, appleId, '5 days left')).toBe(1);
});
