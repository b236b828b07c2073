// Other apps sign in with the Apple ID through nginx, with two instances on one PostgreSQL database
// (e2e-instances/global-setup.ts): the demo apps of the shared stand-ins sign in through nginx's
// address, so an app's sign-in begun on one instance goes on on the other, and the code it gets is
// exchanged by whichever instance the app reaches. The same journeys as e2e/other-apps.spec.ts:
// a texted code and consent, the claims, Stop Using, the Store's Buy asking again, and a copied
// session cookie sent to the second step.
import { execFileSync } from 'node:child_process';
import { expect, test } from '../e2e/csp-guard.ts';
import { createAccount, enterTextedCode, newAppleId, newPhone, signOut } from '../e2e/helpers.ts';
import { allowWhenReady, copiedSessionCookie, demoApps, signInForApp } from '../e2e/apps.ts';
import { INSTANCE_A, INSTANCE_B, instanceOf, nextRequestAvoids } from './instances.ts';
import { INSTANCE_PORTS } from './ports.ts';
import type { Page } from '@playwright/test';

const { ICLOUD, STORE } = demoApps(`http://127.0.0.1:${INSTANCE_PORTS.http}`);

test.describe.configure({ timeout: 240_000 });

/** A new holder, two-step turned on in the shared database (e2e/fixtures/in-database.ts), signed out. */
async function twoStepHolder(page: Page) {
  const appleId = newAppleId('instances-apps');
  const phone = newPhone();
  await createAccount(page, appleId);
  execFileSync(process.execPath, ['--import', 'tsx', 'e2e/fixtures/in-database.ts', 'two-step-on', appleId, phone.e164], {
    env: { ...process.env, DATABASE_URL: process.env.INSTANCES_DATABASE_URL, BCRYPT_COST: '8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await signOut(page);
  return { appleId, phone };
}

test('through nginx: an app signs a holder in across both instances, Stop Using ends it, the Store asks again, a copied cookie gets no token', async ({
  page,
  browser,
}) => {
  const { appleId, phone } = await twoStepHolder(page);
  const answered = new Set<string>();
  page.on('response', (res) => {
    if (new URL(res.url()).pathname.startsWith('/oidc/')) answered.add(instanceOf(res));
  });

  // iCloud (demo): the request reaches one instance...
  await page.goto(ICLOUD);
  const [authorization] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/oidc/auth'),
    page.getByRole('link', { name: 'Sign in with your Apple ID' }).click(),
  ]);
  await signInForApp(page, 'iCloud (demo)', appleId);
  await enterTextedCode(page, phone.e164, 'Verify');
  await expect(page.getByRole('heading', { name: 'Allow iCloud (demo) to use your Apple ID?' })).toBeVisible();
  // ...and Allow goes to the other: the steps after it alternate between them (nginx's round robin).
  await nextRequestAvoids(page, instanceOf(authorization));
  await allowWhenReady(page);
  await expect(page.getByRole('heading', { name: 'Welcome, Jamie Tester' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^amr/ })).toContainText('pwd, sms, mfa');
  expect(answered, 'the provider answered on both instances').toEqual(new Set([INSTANCE_A, INSTANCE_B]));

  // Stop Using, on whichever instance: the app's refresh token is refused by the instance it reaches.
  await page.goto('/account/security');
  const row = page.getByTestId('app-row').filter({ hasText: 'iCloud (demo)' });
  await row.getByRole('button', { name: 'Stop iCloud (demo) from using your Apple ID' }).click();
  await expect(row.getByRole('status')).toHaveText('iCloud (demo) can no longer use your Apple ID.');
  await page.goto(ICLOUD);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('alert')).toContainText('Your access ended');

  // Store (demo): the portal session is reused for the sign-in; Buy asks for the password and a code.
  await page.goto(STORE);
  await page.getByRole('link', { name: 'Sign in with your Apple ID' }).click();
  await allowWhenReady(page);
  await page.getByRole('button', { name: 'Buy' }).click();
  await signInForApp(page, 'Store (demo)', appleId);
  await enterTextedCode(page, phone.e164, 'Verify');
  await expect(page.getByRole('status')).toContainText('Purchase confirmed (demo)');

  // A browser with only a copy of the session cookie: sent to the second step, never to the app.
  const thief = await copiedSessionCookie(browser, page);
  await thief.goto(ICLOUD);
  await thief.getByRole('link', { name: 'Sign in with your Apple ID' }).click();
  await expect(thief).toHaveURL(/\/sign-in\/confirm\?interaction=.*why=new-browser/);
  await thief.context().close();
});
