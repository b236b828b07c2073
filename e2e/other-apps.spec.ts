// Other apps sign in with the Apple ID, in Chromium, as a holder meets them: the demo apps of the
// stand-ins (iCloud (demo), Store (demo): dev/standins/demo-apps/) send the browser to the portal,
// which signs the holder in with its own pages (password, a texted code, consent) and sends them
// back. Also: Stop Using, the Store's Buy asking for a new sign-in with a code, a copied session
// cookie asked for the second step, RP-initiated logout, an app requiring two-step for a holder who
// has it off, and axe on every new page. The rules: docs/other-apps.md.
import type { Page } from '@playwright/test';
import { expect, test } from './csp-guard.ts';
import { axe } from './axe.ts';
import {
  accountWithTwoStepOnInDatabase,
  advanceClock,
  answerSecurityQuestions,
  createAccount,
  e2eServer,
  enterTextedCode,
  newAppleId,
  newestMailText,
  signIn,
  signOut,
} from './helpers.ts';
import { allowWhenReady, copiedSessionCookie, demoApps, signInForApp, signInToIcloud } from './apps.ts';

// The demo apps of this test's portal's stand-ins (playwright.config.ts runs several portals).
let ICLOUD: string;
let STORE: string;
test.beforeEach(() => {
  ({ ICLOUD, STORE } = demoApps(`http://127.0.0.1:${e2eServer().ports.http}`));
});

// Many pages, each with a code from the SMS inbox: generous on a busy machine.
test.describe.configure({ timeout: 240_000 });

/** A holder with two-step on (a verified phone), signed out in a browser that knows the account. */
async function twoStepHolder(page: Page, label: string) {
  const holder = await accountWithTwoStepOnInDatabase(page, label);
  await signOut(page);
  return holder;
}

test('iCloud (demo): the portal signs the holder in with a texted code, asks once what the app may receive, and the app learns how', async ({
  page,
}) => {
  const { appleId, phone } = await twoStepHolder(page, 'icloud');

  await page.goto(ICLOUD);
  await page.getByRole('link', { name: 'Sign in with your Apple ID' }).click();
  await axe(page, 'sign in for an app');
  await signInForApp(page, 'iCloud (demo)', appleId);
  await expect(page.getByTestId('app-request')).toContainText('iCloud (demo)');
  await axe(page, 'verify your identity for an app');
  await enterTextedCode(page, phone.e164, 'Verify');

  await expect(page.getByRole('heading', { name: 'Allow iCloud (demo) to use your Apple ID?' })).toBeVisible();
  await expect(page.getByTestId('consent-scopes')).toContainText(`Your email address (${appleId})`);
  await expect(page.getByTestId('consent-scopes')).toContainText('Your name (Jamie Tester)');
  await axe(page, 'consent');
  await allowWhenReady(page);

  // Back at the app, which shows what its ID token says: a password and a text message.
  await expect(page).toHaveURL(ICLOUD);
  await expect(page.getByRole('heading', { name: 'Welcome, Jamie Tester' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^amr/ })).toContainText('pwd, sms, mfa');
  await expect(page.getByRole('row', { name: /^acr/ })).toContainText('urn:two-step:acr:two-step');

  // The first use from this browser is emailed to the holder.
  const mail = await newestMailText(await page.context().newPage(), appleId, 'Your Apple ID was used to sign in to iCloud (demo)');
  expect(mail).toContain('Chrome');

  // Signing out of the app (RP-initiated logout): the portal asks whether to sign out of the Apple ID too.
  await page.goto(ICLOUD);
  await page.getByRole('button', { name: 'Sign Out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign out?' })).toBeVisible();
  await axe(page, 'the provider’s sign-out page');
  await page.getByRole('button', { name: 'Sign Out', exact: true }).click();
  await expect(page).toHaveURL(ICLOUD);
  await expect(page.getByRole('link', { name: 'Sign in with your Apple ID' })).toBeVisible();
  // ...which ended the portal session in this browser as well.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('Stop Using on Password and Security ends the app’s access at once', async ({ page }) => {
  const { appleId, phone } = await twoStepHolder(page, 'stop');
  await signInToIcloud(page, ICLOUD, appleId, phone.e164);

  await page.goto('/account/security');
  const row = page.getByTestId('app-row').filter({ hasText: 'iCloud (demo)' });
  await expect(row).toContainText(`Your email address (${appleId})`);
  await expect(page.getByTestId('browser-row').filter({ hasText: 'This browser' })).toBeVisible();
  await axe(page, 'Password and Security with an app and the browsers signed in');
  await row.getByRole('button', { name: 'Stop iCloud (demo) from using your Apple ID' }).click();
  await expect(row.getByRole('status')).toHaveText('iCloud (demo) can no longer use your Apple ID.');
  await expect(row.getByRole('status')).toBeFocused();

  // The app's refresh token is refused now.
  await page.goto(ICLOUD);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('alert')).toContainText('Your access ended');
});

