// The holder's language (src/accounts/language.ts): chosen on the account page, or "the browser's";
// anything else refused with nothing stored. The browser's language is kept at a password sign-in
// (src/accounts/time-zone.ts, rememberBrowserSettings) for emails when the holder chose none, and
// every email is written in the chosen one first (src/mail/recipients.ts, emailReader).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD, freshAccount, testDeps } from '../harness/accounts.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { BROWSER_LANGUAGE, chooseLanguage, LANGUAGE_UNKNOWN } from '../../src/accounts/language.ts';
import { emailReader } from '../../src/mail/recipients.ts';
import { readSessionWithAccount } from '../../src/sessions/session-read.ts';
import { PSEUDO_LOCALE } from '../../src/i18n/locales.ts';

describe("the holder's language", () => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  let accountId: string;
  let sessionId: string;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    ({ deps, accountId, sessionId } = await freshAccount(t.db));
  });

  const row = () => t.db.account.findUniqueOrThrow({ where: { id: accountId } });
  const signInAsking = (browserLanguage: string | undefined, password = GOOD_PASSWORD) =>
    signIn(deps, { appleId: 'jane.holder@example.com', password }, { ...BROWSER, browserLanguage });

  it('is none for a new account: its emails are in English', async () => {
    const account = await row();
    expect([account.language, account.browserLanguage]).toEqual([null, null]);
    expect(emailReader(account).language).toBe('en');
  });

  it("keeps the browser's language at a password sign-in, for emails, without making it the holder's choice", async () => {
    expect((await signInAsking('ja')).ok).toBe(true);
    const account = await row();
    expect([account.language, account.browserLanguage]).toEqual([null, 'ja']);
    expect(emailReader(account).language).toBe('ja');
    // Unknown, missing or the pseudo-locale: what was kept stays.
    for (const asked of [undefined, 'xx', PSEUDO_LOCALE]) {
      await signInAsking(asked);
      expect((await row()).browserLanguage, String(asked)).toBe('ja');
    }
  });

  it('is not kept by a sign-in with the wrong password', async () => {
    expect((await signInAsking('de', 'not my password')).ok).toBe(false);
    expect((await row()).browserLanguage).toBeNull();
  });

  it("is chosen, and then emails follow the choice rather than the browser's; the session read gives it to pages", async () => {
    await signInAsking('ja');
    expect(await chooseLanguage(t.db, accountId, { language: 'fr' })).toEqual({ ok: true, language: 'fr' });
    expect(emailReader(await row()).language).toBe('fr');
    expect((await readSessionWithAccount(t.db, sessionId))?.account.language).toBe('fr');
    expect(await chooseLanguage(t.db, accountId, { language: BROWSER_LANGUAGE })).toEqual({ ok: true, language: null });
    expect(emailReader(await row()).language).toBe('ja');
  });

  it('refuses a language not offered (the pseudo-locale included) at the field, and stores nothing', async () => {
    await chooseLanguage(t.db, accountId, { language: 'de' });
    for (const input of [{ language: 'xx' }, { language: PSEUDO_LOCALE }, { language: ['fr'] }, {}, { language: 'x'.repeat(5000) }]) {
      expect(await chooseLanguage(t.db, accountId, input), JSON.stringify(input).slice(0, 40)).toMatchObject({
        ok: false,
        code: 'INVALID_FIELDS',
        fieldErrors: { language: LANGUAGE_UNKNOWN },
      });
    }
    expect((await row()).language).toBe('de');
  });
});
