import { expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';

export const PASSWORD = 'violet staircase 42';

/** A new Apple ID for each test, so tests never depend on each other. */
export function newAppleId(label: string): string {
  return `${label}.${randomBytes(4).toString('hex')}@example.com`;
}

export async function fillCreateAccount(page: Page, f: { appleId: string; password?: string; confirm?: string; rescueEmail?: string; name?: string }) {
  await page.goto('/create');
  await page.getByLabel('Name').fill(f.name ?? 'Jamie Tester');
  await page.getByLabel('Birth date').fill('1988-07-14');
  await page.getByLabel('Country or region').selectOption('US');
  await page.getByLabel('Apple ID').fill(f.appleId);
  await page.getByLabel('Password', { exact: true }).fill(f.password ?? PASSWORD);
  await page.getByLabel('Confirm password').fill(f.confirm ?? f.password ?? PASSWORD);
  if (f.rescueEmail !== undefined) await page.getByLabel('Rescue email (optional)').fill(f.rescueEmail);
  for (const [n, answer] of [[1, 'indigo'], [2, 'lisbon'], [3, 'biscuit']] as const) {
    const group = page.getByRole('group', { name: `Question ${n}` });
    await group.getByLabel('Question').selectOption({ index: n });
    await group.getByLabel('Answer').fill(answer);
  }
}

export async function signIn(page: Page, appleId: string, password = PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Apple ID').fill(appleId);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign In' }).click();
}

export async function createAccount(page: Page, appleId: string) {
  await fillCreateAccount(page, { appleId });
  await page.getByRole('button', { name: 'Create Account' }).click();
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
}

/** The message at the top of a form (Next.js has its own, empty, role=alert route announcer). */
export function formError(page: Page) {
  return page.locator('p.form-error');
}
