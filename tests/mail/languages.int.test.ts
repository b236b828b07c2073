// An email in the account's language, all the way: the template writes it in the language the
// holder chose (emailReader), the outbox row keeps that language, and the worker delivers it through
// the SMTP stand-in with the support footer and the HTML part's lang in the same language.
import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_APP_URL, withDatabaseAndMail } from '../harness/mail.ts';
import { BROWSER, freshAccount } from '../harness/accounts.ts';
import { deliverDueEmails } from '../../src/mail/outbox-worker.ts';
import { requestPasswordReset } from '../../src/password-reset/by-link.ts';
import { recoveryKeyReplacedEmail } from '../../src/mail/templates.ts';
import { enqueueEmail } from '../../src/mail/outbox.ts';
import { emailReader } from '../../src/mail/recipients.ts';
import { fixedClock } from '../../src/clock.ts';

const START = '2026-11-23T10:00:00Z';

describe('an email in the account language, through the outbox and SMTP', () => {
  const mail = withDatabaseAndMail();
  let accountId: string;
  let deps: Awaited<ReturnType<typeof freshAccount>>['deps'];

  beforeEach(async () => {
    ({ accountId, deps } = await freshAccount(mail.t.db, START));
    mail.store.clear();
  });

  const deliver = () => deliverDueEmails({ db: mail.t.db, clock: deps.clock, mailer: mail.mailer });

  it('a holder who chose Japanese gets the reset email in Japanese, dated in their zone, with the Japanese footer', async () => {
    await mail.t.db.account.update({ where: { id: accountId }, data: { language: 'ja', browserLanguage: 'fr', timeZone: 'Asia/Tokyo' } });
    await requestPasswordReset({ ...deps, db: mail.t.db }, { appleId: 'Jane.Holder@Example.com' }, BROWSER);
    const rows = await mail.t.db.emailOutbox.findMany();
    expect(rows.map((r) => r.language)).toEqual(['ja', 'ja']); // the Apple ID and the rescue email

    expect(await deliver()).toEqual({ sent: 2, failed: 0 });
    const sent = mail.standin.messages();
    expect(sent).toHaveLength(2);
    for (const m of sent) {
      expect(m.subject).toBe('パスワードのリセット');
      expect(m.text.split('\n')[0]).toBe('Jane Holder 様');
      // An hour after 10:00 UTC, in Tokyo: 20:00 on Monday, named in Japanese.
      expect(m.text).toContain('2026年11月23日月曜日 20:00 日本標準時までに');
      expect(m.text).toContain(`\nサポートへのお問い合わせ：\n${TEST_APP_URL}/contact-support\n`);
      expect(m.text).not.toMatch(/How to reach support|Dear|Someone asked/);
      expect(m.html).toContain('<html lang="ja">');
      expect(m.html).toContain('<title>パスワードのリセット</title>');
    }
  });

  it('a holder who chose nothing gets the language their browser asked for at sign-in', async () => {
    await mail.t.db.account.update({
      where: { id: accountId },
      data: { language: null, browserLanguage: 'de', timeZone: 'Europe/Berlin' },
    });
    await requestPasswordReset({ ...deps, db: mail.t.db }, { appleId: 'Jane.Holder@Example.com' }, BROWSER);
    await deliver();
    const [m] = mail.standin.messages();
    expect(m!.subject).toBe('Passwort zurücksetzen');
    expect(m!.text).toContain('bis Montag, 23. November 2026 um 12:00 Mitteleuropäische Normalzeit');
    expect(m!.text).toContain('\nSo erreichen Sie den Support:\n');
    expect(m!.html).toContain('<html lang="de">');
  });

  it('an email queued with a language sends in it; a row queued before emails had one goes in English', async () => {
    const account = await mail.t.db.account.update({ where: { id: accountId }, data: { language: 'fr', timeZone: 'Europe/Paris' } });
    const clock = fixedClock(START);
    await mail.t.db.$transaction((tx) =>
      enqueueEmail(
        tx,
        {
          kind: 'recovery-key-replaced',
          accountId,
          to: account.appleId,
          ...recoveryKeyReplacedEmail({ name: account.name, appleId: account.appleId, at: clock.now(), ...emailReader(account) }),
        },
        clock,
      ),
    );
    await mail.t.db.emailOutbox.create({
      data: {
        kind: 'old',
        toAddress: 'old@example.com',
        subject: 'Old',
        textBody: 'Dear Jane,\n',
        language: null,
        nextAttemptAt: clock.now(),
      },
    });
    expect(await deliver()).toEqual({ sent: 2, failed: 0 });
    const byTo = new Map(mail.standin.messages().map((m) => [m.to[0]!.toLowerCase(), m]));
    const french = byTo.get(account.appleId.toLowerCase())!;
    expect(french.subject).toBe('La clé de secours de votre identifiant Apple a été remplacée');
    expect(french.text).toContain('Le lundi 23 novembre 2026 à 11:00 heure normale d’Europe centrale, une nouvelle clé de secours');
    expect(french.text).toContain('\nPour contacter l’assistance\u00a0:\n');
    expect(french.html).toContain('<html lang="fr">');
    const old = byTo.get('old@example.com')!;
    expect(old.text).toContain('\nHow to reach support:\n');
    expect(old.html).toContain('<html lang="en">');
  });
});
