import type { Page } from '@playwright/test';
import { expect, test } from './csp-guard.ts';
import { axe } from './axe.ts';
import { readIn } from './language-checks.ts';
import { accountWithTwoStepOnInDatabase, answerSecurityQuestions, DEMO_ANSWERS, PASSWORD, signOut } from './helpers.ts';
import { LOCALES } from '../src/i18n/locales.ts';
import { DEMO_PASSWORD } from '../dev/seed/demo-accounts.ts';

// axe-core in every language the portal offers (e2e/accessibility.spec.ts checks every page in
// English): a translation can break what English got right (a label that no longer names its
// field, an empty button, the page's language). The key pages: sign-in, Password and Security and
// the code step, in the language the browser asks for (Playwright's `locale`: Accept-Language).
// Steps that need the English helpers' labels are taken in English (readIn(page, 'en')); every
// page checked is in the language of the test.

test.use({ timezoneId: 'America/New_York' });
// axe takes a few seconds a page on a busy machine.
test.describe.configure({ timeout: 300_000 });

/** The submit button of the form holding the field `name`, found without its words (which are the language's). */
const submitOf = (page: Page, field: string) => page.locator(`form:has([name="${field}"]) button[type="submit"]`).first();

async function press(page: Page, field: string) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), submitOf(page, field).click()]);
}

for (const locale of LOCALES) {
  test.describe(locale, () => {
    test.use({ locale });

    test(`sign-in, Password and Security and the code step in ${locale}`, async ({ page }) => {
      await page.goto('/sign-in');
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await axe(page, `sign in (${locale})`);
      await page.locator('#appleId').fill('nobody@example.com');
      await page.locator('#password').fill('not a password');
      await press(page, 'password');
      await expect(page.locator('p.form-error, [data-testid="error-summary"]').first()).toBeVisible();
      await axe(page, `sign in, wrong password (${locale})`);

      // Password and Security with two-step off (a demo account, only read): its questions, then the page.
      await page.locator('#appleId').fill('avery@two-step.test');
      await page.locator('#password').fill(DEMO_PASSWORD);
      await submitOf(page, 'password').click();
      await expect(page).toHaveURL(/\/account$/);
      await page.goto('/account/security');
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await axe(page, `Password and Security: security questions gate (${locale})`);
      await readIn(page, 'en');
      await page.reload();
      await answerSecurityQuestions(page, DEMO_ANSWERS);
      await readIn(page, null);
      await page.reload();
      await axe(page, `Password and Security: available (${locale})`);
      await readIn(page, 'en');
      await signOut(page);

      // An account with two-step on, made in English, its page then read in the test's language.
      const { appleId } = await accountWithTwoStepOnInDatabase(page, `axe-${locale}`);
      await readIn(page, null);
      await page.goto('/account/security');
      await axe(page, `Password and Security: on (${locale})`);

      // The code step at sign-in: choosing a device, a code sent, a wrong code.
      await readIn(page, 'en');
      await signOut(page);
      await readIn(page, null);
      await page.goto('/sign-in');
      await page.locator('#appleId').fill(appleId);
      await page.locator('#password').fill(PASSWORD);
      await submitOf(page, 'password').click();
      await expect(page.locator('[name="trustedDeviceId"]').first()).toBeVisible();
      await axe(page, `sign-in: choose a trusted device (${locale})`);
      await press(page, 'trustedDeviceId');
      await expect(page.locator('#code')).toBeVisible();
      await axe(page, `sign-in: code sent (${locale})`);
      await page.locator('#code').fill('0000');
      await press(page, 'code');
      await expect(page.getByTestId('error-summary').or(page.locator('p.form-error')).first()).toBeVisible();
      await axe(page, `sign-in: wrong code (${locale})`);
    });
  });
}
