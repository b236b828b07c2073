// What the end-to-end specs of other apps share (e2e/other-apps.spec.ts, and through nginx
// e2e-instances/other-apps.spec.ts): where the demo apps are, the portal's sign-in page reached from
// an app, and a browser holding a copy of another's session cookie.
import type { Browser, Page } from '@playwright/test';
import { expect } from './csp-guard.ts';
import { enterTextedCode, PASSWORD } from './helpers.ts';

/** The demo apps on the stand-ins' HTTP server at `standinsUrl` (dev/standins/demo-apps/). */
export function demoApps(standinsUrl: string) {
  return { ICLOUD: `${standinsUrl}/icloud/`, STORE: `${standinsUrl}/store/` };
}

/** The portal's sign-in page, reached from an app: the app is named, then the password. */
export async function signInForApp(page: Page, app: string, appleId: string) {
  await expect(page).toHaveURL(/\/sign-in\?interaction=/);
  await expect(page.getByTestId('app-request')).toContainText(app);
  await page.getByLabel('Apple ID').fill(appleId);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign In' }).click();
}

/** iCloud (demo), from its home page: the portal's sign-in, a texted code, Allow, and back at the app signed in. */
export async function signInToIcloud(page: Page, icloudUrl: string, appleId: string, e164: string) {
  await page.goto(icloudUrl);
  await page.getByRole('link', { name: 'Sign in with your Apple ID' }).click();
  await signInForApp(page, 'iCloud (demo)', appleId);
  await enterTextedCode(page, e164, 'Verify');
  await allowWhenReady(page);
  await expect(page.getByRole('heading', { name: 'Welcome, Jamie Tester' })).toBeVisible();
}

/**
 * Allow on the consent page, once React has hydrated its form: the path taken with scripts (a click
 * before hydration posts the form natively, the path tested in other-apps.spec.ts "without scripts").
 */
export async function allowWhenReady(page: Page) {
  const allow = page.getByRole('button', { name: 'Allow', exact: true });
  await expect(allow).toBeVisible();
  await page.waitForFunction(() => {
    const form = document.querySelector('form[aria-label^="Allow "]');
    return !!form && Object.keys(form).some((k) => k.startsWith('__reactFiber'));
  });
  await allow.click();
}

/** A second browser holding only a copy of the first one's session cookie: the device cookie stays behind. */
export async function copiedSessionCookie(browser: Browser, page: Page): Promise<Page> {
  const cookies = (await page.context().cookies()).filter((c) => c.name.endsWith('two_step_session'));
  expect(cookies).toHaveLength(1);
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  return thief.newPage();
}
