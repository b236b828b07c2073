// The emails of waiting periods and the 30 days after them (Apple's FAQ: Apple emails every address
// on file). They live beside the rules rather than in src/mail/templates.ts because their sentences
// come from the eligibility explainer (explain.ts) and name the rule lengths of eligibility.ts,
// which mail/ sits below and may not import. Plain text in the account's language (the catalogue's
// `emailsEligibility`, `eligibility` and `changes` sentences), dates in its zone; no secret, as
// every email.
import { oneLine, type EmailContent, type Zoned } from '../mail/templates.ts';
import { translator, type Reader, type Translate } from '../i18n/translate.ts';
import type { Eligibility, WaitingReason } from './eligibility.ts';
import { RULES, explainEligibility, reasonKey, ruleFacts, saidText, sentenceGap, windowExpiredWhy } from './explain.ts';

const securityPage = (appUrl: string) => `${oneLine(appUrl).replace(/\/+$/, '')}/account/security`;

/** The email's reader and its sentences. */
function writer(p: Zoned): { reader: Reader; t: Translate } {
  const reader: Reader = { locale: p.language, timeZone: p.timeZone };
  return { reader, t: translator(reader) };
}

const greeting = (t: Translate, name: string) =>
  oneLine(name) ? t('emailsEligibility.greeting', { name: oneLine(name) }) : t('emailsEligibility.greetingNoName');

/**
 * To every address on file when a waiting period starts (docs/rules.md#waiting-period), and again
 * with the new date when a later change extends it (`extended`). `countryUnavailable`: two-step is
 * not offered in the account's country by the end of the wait, so the email does NOT promise "30
 * days after that date": it says what is true for that account instead (`country`: its name in the
 * email's language).
 */
export function waitingPeriodStartedEmail(
  p: {
    name: string;
    appleId: string;
    reason: WaitingReason;
    reasonAt: Date;
    endsAt: Date;
    appUrl: string;
    extended?: boolean;
    countryUnavailable?: { country: string; availableFrom: Date | null } | null;
  } & Zoned,
): EmailContent {
  const { reader, t } = writer(p);
  const appUrl = oneLine(p.appUrl).replace(/\/+$/, '');
  const unavailable = p.countryUnavailable;
  const country = unavailable ? oneLine(unavailable.country) : '';
  const after = unavailable
    ? [
        saidText(
          explainEligibility({ state: 'country-unavailable', countryCode: country, availableFrom: unavailable.availableFrom }, 'email', {
            country,
          }).sentence,
          reader,
        ),
        t('emailsEligibility.started.untilOffered'),
      ]
    : [t('emailsEligibility.started.meanwhile', ruleFacts())];
  const state: Eligibility =
    p.reason === 'setup-window-expired'
      ? { state: 'window-expired', windowEndedAt: p.reasonAt, endsAt: p.endsAt }
      : { state: 'waiting', endsAt: p.endsAt, reason: p.reason, reasonAt: p.reasonAt };
  return {
    subject: t('emailsEligibility.started.subject', { endsAt: { date: p.endsAt } }),
    text: [
      greeting(t, p.name),
      '',
      t('changes.happenedOn', { at: { dateTime: p.reasonAt }, change: reasonKey(p.reason), appleId: oneLine(p.appleId), ...ruleFacts() }),
      '',
      ...(p.extended ? [t('emailsEligibility.started.extended')] : []),
      saidText(explainEligibility(state, 'email').sentence, reader),
      ...after,
      `${appUrl}/account/security`,
      '',
      // How to reach support follows, as in every email (src/mail/compose.ts). A window that ran
      // out was no one's change: the holder may never have started setup, so nothing to stop.
      p.reason === 'setup-window-expired' ? saidText(windowExpiredWhy(), reader) : t('emailsEligibility.started.stopThem'),
      '',
      'Two-Step',
      '',
    ].join('\n'),
  };
}

/** Scheduled for the end of a waiting period, to every address on file. */
export function waitingPeriodEndedEmail(p: { name: string; appleId: string; completeBy: Date; appUrl: string } & Zoned): EmailContent {
  const { reader, t } = writer(p);
  const completeBy = saidText(explainEligibility({ state: 'available', completeBy: p.completeBy }, 'email').sentence, reader);
  return {
    subject: t('emailsEligibility.ended.subject'),
    text: [
      greeting(t, p.name),
      '',
      t('emailsEligibility.ended.over', { appleId: oneLine(p.appleId) }),
      `${completeBy}${sentenceGap(p.language)}${t('emailsEligibility.ended.setItUp')}`,
      securityPage(p.appUrl),
      '',
      'Two-Step',
      '',
    ].join('\n'),
  };
}

/** Scheduled WINDOW_REMINDER_BEFORE_MS before the 30 days to complete setup run out, to every address on file. */
export function setupWindowClosingEmail(p: { name: string; appleId: string; completeBy: Date; appUrl: string } & Zoned): EmailContent {
  const { t } = writer(p);
  return {
    subject: t('emailsEligibility.closing.subject', { left: { duration: RULES.reminderBeforeMs }, completeBy: { date: p.completeBy } }),
    text: [
      greeting(t, p.name),
      '',
      t('emailsEligibility.closing.until', { appleId: oneLine(p.appleId), completeBy: { dateTime: p.completeBy } }),
      t('emailsEligibility.closing.newWait', ruleFacts()),
      securityPage(p.appUrl),
      '',
      'Two-Step',
      '',
    ].join('\n'),
  };
}
