// The emails of waiting periods and the 30 days after them (Apple's FAQ: Apple emails every address
// on file). They live beside the rules rather than in src/mail/templates.ts because their sentences
// come from the eligibility explainer (explain.ts) and name the rule lengths of eligibility.ts,
// which mail/ sits below and may not import. Plain text; no secret, as every email.
import { durationAdjective, durationText } from '../clock.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { oneLine, type EmailContent, type Zoned } from '../mail/templates.ts';
import type { Eligibility, WaitingReason } from './eligibility.ts';
import { RULES, explainEligibility, partsText, waitingReasonName, windowExpiredWhy } from './explain.ts';

const securityPage = (appUrl: string) => `${oneLine(appUrl).replace(/\/+$/, '')}/account/security`;

/**
 * To every address on file when a waiting period starts (docs/rules.md#waiting-period), and again
 * with the new date when a later change extends it (`extended`). `countryUnavailable`: two-step is
 * not offered in the account's country by the end of the wait, so the email does NOT promise "30
 * days after that date": it says what is true for that account instead.
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
  const appUrl = oneLine(p.appUrl).replace(/\/+$/, '');
  const unavailable = p.countryUnavailable;
  const country = unavailable ? oneLine(unavailable.country) : '';
  const after = unavailable
    ? [
        partsText(
          explainEligibility({ state: 'country-unavailable', countryCode: country, availableFrom: unavailable.availableFrom }, 'email', {
            country,
          }).sentence,
          p.timeZone,
        ),
        'Until it is, you cannot set it up; your Password and Security page can email you when it is offered:',
      ]
    : [
        `You can keep using your account as usual in the meantime. After that date you have ${durationText(RULES.setupWindowMs)} to complete setup at:`,
      ];
  const state: Eligibility =
    p.reason === 'setup-window-expired'
      ? { state: 'window-expired', windowEndedAt: p.reasonAt, endsAt: p.endsAt }
      : { state: 'waiting', endsAt: p.endsAt, reason: p.reason, reasonAt: p.reasonAt };
  return {
    subject: `Two-step verification setup is paused until ${formatDate(p.endsAt, 'en-US', p.timeZone)}`,
    text: [
      `Dear ${oneLine(p.name) || 'there'},`,
      '',
      `On ${formatDateTime(p.reasonAt, 'en-US', p.timeZone)}, ${waitingReasonName(p.reason)} for the Apple ID ${oneLine(p.appleId)}.`,
      '',
      ...(p.extended
        ? ['This change came during a waiting period, so the waiting period now ends later than our earlier email said.']
        : []),
      partsText(explainEligibility(state, 'email').sentence, p.timeZone),
      ...after,
      `${appUrl}/account/security`,
      '',
      // How to reach support follows, as in every email (src/mail/compose.ts). A window that ran
      // out was no one's change: the holder may never have started setup, so nothing to stop.
      p.reason === 'setup-window-expired'
        ? windowExpiredWhy(durationText(RULES.setupWindowMs))
        : 'If you think someone else is changing your account, contact support now: this waiting period is there so you can stop them.',
      '',
      'Two-Step',
      '',
    ].join('\n'),
  };
}

/** Scheduled for the end of a waiting period, to every address on file. */
export function waitingPeriodEndedEmail(p: { name: string; appleId: string; completeBy: Date; appUrl: string } & Zoned): EmailContent {
  return {
    subject: 'You can turn on two-step verification now',
    text: [
      `Dear ${oneLine(p.name) || 'there'},`,
      '',
      `The waiting period of the Apple ID ${oneLine(p.appleId)} is over: you can turn on two-step verification now.`,
      `${partsText(explainEligibility({ state: 'available', completeBy: p.completeBy }, 'email').sentence, p.timeZone)} Set it up at:`,
      securityPage(p.appUrl),
      '',
      'Two-Step',
      '',
    ].join('\n'),
  };
}

/** Scheduled WINDOW_REMINDER_BEFORE_MS before the 30 days to complete setup run out, to every address on file. */
export function setupWindowClosingEmail(p: { name: string; appleId: string; completeBy: Date; appUrl: string } & Zoned): EmailContent {
  return {
    subject: `${durationText(RULES.reminderBeforeMs)} left to turn on two-step verification, until ${formatDate(p.completeBy, 'en-US', p.timeZone)}`,
    text: [
      `Dear ${oneLine(p.name) || 'there'},`,
      '',
      `You can turn on two-step verification for the Apple ID ${oneLine(p.appleId)} until ${formatDateTime(p.completeBy, 'en-US', p.timeZone)}.`,
      `If setup is not complete by then, a new ${durationAdjective(RULES.waitingPeriodMs)} waiting period starts before you can try again. Set it up at:`,
      securityPage(p.appUrl),
      '',
      'Two-Step',
      '',
    ].join('\n'),
  };
}
