// The holder's language, chosen on the account page: Password and Security and the waiting-period
// email follow it, the email's dates written in that language and in the holder's zone. Every
// sentence checked is the catalogue's own (messages/<locale>/*.json), its facts filled in, so a
// translation can change without this spec changing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { expect, test } from './csp-guard.ts';
import { type Page } from '@playwright/test';
import { createAccount, newAppleId, PASSWORD, submit } from './helpers.ts';

type Catalogue = { [key: string]: string | Catalogue };

/** One sentence of a language's catalogue: "security.heading" in messages/de/security.json. */
function sentence(locale: string, key: string): string {
  const [namespace, ...path] = key.split('.');
  let node: string | Catalogue = JSON.parse(readFileSync(join('messages', locale, `${namespace}.json`), 'utf8')) as Catalogue;
  for (const part of path) node = (node as Catalogue)[part]!;
  expect(typeof node, `${locale} ${key}`).toBe('string');
  return node as string;
}

const DATE = '\u0000date\u0000';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A sentence as a pattern: its facts filled in, each moment (a date fact or a `<tag></tag>`) any
 * date written the way `date` matches, captured.
 */
function said(locale: string, key: string, facts: Record<string, string | number>, dates: string[], date: RegExp): RegExp {
  const values: Record<string, unknown> = { ...facts };
  for (const name of dates) values[name] = () => DATE;
  for (const name of dates) if (!sentence(locale, key).includes(`<${name}>`)) values[name] = DATE;
  const text = String(new IntlMessageFormat(sentence(locale, key), locale).format(values));
  return new RegExp(escape(text).split(escape(DATE)).join(`(${date.source})`), 'u');
}

/** Answers to the questions createAccount chose, by their text in `locale`. */
function answers(locale: string): Record<string, string> {
  return {
    [sentence(locale, 'clientSecurity.questions.firstPet')]: 'indigo',
    [sentence(locale, 'clientSecurity.questions.parentsMetCity')]: 'lisbon',
    [sentence(locale, 'clientSecurity.questions.bestFriendHighSchool')]: 'biscuit',
  };
}

/** On the account page (in whatever language it is now): chooses `locale` for pages and emails. */
async function chooseLanguage(page: Page, from: string, locale: string) {
  await page.goto('/account');
  await page.locator('summary', { hasText: sentence(from, 'account.languageChange') }).click();
  await page.getByRole('combobox', { name: sentence(from, 'account.languageLabel'), exact: true }).selectOption(locale);
  await submit(page, sentence(from, 'account.languageSave'));
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** Password and Security in `locale`, past its two questions. */
async function openSecurity(page: Page, locale: string) {
  await page.goto('/account/security');
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sentence(locale, 'security.heading'));
  // The two questions come once a session (and again after a significant change signs other browsers out).
  const gate = page.getByRole('button', { name: sentence(locale, 'clientSecurity.gate.continue') });
  const twoStep = page.getByRole('heading', { name: sentence(locale, 'security.twoStep.heading') });
  await expect(gate.or(twoStep)).toBeVisible();
  if (await gate.isVisible()) {
    const byQuestion = answers(locale);
    for (const label of await page.locator('form label').allTextContents())
      await page.getByLabel(label, { exact: true }).fill(byQuestion[label]!);
    await gate.click();
  }
  await expect(twoStep).toBeVisible();
}

async function changePasswordIn(page: Page, locale: string, from: string, to: string) {
  await page.locator('summary', { hasText: sentence(locale, 'security.password.change') }).click();
  await page.getByLabel(sentence(locale, 'clientSecurity.forms.currentPassword'), { exact: true }).fill(from);
  await page.getByLabel(sentence(locale, 'clientSecurity.forms.newPassword'), { exact: true }).fill(to);
  await page.getByLabel(sentence(locale, 'clientSecurity.fields.confirmNewPassword'), { exact: true }).fill(to);
  await submit(page, sentence(locale, 'clientSecurity.forms.changePassword'));
}

