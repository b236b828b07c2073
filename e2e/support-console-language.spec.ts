import { expect, test } from './csp-guard.ts';
import { createAccount, newAppleId } from './helpers.ts';
import { newStaff, staffFirstSignIn } from './staff.ts';

// Support staff read the console in their own language (their browser's Accept-Language), whatever
// the holder's; what the holder typed (the name) stays as typed. The staff member signs in once in
// English (their second factor's pages are the kinds' own), then reads the console in German.

test('the support console in German, for a staff member whose browser asks for German', async ({ browser }) => {
  test.setTimeout(90_000);
  const sam = newStaff('sam.deutsch', 'Sam Staff');
  const holderId = newAppleId('support-de');
  const holder = await (await browser.newContext()).newPage();
  await createAccount(holder, holderId);

  const english = await (await browser.newContext()).newPage();
  await staffFirstSignIn(english, sam);
  const context = await browser.newContext({
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    storageState: await english.context().storageState(),
  });
  const staff = await context.newPage();

  await staff.goto('/support');
  await expect(staff.locator('html')).toHaveAttribute('lang', 'de');
  await expect(staff).toHaveTitle(/^Account suchen · Support/);
  await expect(
    staff.getByRole('navigation', { name: 'Support-Konsole' }).getByRole('link', { name: 'Apple Support-Konsole' }),
  ).toBeVisible();
  await expect(staff.getByRole('heading', { name: 'Account suchen' })).toBeVisible();
  await staff.getByLabel('Apple-ID').fill(holderId);
  await staff.getByRole('button', { name: 'Suchen', exact: true }).click();

  await expect(staff.getByRole('heading', { name: holderId })).toBeVisible();
  const lead = staff.locator('p.lead');
  // The holder's name as typed; their country and the date in German.
  await expect(lead).toContainText('Jamie Tester · Vereinigte Staaten · Account erstellt am');
  await expect(lead).toContainText(/\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}/);
  await expect(staff.getByText('Nur Ansicht. Der Support kann Passwort')).toBeVisible();
  await expect(staff.getByTestId('support-two-step')).toHaveText('Aus');
  await expect(staff.getByRole('heading', { name: 'Vertrauenswürdige Geräte' })).toBeVisible();
  await expect(staff.getByText('Keine vertrauenswürdigen Geräte.')).toBeVisible();
  await expect(staff.getByTestId('support-recovery-key')).toHaveText('Kein Wiederherstellungsschlüssel.');
  await expect(staff.getByTestId('support-remembered-browsers')).toContainText(
    /Browser (ist|sind) nach einer abgeschlossenen Anmeldung gespeichert/,
  );
  await expect(staff.getByRole('button', { name: 'Abmelden' })).toBeVisible();
  await staff.screenshot({ path: 'test-results/support-details-de.png', fullPage: true });
});
