// The holder's time zone in Chromium: the browser's zone is stored when it signs in, and the next
// email writes its time there, with the zone's name, the same instant and the same words as the
// page; Password and Security names the zone and lets the holder choose another; a zone the
// portal does not know is refused at the field, with the error summary, and nothing changes.
import { expect, test } from './csp-guard.ts';
import { type Page } from '@playwright/test';
import { answerSecurityQuestions, PASSWORD, changePassword, createAccount, newAppleId, newestMailText, submit } from './helpers.ts';

// India has one zone and no daylight saving: its name is the same whatever day the clock says.
test.use({ timezoneId: 'Asia/Kolkata' });
// The runtime's time zone data still spells Kolkata by its old name, Calcutta (ICU's canonical id).
const KOLKATA = /^Asia\/(Kolkata|Calcutta)$/;
const KOLKATA_NAMED = /^Emails give dates and times in Asia\/(Kolkata|Calcutta) \(India Standard Time\)\.$/;

test('a browser in Kolkata signs in: its zone is stored and the next email gives the time there, named, as the page does', async ({
  page,
}) => {
  const appleId = newAppleId('zone-kolkata');
  await createAccount(page, appleId); // signs in through the sign-in form
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await expect(page.getByTestId('time-zone')).toHaveText(KOLKATA_NAMED);

  await changePassword(page, PASSWORD, 'a brand new passphrase 5');
  const text = await newestMailText(page, appleId, 'Your password was changed');
  const when = /^On (.+), your password was changed/m.exec(text)?.[1] ?? '';
  expect(when).toMatch(/^\w+day, \w+ \d{1,2}, \d{4} at \d{1,2}:\d{2} (AM|PM) India Standard Time$/);
  expect(text).not.toMatch(/UTC|GMT/);

  // The page writes the same instant in the same words: Recent Security Activity's row of the change.
  await page.goto('/account/security');
  const row = page.getByTestId('security-activity').getByRole('row').filter({ hasText: 'Password changed' }).first();
  await expect(row.locator('time')).toHaveText(when);
  await page.screenshot({ path: 'test-results/time-zone-kolkata.png', fullPage: true });
});

test('the holder chooses a zone on Password and Security; the next email gives its times there', async ({ page }) => {
  const appleId = newAppleId('zone-choose');
  await createAccount(page, appleId);
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await page.locator('summary', { hasText: 'Change time zone' }).click();
  const select = page.getByLabel('Time zone', { exact: true });
  await expect(select).toHaveValue(KOLKATA); // the browser's, stored at sign-in
  await select.selectOption('Europe/Paris');
  await submit(page, 'Save Time Zone');
  const notice = page
    .getByRole('status')
    .filter({ hasText: /^Your emails now give times in Europe\/Paris \(Central European (Standard )?Time\)\.$/ });
  await expect(notice).toBeFocused();
  await page.reload();
  await expect(page.getByTestId('time-zone')).toHaveText(
    /^Emails give dates and times in Europe\/Paris \(Central European (Standard )?Time\)\.$/,
  );
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator('summary', { hasText: 'Change time zone' }).click();
    await page.getByRole('heading', { name: 'Time Zone' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/time-zone-form-${width}.png` });
    await page.locator('summary', { hasText: 'Change time zone' }).click();
  }

  await changePassword(page, PASSWORD, 'a brand new passphrase 6');
  const text = await newestMailText(page, appleId, 'Your password was changed');
  expect(text).toMatch(/^On .+ at \d{1,2}:\d{2} (AM|PM) Central European (Standard|Summer) Time, your password was changed/m);
});

test('a zone the portal does not know is refused at the field, with the error summary, and nothing is stored', async ({ page }) => {
  const appleId = newAppleId('zone-unknown');
  await createAccount(page, appleId);
  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  await page.locator('summary', { hasText: 'Change time zone' }).click();
  // Only a tampered form can send one: the list holds known zones only.
  await page.getByLabel('Time zone', { exact: true }).evaluate((select: HTMLSelectElement) => {
    select.options[select.selectedIndex]!.value = 'Mars/Olympus_Mons';
  });
  await submit(page, 'Save Time Zone');
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(summary.getByRole('link', { name: 'Choose a time zone from the list.' })).toHaveAttribute('href', '#timeZone');
  await expect(page.locator('#timeZone-error')).toHaveText('Choose a time zone from the list.');
  await page.reload();
  await expect(page.getByTestId('time-zone')).toHaveText(KOLKATA_NAMED);
});
