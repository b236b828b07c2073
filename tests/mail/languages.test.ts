// Every email in every language (templates.ts, composed by compose.ts): no English sentence left
// where the reader's language is not English, dates named in the reader's language and zone, the
// support footer in the same language, and the HTML part's lang saying which one.
import { describe, expect, it } from 'vitest';
import * as mailTemplates from '../../src/mail/templates.ts';
import { composeEmail } from '../../src/mail/compose.ts';
import { flatten, readCatalogue } from '../../src/i18n/catalogue.ts';
import { LOCALES, type Locale } from '../../src/i18n/locales.ts';
import type { EmailContent, Zoned } from '../../src/mail/templates.ts';

const APP_URL = 'https://two-step.test/';
const at = new Date('2026-11-23T10:00:00Z'); // a Monday
const link = 'https://two-step.test/reset/open?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Monday, as each language writes it in a date (the day of `at` in Europe/Paris and Asia/Tokyo alike). */
const MONDAY: Record<Locale, string> = {
  en: 'Monday',
  fr: 'lundi',
  de: 'Montag',
  es: 'lunes',
  it: 'lunedì',
  ja: '月曜日',
  nl: 'maandag',
  'pt-BR': 'segunda-feira',
};

/** Central European time, named in each language (the reader's zone is Europe/Paris). */
const PARIS_ZONE: Record<Locale, RegExp> = {
  en: /Central European Standard Time/,
  fr: /heure normale d’Europe centrale/,
  de: /Mitteleuropäische Normalzeit/,
  es: /hora estándar de Europa central/,
  it: /Ora standard dell’Europa centrale/i,
  ja: /中央ヨーロッパ標準時/,
  nl: /Midden-Europese standaardtijd/,
  'pt-BR': /Horário Padrão da Europa Central/i,
};

/** Every template, each variant that words it differently, for one reader. Those without a date are marked. */
function emailsFor(reader: Zoned): Array<{ label: string; mail: EmailContent; dated: boolean }> {
  const person = { name: 'Jeanne', appleId: 'jeanne@example.com', ...reader };
  const m = mailTemplates;
  const dated = (label: string, mail: EmailContent) => ({ label, mail, dated: true });
  const undated = (label: string, mail: EmailContent) => ({ label, mail, dated: false });
  return [
    undated('welcomeEmail', m.welcomeEmail({ ...person, appUrl: APP_URL })),
    undated('welcomeEmail, no name', m.welcomeEmail({ ...person, name: '', appUrl: APP_URL })),
    undated('countryOfferedEmail', m.countryOfferedEmail({ ...person, country: 'Nepal', appUrl: APP_URL })),
    ...['password-changed', 'password-reset', 'security-questions-changed', 'rescue-email-changed', 'birth-date-changed', 'unknown'].map(
      (change) => dated(`accountChangedEmail ${change}`, m.accountChangedEmail({ ...person, change, at })),
    ),
    dated('appUsedFromNewBrowserEmail', m.appUsedFromNewBrowserEmail({ ...person, app: 'Mail', browser: 'Firefox', at, appUrl: APP_URL })),
    dated('passwordResetLinkEmail', m.passwordResetLinkEmail({ ...person, link, expiresAt: at })),
    dated('trustedDeviceEmail added', m.trustedDeviceEmail({ ...person, device: '+33 •• •• •• •• 34', uses: '', added: true, at })),
    dated('trustedDeviceEmail removed', m.trustedDeviceEmail({ ...person, device: '+33 •• •• •• •• 34', uses: '', added: false, at })),
    dated(
      'wrongCodesAlertEmail',
      m.wrongCodesAlertEmail({
        ...person,
        at,
        wrongCodes: 5,
        sources: [
          { clientAddress: '203.0.113.7', userAgent: 'Firefox', attempts: 4, lastAt: at },
          { clientAddress: null, userAgent: null, attempts: 1, lastAt: at },
        ],
      }),
    ),
    dated('appPasswordEmail created', m.appPasswordEmail({ ...person, label: 'Mail', created: true, at })),
    dated('appPasswordEmail revoked', m.appPasswordEmail({ ...person, label: 'Mail', created: false, at })),
    dated('appPasswordEmail all revoked', m.appPasswordEmail({ ...person, label: '', created: false, at, count: 3 })),
    dated('twoStepOnEmail', m.twoStepOnEmail({ ...person, at, appUrl: APP_URL })),
    dated('recoveryKeyReplacedEmail', m.recoveryKeyReplacedEmail({ ...person, at })),
    dated('twoStepOffEmail', m.twoStepOffEmail({ ...person, at, appUrl: APP_URL, waitingPeriodMs: 3 * 86_400_000 })),
    undated('resetWithRecoveryKeyEmail', m.resetWithRecoveryKeyEmail({ ...person, appUrl: APP_URL })),
    dated('activateAccountEmail', m.activateAccountEmail({ appleId: person.appleId, link, expiresAt: at, ...reader })),
    dated('accountExistsEmail', m.accountExistsEmail({ ...person, at, appUrl: APP_URL })),
  ];
}

