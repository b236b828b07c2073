// Refusals in the reader's language: the domain answers in English with what its sentence says
// (src/result.ts), and the action hands the page the sentence of the catalogue in the request's
// language (app/i18n/said.ts). A browser that asks for German gets the German sentence, read here
// from messages/de/*.json, for a refusal above the form and for a message next to a field.
import type { Page } from '@playwright/test';
import { expect, test } from './csp-guard.ts';
import { formError, newAppleId } from './helpers.ts';
import { translator } from '../src/i18n/translate.ts';
import type { Locale } from '../src/i18n/locales.ts';

/** The sentence `key` of `locale`'s catalogue, as the portal says it. */
const sentence = (locale: Locale, key: string) => translator({ locale, timeZone: null })(key);

/** The sign-in form, found by its fields rather than its words (which are in the reader's language). */
async function signInWith(page: Page, appleId: string, password: string) {
  await page.goto('/sign-in');
  const form = page.locator('form').filter({ has: page.locator('input[name="appleId"]') });
  await form.locator('input[name="appleId"]').fill(appleId);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
}

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('a wrong password on Sign In says so in German, and so does the message next to an empty field', async ({ page }) => {
    await signInWith(page, newAppleId('de-wrong'), 'not the password 1');
    const german = sentence('de', 'errors.signIn.WRONG_CREDENTIALS');
    expect(german).not.toBe(sentence('en', 'errors.signIn.WRONG_CREDENTIALS'));
    await expect(formError(page)).toHaveText(german);

    await signInWith(page, newAppleId('de-empty'), '');
    await expect(page.locator('#password-error')).toHaveText(sentence('de', 'fields.signInPassword'));
  });
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('a wrong password on Sign In says so in Japanese', async ({ page }) => {
    await signInWith(page, newAppleId('ja-wrong'), 'not the password 1');
    await expect(formError(page)).toHaveText(sentence('ja', 'errors.signIn.WRONG_CREDENTIALS'));
  });
});

test('a browser that asks for English gets the English sentence', async ({ page }) => {
  await signInWith(page, newAppleId('en-wrong'), 'not the password 1');
  await expect(formError(page)).toHaveText('Your Apple ID or password was incorrect.');
});
