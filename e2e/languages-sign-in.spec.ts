// Signing in in the browser's language: a Japanese browser (Accept-Language) gets the sign-in page
// and the code step in Japanese, <html lang="ja">; the footer's "Français" switches to French and
// the choice holds on the next pages; a wrong code is refused with the error summary and the
// title's prefix in the page's language. axe finds nothing on either page in either language.
// The sentences expected are read from the catalogues (messages/), not copied here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './csp-guard.ts';
import { accountWithTwoStepOnInDatabase, PASSWORD } from './helpers.ts';
import { axe } from './axe.ts';

test.use({ locale: 'ja-JP' });

/** A sentence of the catalogue of `locale`, by its namespace and key ("clientForms.errorSummaryTitle"). */
function said(locale: string, key: string): string {
  const [namespace, ...path] = key.split('.');
  let node: unknown = JSON.parse(readFileSync(join('messages', locale, `${namespace}.json`), 'utf8'));
  for (const part of path) node = (node as Record<string, unknown>)[part];
  expect(typeof node, `${locale}: ${key}`).toBe('string');
  return node as string;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An account with two-step on, made by an English browser (the helpers speak English), signed out. */
async function twoStepAccount(page: Page, label: string): Promise<string> {
  const english = await page.context().browser()!.newContext({ locale: 'en-US' });
  const { appleId } = await accountWithTwoStepOnInDatabase(await english.newPage(), label);
  await english.close();
  return appleId;
}

async function signInAs(page: Page, locale: string, appleId: string) {
  await page.getByLabel(said(locale, 'clientForms.appleId')).fill(appleId);
  await page.getByLabel(said(locale, 'clientForms.password'), { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: said(locale, 'clientForms.signIn.submit'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: said(locale, 'signIn.verify.heading') })).toBeVisible();
}

/** On the code step: a code sent to the first device, a wrong one typed; the refusal in `locale`. */
async function wrongCode(page: Page, locale: string) {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.getByRole('group', { name: said(locale, 'clientCodeStep.getCodeFrom') })).toBeVisible();
  await axe(page, `the code step (${locale})`);
  await page.getByRole('button', { name: said(locale, 'clientCodeStep.sendCode'), exact: true }).click();
  await page.locator('#code').fill('0009');
  await page.getByRole('button', { name: said(locale, 'clientCodeStep.verify'), exact: true }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary.getByRole('heading', { name: said(locale, 'clientForms.errorSummaryTitle') })).toBeVisible();
  const [before] = said(locale, 'clientForms.errorTitle').split('{title}');
  await expect(page).toHaveTitle(new RegExp(`^${escaped(before!)}${escaped(said(locale, 'signIn.verify.title'))}`));
  await axe(page, `the code step after a wrong code (${locale})`);
}

test('a Japanese browser signs in in Japanese, and a wrong code is refused in Japanese', async ({ page }) => {
  const appleId = await twoStepAccount(page, 'ja-sign-in');
  await page.goto('/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1, name: said('ja', 'signIn.password.heading') })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${escaped(said('ja', 'signIn.password.title'))}`));
  await expect(page.getByRole('link', { name: said('ja', 'signIn.password.forgot') })).toBeVisible();
  await axe(page, 'sign-in (ja)');
  await signInAs(page, 'ja', appleId);
  await wrongCode(page, 'ja');
});

test('the footer’s Français shows the page in French, and French it stays, through the code step', async ({ page }) => {
  const appleId = await twoStepAccount(page, 'fr-sign-in');
  await page.goto('/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Français' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: said('fr', 'signIn.password.heading') })).toBeVisible();
  await expect(page.getByRole('contentinfo').getByText('Français')).toHaveAttribute('aria-current', 'true');
  await axe(page, 'sign-in (fr)');
  // The choice holds on the next page, whatever the browser says.
  await page.getByRole('link', { name: said('fr', 'signIn.password.forgot') }).click();
  await expect(page.getByRole('heading', { level: 1, name: said('fr', 'forgot.heading') })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.goto('/sign-in');
  await signInAs(page, 'fr', appleId);
  await wrongCode(page, 'fr');
});

test('a language link keeps the rest of the address (an app’s sign-in keeps its request)', async ({ page }) => {
  await page.goto('/sign-in?signed-out=1');
  await expect(page.getByText(said('ja', 'signIn.password.signedOut'))).toBeVisible();
  await page.getByRole('contentinfo').getByRole('link', { name: 'Deutsch' }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed-out=1$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByText(said('de', 'signIn.password.signedOut'))).toBeVisible();
});

test('the signed-out pages speak Japanese: each heading from the catalogue, photographed at 390 px', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  for (const [path, heading, name] of [
    ['/', 'pages.home.heading', 'home'],
    ['/create', 'create.heading', 'create'],
    ['/forgot', 'forgot.heading', 'forgot'],
    ['/reset/recovery-key', 'reset.recoveryKey.heading', 'recovery-key-reset'],
    ['/contact-support', 'pages.contactSupport.heading', 'contact-support'],
    ['/no-such-page', 'pages.notFound.heading', 'not-found'],
  ] as const) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('heading', { level: 1, name: said('ja', heading) })).toBeVisible();
    await expect(page).toHaveTitle(/\S/);
    await page.screenshot({ path: `test-results/languages-sign-in/ja-${name}-390.png`, fullPage: true });
  }
});