/**
 * The English catalogue's wording: each sentence's literal runs between its arguments, long enough
 * to be words of a sentence rather than a shared name ("Apple ID") or punctuation.
 */
const ENGLISH_RUNS = [...flatten(readCatalogue('en')).values()]
  .flatMap((sentence) => sentence.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/))
  .map((run) => run.trim())
  .filter((run) => run.length >= 12);

const footerOf = (locale: Locale) => flatten(readCatalogue(locale)).get('emails.footer')!;

describe('every email in every language', () => {
  it('covers every template the module exports', () => {
    const sampled = new Set(emailsFor({ timeZone: null, language: 'en' }).map((e) => e.label.split(/[ ,]/)[0]));
    const templates = Object.entries(mailTemplates).filter(([name, v]) => typeof v === 'function' && name.endsWith('Email'));
    expect([...sampled].sort()).toEqual(templates.map(([name]) => name).sort());
  });

  it('finds English words when they are there (the check can fail)', () => {
    const english = emailsFor({ timeZone: 'Europe/Paris', language: 'en' });
    for (const { label, mail } of english) {
      expect(
        ENGLISH_RUNS.some((run) => mail.text.includes(run) || mail.subject.includes(run)),
        label,
      ).toBe(true);
    }
  });

  for (const language of LOCALES.filter((l) => l !== 'en')) {
    describe(language, () => {
      const emails = emailsFor({ timeZone: 'Europe/Paris', language });

      it.each(emails)('$label has no English sentence left', ({ mail }) => {
        const left = ENGLISH_RUNS.filter((run) => mail.text.includes(run) || mail.subject.includes(run));
        expect(left).toEqual([]);
        expect(mail.language).toBe(language);
      });

      it.each(emails.filter((e) => e.dated))('$label names the date in the language and the zone', ({ mail }) => {
        expect(mail.text).toContain(MONDAY[language]);
        expect(mail.text).toMatch(PARIS_ZONE[language]);
        expect(mail.text).not.toContain(MONDAY.en);
      });

      it.each(emails)('$label has the support footer in the language, and an HTML part that says so', ({ mail }) => {
        const sent = composeEmail(mail, APP_URL);
        expect(sent.text.trimEnd().split('\n').slice(-2)).toEqual([footerOf(language), 'https://two-step.test/contact-support']);
        expect(sent.text).not.toContain(footerOf('en'));
        expect(sent.html).toContain(`<html lang="${language}">`);
      });
    });
  }

  it('writes English as before, with its footer and lang', () => {
    const mail = composeEmail(
      mailTemplates.recoveryKeyReplacedEmail({ name: '', appleId: 'a@example.com', at, timeZone: null, language: 'en' }),
      APP_URL,
    );
    expect(mail.text.split('\n')[0]).toBe('Dear there,');
    expect(mail.text).toContain(
      'On Monday, November 23, 2026 at 10:00 AM UTC, a new Recovery Key was created for the Apple ID a@example.com.',
    );
    expect(mail.text).toContain('\nHow to reach support:\nhttps://two-step.test/contact-support\n');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('says a waiting period in the language: "3-day" in English, the length itself elsewhere', () => {
    const off = (language: Locale) =>
      mailTemplates.twoStepOffEmail({
        name: '',
        appleId: 'a@example.com',
        at,
        appUrl: APP_URL,
        waitingPeriodMs: 3 * 86_400_000,
        timeZone: null,
        language,
      }).text;
    expect(off('en')).toContain('starts with a 3-day waiting period. See:');
    expect(off('fr')).toMatch(/période d’attente de 3\sjours/);
    expect(off('de')).toContain('3 Tage warten');
    expect(off('ja')).toContain('3 日の待機期間');
  });

  it('keeps plurals: one wrong code and several, in French', () => {
    const mail = mailTemplates.wrongCodesAlertEmail({
      name: 'Jeanne',
      appleId: 'a@example.com',
      at,
      wrongCodes: 5,
      sources: [
        { clientAddress: '203.0.113.7', userAgent: 'Firefox', attempts: 1, lastAt: at },
        { clientAddress: '203.0.113.8', userAgent: 'Safari', attempts: 4, lastAt: at },
      ],
      timeZone: 'Europe/Paris',
      language: 'fr',
    });
    expect(mail.text).toContain('5 codes de validation erronés avaient été saisis');
    expect(mail.text).toContain('  - depuis 203.0.113.7, navigateur Firefox\u00a0: 1 code erroné, le dernier le lundi 23 novembre 2026');
    expect(mail.text).toContain('  - depuis 203.0.113.8, navigateur Safari\u00a0: 4 codes erronés');
  });
});
