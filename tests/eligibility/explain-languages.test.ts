// The explainer in the holder's language: the sentence is the catalogue's, the date is written in
// that language and the reader's zone (named), and the rule lengths come from the constants, said
// with the language's own unit names. The same sentence on a page and in an email.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/clock.ts';
import { SETUP_WINDOW_MS, WAITING_PERIOD_MS, type Eligibility } from '../../src/eligibility/eligibility.ts';
import { explainEligibility, saidParagraph, saidText } from '../../src/eligibility/explain.ts';
import { waitingPeriodEndedEmail, waitingPeriodStartedEmail } from '../../src/eligibility/emails.ts';
import { formatDateTime } from '../../src/format.ts';
import { durationIn } from '../../src/i18n/durations.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

const REASON_AT = new Date('2026-11-23T10:00:00Z');
const ENDS_AT = new Date('2026-11-26T10:00:00Z');
const waiting: Eligibility = { state: 'waiting', endsAt: ENDS_AT, reason: 'password-changed', reasonAt: REASON_AT };
const BERLIN = { locale: 'de', timeZone: 'Europe/Berlin' } as const;

describe('the explainer in German', () => {
  it('names the dates in German, in the reader zone, and the wait from the rule constant', () => {
    const { sentence, more } = explainEligibility(waiting, 'holder');
    expect(saidText(sentence, BERLIN)).toBe(
      'Die Einrichtung ist bis Donnerstag, 26. November 2026 um 11:00 Mitteleuropäische Normalzeit pausiert, ' +
        'weil am Montag, 23. November 2026 um 11:00 Mitteleuropäische Normalzeit Ihr Passwort geändert wurde ' +
        '(die letzte wichtige Änderung: Die Wartezeit läuft 3 Tage ab dieser Änderung).',
    );
    expect(saidParagraph(more!, BERLIN)).toContain('wartet die zweistufige Bestätigung 3 Tage, damit');
    expect(saidParagraph(more!, BERLIN)).toContain('wenden Sie sich an den Support.');
  });

  it('another waiting period changes the German sentence too', () => {
    const said = saidText(explainEligibility(waiting, 'holder', { rules: { waitingPeriodMs: 5 * DAY } }).sentence, BERLIN);
    expect(said).toContain(`läuft ${durationIn('de', 5 * DAY)} ab`);
    expect(said).toContain('läuft 5 Tage ab');
    expect(durationIn('de', WAITING_PERIOD_MS)).toBe('3 Tage');
  });

  it('says every state to every reader in every language, with no argument left unfilled', () => {
    const states: Eligibility[] = [
      { state: 'on', since: REASON_AT },
      { state: 'available', completeBy: ENDS_AT },
      { state: 'available', completeBy: null },
      { state: 'country-unavailable', countryCode: 'NP', availableFrom: ENDS_AT },
      { state: 'country-unavailable', countryCode: 'NP', availableFrom: null },
      waiting,
      { state: 'window-expired', windowEndedAt: REASON_AT, endsAt: ENDS_AT },
    ];
    for (const locale of LOCALES) {
      for (const e of states) {
        for (const audience of ['holder', 'setup', 'email', 'support'] as const) {
          const { sentence, more } = explainEligibility(e, audience, { codeDigits: 6, locale });
          const text = saidParagraph([sentence, ...(more ?? [])], { locale, timeZone: 'Asia/Tokyo' });
          expect(text, `${locale} ${e.state} ${audience}`).not.toMatch(/[{}<>]|eligibility\./);
        }
      }
    }
  });
});

describe('the waiting-period emails in French', () => {
  const base = {
    name: 'Jeanne',
    appleId: 'jeanne@example.com',
    appUrl: 'https://two-step.test',
    timeZone: 'Europe/Paris',
    language: 'fr',
  } as const;

  it('are in French, the dates in French and in the account zone', () => {
    const mail = waitingPeriodStartedEmail({ ...base, reason: 'password-changed', reasonAt: REASON_AT, endsAt: ENDS_AT });
    expect(mail.subject).toBe(
      'La configuration de la validation en deux étapes est suspendue jusqu’au 26 novembre 2026 (heure normale d’Europe centrale)',
    );
    expect(mail.text).toContain('Bonjour Jeanne,');
    expect(mail.text).toContain(
      `Le ${formatDateTime(REASON_AT, 'fr', 'Europe/Paris')}, votre mot de passe a été modifié pour l’identifiant Apple jeanne@example.com.`,
    );
    expect(mail.text).toContain('lundi 23 novembre 2026 à 11:00 heure normale d’Europe centrale');
    expect(mail.text).toContain(`vous aurez ${durationIn('fr', SETUP_WINDOW_MS)} pour terminer la configuration`);
    expect(mail.text).not.toMatch(/two-step verification|Dear|waiting period/);
  });

  it('the end of the wait names the next waiting period from the constant, in French', () => {
    const mail = waitingPeriodEndedEmail({ ...base, completeBy: ENDS_AT });
    expect(mail.text).toContain('une nouvelle période d’attente de 3 jours commence. Configurez-la à l’adresse');
    expect(mail.subject).toBe('Vous pouvez activer la validation en deux étapes dès maintenant');
  });
});