test('Where you’re signed in: the holder signs another browser out, and that browser is signed out at once', async ({ page, browser }) => {
  const appleId = newAppleId('browsers');
  await createAccount(page, appleId);
  const other = await (
    await browser.newContext({
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
    })
  ).newPage();
  await signIn(other, appleId);
  await expect(other.getByRole('heading', { name: 'Manage your account' })).toBeVisible();

  await page.goto('/account/security');
  await answerSecurityQuestions(page);
  const row = page.getByTestId('browser-row').filter({ hasText: 'Safari on Mac' });
  await row.getByRole('button', { name: 'Sign out Safari on Mac' }).click();
  await expect(row.getByRole('status')).toHaveText('That browser is signed out.');
  await expect(row.getByRole('status')).toBeFocused();
  await other.goto('/account');
  await expect(other).toHaveURL(/\/sign-in$/);
  await other.context().close();
});

test('Store (demo): Buy asks for a whole new sign-in, with a code from a trusted device, before the purchase goes through', async ({
  page,
}) => {
  const { appleId, phone } = await twoStepHolder(page, 'store');
  await page.goto(STORE);
  await page.getByRole('link', { name: 'Sign in with your Apple ID' }).click();
  await signInForApp(page, 'Store (demo)', appleId);
  await enterTextedCode(page, phone.e164, 'Verify');
  await allowWhenReady(page);
  await expect(page.getByText(`Signed in as Jamie Tester (${appleId})`)).toBeVisible();

  // The portal session is live, yet the purchase asks for the password and a new code.
  await page.getByRole('button', { name: 'Buy' }).click();
  await expect(page.getByTestId('app-request')).toContainText('Enter your Apple ID password again to continue to Store (demo)');
  await signInForApp(page, 'Store (demo)', appleId);
  await enterTextedCode(page, phone.e164, 'Verify');
  await expect(page).toHaveURL(STORE);
  await expect(page.getByRole('status')).toContainText('Purchase confirmed (demo)');
  await expect(page.getByRole('status')).toContainText('sms');
});

test('a browser holding only a copied session cookie must prove the second step before any app gets a token', async ({ page, browser }) => {
  const { appleId, phone } = await twoStepHolder(page, 'copied');
  await signInToIcloud(page, ICLOUD, appleId, phone.e164);

  const thief = await copiedSessionCookie(browser, page);
  // The portal itself still opens (the cookie is a live session)...
  await thief.goto('/account');
  await expect(thief.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
  // ...but no app is answered: this browser never completed a sign-in to the account.
  await thief.goto(ICLOUD);
  await thief.getByRole('link', { name: 'Sign in with your Apple ID' }).click();
  await expect(thief).toHaveURL(/\/sign-in\/confirm\?interaction=.*why=new-browser/);
  await expect(thief.getByText('this browser has not been used with your Apple ID before')).toBeVisible();
  await axe(thief, 'verify your identity for an app, new browser');
  await thief.goto(ICLOUD);
  await expect(thief.getByRole('link', { name: 'Sign in with your Apple ID' })).toBeVisible();
  await thief.context().close();
});

test('an app that requires two-step: a holder with it off is told why on the portal, and the app is told too', async ({ page }) => {
  const appleId = newAppleId('twostepoff');
  await createAccount(page, appleId);
  await page.goto(STORE);
  await page.getByRole('link', { name: 'Sign in with your Apple ID' }).click();
  // Signed in already: only consent.
  await allowWhenReady(page);
  // The purchase's request asks for a sign-in newer than itself, to the second (OpenID Connect's
  // auth_time): on the portal's clock, the sign-in above is then surely older than the request.
  await advanceClock(page, 2);
  await page.getByRole('button', { name: 'Buy' }).click();
  await signInForApp(page, 'Store (demo)', appleId);
  await expect(page.getByRole('heading', { name: 'Two-Step Verification Needed' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Set up two-step verification' })).toHaveAttribute('href', '/account/security');
  await axe(page, 'two-step verification needed');
  await page.getByRole('link', { name: 'Go back to Store (demo)' }).click();
  await expect(page).toHaveURL(STORE);
  await expect(page.getByRole('alert')).toContainText('Purchases need two-step verification');
});

test('a request the portal cannot trust is refused on a page of its own, never sent back to the app', async ({ page }) => {
  await page.goto(
    `/oidc/auth?client_id=icloud-demo&response_type=code&scope=openid&redirect_uri=${encodeURIComponent('https://attacker.example/callback')}&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256`,
  );
  await expect(page).toHaveTitle('Error: This sign-in can’t continue — Two-Step');
  await expect(page.getByRole('alert')).toContainText('never registered with us');
  await axe(page, 'the provider’s error page');
});

test.describe('without scripts', () => {
  test.use({ javaScriptEnabled: false });

  // Each step's form posts natively; the browser holds every redirect of such a post to the page's
  // form-action ('self'), so the last step ends on a page of the portal that moves on by itself
  // (app/sign-in/continue) before the bridge sends the browser to the app's origin.
  test('an app’s sign-in still ends at the app: password, a texted code, Allow', async ({ page }) => {
    const { appleId, phone } = await twoStepHolder(page, 'no-scripts');

    await page.goto(ICLOUD);
    await page.getByRole('link', { name: 'Sign in with your Apple ID' }).click();
    await signInForApp(page, 'iCloud (demo)', appleId);
    await enterTextedCode(page, phone.e164, 'Verify');
    await expect(page.getByRole('heading', { name: 'Allow iCloud (demo) to use your Apple ID?' })).toBeVisible();
    await page.getByRole('button', { name: 'Allow', exact: true }).click();

    await expect(page).toHaveURL(ICLOUD);
    await expect(page.getByRole('heading', { name: 'Welcome, Jamie Tester' })).toBeVisible();
  });
});