/** Password and Security at 390 px, its sections open: the page is no wider than the screen; a screenshot to look at. */
async function lookAtNarrow(page: Page, locale: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/account/security');
  for (const summary of await page.locator('summary').all()) await summary.click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `test-results/languages-security-${locale}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** The newest email to `address` whose subject matches, as its subject and text (waits for the outbox worker). */
async function newestMail(page: Page, address: string, subject: RegExp): Promise<{ subject: string; text: string }> {
  const mail = () =>
    page
      .getByTestId('mail')
      .filter({ hasText: `To ${address}` })
      .filter({ has: page.getByRole('heading', { name: subject }) })
      .first();
  await expect(async () => {
    await page.goto('/dev/mail');
    await expect(mail()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  return {
    subject: (await mail().getByRole('heading').first().textContent()) ?? '',
    text: (await mail().locator('pre').textContent()) ?? '',
  };
}

test.describe('a French holder in Paris', () => {
  test.use({ timezoneId: 'Europe/Paris' });

  test('gets the waiting-period email in French, its dates in French and in Paris time', async ({ page }) => {
    const appleId = newAppleId('lang-fr');
    await createAccount(page, appleId); // signing in stores the browser's zone, Paris
    await chooseLanguage(page, 'en', 'fr');
    await openSecurity(page, 'fr');
    await changePasswordIn(page, 'fr', PASSWORD, 'une toute nouvelle phrase 7');

    // "lundi 23 novembre 2026 à 11:00 heure normale d’Europe centrale" (or summer time).
    const dateTime = /\w+ \d{1,2} \p{L}+ \d{4} à \d{1,2}:\d{2} heure (normale|d’été) d’Europe centrale/u;
    const day = /\d{1,2} \p{L}+ \d{4} \(heure (normale|d’été) d’Europe centrale\)/u;
    const mail = await newestMail(page, appleId, said('fr', 'emailsEligibility.started.subject', {}, ['endsAt'], day));
    const until = said('fr', 'eligibility.email.waiting', {}, ['endsAt'], dateTime).exec(mail.text);
    expect(until, mail.text).not.toBeNull();
    expect(mail.subject).toContain(until![1]!.replace(/^\p{L}+ /u, '').replace(/ à .*$/, ''));
    expect(mail.text).toMatch(said('fr', 'changes.happenedOn', { change: 'passwordChanged', appleId }, ['at'], dateTime));
    expect(mail.text).toContain(sentence('fr', 'emailsEligibility.started.stopThem'));
    expect(mail.text).not.toMatch(/Dear|two-step verification|waiting period|UTC|GMT/);
  });
});

test.describe('a holder in Tokyo who switches languages', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('switching the language on the account page changes the pages and the next email', async ({ page }) => {
    const appleId = newAppleId('lang-switch');
    await createAccount(page, appleId);
    await chooseLanguage(page, 'en', 'de');
    await openSecurity(page, 'de');
    await expect(page).toHaveTitle(new RegExp(`^${escape(sentence('de', 'security.title'))}`));
    await changePasswordIn(page, 'de', PASSWORD, 'eine ganz neue Passphrase 8');

    // "Donnerstag, 26. November 2026 um 19:00 Japanische Normalzeit".
    const dateTime = /\p{L}+, \d{1,2}\. \p{L}+ \d{4} um \d{1,2}:\d{2} Japanische Normalzeit/u;
    const day = /\d{1,2}\. \p{L}+ \d{4} \(Japanische Normalzeit\)/u;
    const german = await newestMail(page, appleId, said('de', 'emailsEligibility.started.subject', {}, ['endsAt'], day));
    expect(german.text).toMatch(said('de', 'changes.happenedOn', { change: 'passwordChanged', appleId }, ['at'], dateTime));
    expect(german.text).toMatch(said('de', 'eligibility.email.waiting', {}, ['endsAt'], dateTime));

    // German and Japanese on a phone: nothing wider than the screen (looked at in the screenshots).
    await lookAtNarrow(page, 'de');
    await chooseLanguage(page, 'de', 'ja');
    await openSecurity(page, 'ja');
    await lookAtNarrow(page, 'ja');

    // Back to English: the page and the next email (the waiting period extended) follow at once.
    await chooseLanguage(page, 'ja', 'en');
    await openSecurity(page, 'en');
    await changePasswordIn(page, 'en', 'eine ganz neue Passphrase 8', 'a brand new passphrase 9');
    const english = await newestMail(page, appleId, /^Two-step verification setup is paused until /);
    expect(english.text).toContain(sentence('en', 'emailsEligibility.started.extended'));
    expect(english.text).toMatch(/until \w+day, \w+ \d{1,2}, \d{4} at \d{1,2}:\d{2} (AM|PM) Japan Standard Time\./);
  });
});
