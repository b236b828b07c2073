import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './csp-guard.ts';
import type { Page } from '@playwright/test';
import { answerSecurityQuestions, createAccount, newAppleId, newPhone, newestSmsCode, submit } from './helpers.ts';

// Setup, Trusted Devices and the Recovery Key in German and in Japanese, on a phone's width: the
// headings and buttons are the catalogue's (read from messages/, not copied here), <html lang> says
// the language, nothing is wider than the screen, and screenshots of each page are kept in
// test-results/ to be looked at for clipped text.
const WIDTH = 390;
test.use({ viewport: { width: WIDTH, height: 844 }, timezoneId: 'Europe/Berlin' });

type Catalogue = Record<string, unknown>;
const catalogue = (locale: string, namespace: string): Catalogue =>
  JSON.parse(readFileSync(join(process.cwd(), 'messages', locale, `${namespace}.json`), 'utf8')) as Catalogue;
/** A sentence of a catalogue by its dotted key, with its plain {arguments} filled in. */
function say(messages: Catalogue, key: string, args: Record<string, string | number> = {}): string {
  const sentence = key.split('.').reduce<unknown>((m, k) => (m as Catalogue)[k], messages);
  return String(sentence).replace(/\{(\w+)\}/g, (_all, name: string) => String(args[name]));
}

/** The page fits the screen: no element reaches past its right edge (named by its tag, class and text, to be found). */
async function expectNoOverflow(page: Page) {
  const past = await page.evaluate((width) => {
    const beyond = [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > width + 0.5);
    // Only the innermost: its ancestors are past the edge because of it.
    return beyond
      .filter((e) => !beyond.some((other) => other !== e && e.contains(other)))
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent ?? '').slice(0, 60)}"`);
  }, WIDTH);
  expect(past).toEqual([]);
}

for (const locale of ['de', 'ja']) {
  test(`setting up two-step in ${locale}: the code page, Trusted Devices and the Recovery Key`, async ({ page }) => {
    const setup = catalogue(locale, 'setup');
    const devices = catalogue(locale, 'devices');
    const clientDevices = catalogue(locale, 'clientDevices');
    const recoveryKey = catalogue(locale, 'clientRecoveryKey');
    const phone = newPhone();

    // Get Started in English, then the account's language.
    await createAccount(page, newAppleId(`languages-${locale}`));
    await page.goto('/account/security');
    await answerSecurityQuestions(page);
    await page.getByRole('button', { name: 'Get Started' }).click();
    await expect(page.getByRole('heading', { name: 'Set Up Two-Step Verification' })).toBeVisible();
    await page.goto('/account');
    await page.locator('summary', { hasText: 'Change language' }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    await submit(page, 'Save Language');
    await expect(page.locator('html')).toHaveAttribute('lang', locale);

    // The setup's first step, in the language.
    await page.goto('/account/security/setup');
    await expect(page.getByRole('heading', { level: 1, name: say(setup, 'overview.heading') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expectNoOverflow(page);
    await page.screenshot({ path: `test-results/languages-setup-${locale}-1-setup.png`, fullPage: true });

    // Trusted Devices: a phone number, sent a code; the code is the next page's only question.
    await page.getByRole('link', { name: say(setup, 'overview.addDevices') }).click();
    await expect(page.getByRole('heading', { level: 1, name: say(devices, 'heading') })).toBeVisible();
    await expectNoOverflow(page);
    await page.screenshot({ path: `test-results/languages-setup-${locale}-2-devices.png`, fullPage: true });
    await page.getByLabel(say(clientDevices, 'kinds.sms.number'), { exact: true }).fill(phone.typed);
    await submit(page, say(clientDevices, 'kinds.sms.send'));
    await expect(page.getByRole('heading', { level: 1, name: say(devices, 'codeView.heading') })).toBeVisible();
    await expect(page.getByTestId('code-sent')).toContainText(phone.masked);
    await expectNoOverflow(page);
    await page.screenshot({ path: `test-results/languages-setup-${locale}-3-code.png`, fullPage: true });

    // The right code: the device is trusted, and the page leads on to the Recovery Key.
    const inbox = await page.context().newPage();
    const code = await newestSmsCode(inbox, phone.e164);
    await inbox.close();
    await page.locator('#code').fill(code);
    await page.getByRole('button', { name: say(clientDevices, 'code.verify'), exact: true }).click();
    const next = say(devices, 'setupNextPhoneSetUp', { step: say(setup, 'steps.recoveryKey.inSentence') });
    await expect(page.getByTestId('setup-continue')).toContainText(next);
    await expectNoOverflow(page);
    await page.screenshot({ path: `test-results/languages-setup-${locale}-4-trusted.png`, fullPage: true });

    // The Recovery Key, shown once, with the print sheet's words in the language.
    await page
      .getByTestId('setup-continue')
      .getByRole('link', { name: say(clientDevices, 'continue'), exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: say(setup, 'recoveryKey.heading') })).toBeVisible();
    await submit(page, say(recoveryKey, 'get.button'));
    await expect(page.getByRole('heading', { name: say(recoveryKey, 'print.heading') })).toBeVisible();
    await expect(page.getByTestId('recovery-sheet')).toContainText(say(recoveryKey, 'sheet.whereToKeep'));
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expectNoOverflow(page);
    await page.screenshot({ path: `test-results/languages-setup-${locale}-5-recovery-key.png`, fullPage: true });

    // Learn more: the help page's questions, the kinds' among them, in the language.
    const help = catalogue(locale, 'helpTwoStep');
    await page.goto('/help/two-step');
    await expect(page.getByRole('heading', { level: 1, name: say(help, 'heading') })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: say(catalogue(locale, 'kinds'), 'passkey.help.question') })).toBeVisible();
    await expectNoOverflow(page);
    await page.screenshot({ path: `test-results/languages-setup-${locale}-6-help.png`, fullPage: true });
  });
}
