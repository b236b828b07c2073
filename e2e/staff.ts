// Support staff in the browser: the operator makes one (`npm run staff -- add`), and they sign in at
// /support with the password and then their second factor. The first sign-in sets up an
// authenticator app from the key the page shows ("the app" is otplib here, the library the portal
// uses, computing the code at the portal's time); later sign-ins ask for its code. Shared by every
// spec that signs staff in.
import { expect, type Page } from '@playwright/test';
import { generateSync } from 'otplib';
import { newAppleId, operator, portalNowApart, submit } from './helpers.ts';

export interface StaffMember {
  email: string;
  password: string;
  /** The key of their authenticator app, once they set it up (staffFirstSignIn). */
  secret?: string;
}

/** A new staff user, made by the operator command; the generated password is printed once. */
export function newStaff(label: string, name: string): StaffMember {
  const email = newAppleId(label);
  const added = operator('scripts/staff.ts', 'add', email, '--name', name);
  const password = /^password: (\S+)$/m.exec(added)?.[1];
  expect(password, added).toBeTruthy();
  expect(added).toContain('Their first sign-in at /support asks them to set up a second factor');
  return { email, password: password! };
}

/** The staff sign-in form: email and password. */
export async function staffPassword(page: Page, staff: StaffMember, password = staff.password) {
  await page.goto('/support/sign-in');
  await page.getByLabel('Staff email').fill(staff.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign In' }).click();
}

/** The code the staff member's app shows at the portal's time, after moving it `seconds` forward (at least 1). */
export async function staffAppCode(secret: string, seconds = 1): Promise<string> {
  return generateSync({ secret, epoch: await portalNowApart(seconds) });
}

/** The key the setup page shows, as the app takes it. */
export async function shownKey(page: Page): Promise<string> {
  const shown = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(shown).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
  return shown.replace(/\s/g, '');
}

/** The first sign-in: the password, an authenticator app set up from the key shown, its code: the console. */
export async function staffFirstSignIn(page: Page, staff: StaffMember): Promise<StaffMember> {
  await staffPassword(page, staff);
  await expect(page.getByRole('heading', { name: 'Set Up a Second Factor' })).toBeVisible();
  await submit(page, 'Set Up an Authenticator App');
  const secret = await shownKey(page);
  await page.getByLabel('Code from your authenticator app').fill(await staffAppCode(secret));
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Find an Account' })).toBeVisible();
  return { ...staff, secret };
}

/** A later sign-in: the password, then the app's code of a new time step (the clock moves 30 seconds first). */
export async function staffSignIn(page: Page, staff: StaffMember) {
  await staffPassword(page, staff);
  await expect(page.getByRole('heading', { name: "Verify It's You" })).toBeVisible();
  await page.getByLabel('Code from your authenticator app').fill(await staffAppCode(staff.secret!, 30));
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Find an Account' })).toBeVisible();
}
