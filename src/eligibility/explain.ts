// The ONE place that puts an eligibility state into words, for each of its readers: the holder
// (the Two-Step Verification section, and a setup step's refusal), the setup pages (why setup
// stopped), the emails and the support console. Every number in these sentences comes from the
// rule it describes (eligibility.ts), so changing a rule changes every sentence.
//
// Dates are not formatted here: a sentence is a list of parts, and a date part says what it is.
// Pages render it in the reader's own time zone (app/components/explained.tsx, LocalTime); emails
// and form messages format it with src/format.ts (partsText).
import { durationAdjective, durationText } from '../clock.ts';
import { changeName } from '../security-events/change-names.ts';
import { SETUP_WINDOW_MS, WAITING_PERIOD_MS, WINDOW_REMINDER_BEFORE_MS, type Eligibility, type WaitingReason } from './eligibility.ts';
import { regionName } from './regions.ts';
import { aDigits, formatDate, formatDateTime, formatDay, type TimeZone } from '../format.ts';
import { CONTACT_SUPPORT_PATH } from '../mail/templates.ts';

export type Part =
  | string
  /** An instant: the reader's local time on a page, the account's zone (named) in an email. */
  | { at: Date; show: 'date' | 'dateTime' }
  /** A calendar day set by the operator (00:00 UTC that day): the same day in every time zone. */
  | { day: Date }
  /** A link on a page; its text alone in an email. */
  | { link: string; text: string };

export interface Explanation {
  /** The state in one sentence (a page's state sentence, a form's message). */
  sentence: Part[];
  /** What follows it: why, and what to do. */
  more?: Part[];
}

export type Audience = 'holder' | 'setup' | 'email' | 'support';

/** The rule lengths the sentences name: the engine's own, unless a test passes others. */
export interface Rules {
  waitingPeriodMs: number;
  setupWindowMs: number;
  reminderBeforeMs: number;
}

export const RULES: Rules = {
  waitingPeriodMs: WAITING_PERIOD_MS,
  setupWindowMs: SETUP_WINDOW_MS,
  reminderBeforeMs: WINDOW_REMINDER_BEFORE_MS,
};

export interface ExplainOptions {
  /** Digits of a verification code (CODE_DIGITS, runtime): the holder's "available" sentence names them. */
  codeDigits?: number;
  /** The country's name when the caller already has it (an email's facts); else from the state's code. */
  country?: string;
  rules?: Partial<Rules>;
}

/** What started a waiting period: "your password was changed", "the 30 days to complete setup ran out". */
export function waitingReasonName(reason: WaitingReason | string, whose: 'your' | 'the' = 'your', rules: Partial<Rules> = {}): string {
  if (reason === 'setup-window-expired') return `the ${durationText({ ...RULES, ...rules }.setupWindowMs)} to complete setup ran out`;
  return changeName(reason, whose) ?? (whose === 'your' ? 'your account changed' : 'the account changed');
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const contactSupport: Part = { link: CONTACT_SUPPORT_PATH, text: 'contact support' };

/**
 * Why a waiting period started when the days to set up ran out: the same for a holder who chose
 * Get Started and one who never did (their window came from the end of a waiting period that a
 * change had started). Said on the page and in the email.
 */
export const windowExpiredWhy = (window: string) =>
  `A new waiting period starts whenever two-step verification is not turned on within the ${window} it can be set up in, whether or not setup was started. Nothing on your account changed.`;

export function explainEligibility(e: Eligibility, audience: Audience, opts: ExplainOptions = {}): Explanation {
  const rules = { ...RULES, ...opts.rules };
  const wait = durationText(rules.waitingPeriodMs);
  const window = durationText(rules.setupWindowMs);
  const at = (d: Date): Part => ({ at: d, show: 'dateTime' });
  const date = (d: Date): Part => ({ at: d, show: 'date' });
  const code = opts.codeDigits ? `${aDigits(opts.codeDigits)} code` : 'a code';

  switch (e.state) {
    case 'on':
      return audience === 'setup'
        ? { sentence: ['Two-step verification is already on, since ', date(e.since), '.'] }
        : { sentence: ['Two-step verification is on since ', date(e.since), '.'] };

    case 'available': {
      const by = e.completeBy;
      if (audience === 'holder') {
        const sentence: Part[] = [
          `Two-step verification is available for your account. After your password, you will enter ${code} sent to a phone or device you trust.`,
        ];
        return by ? { sentence, more: ['Complete setup by ', at(by), '.'] } : { sentence };
      }
      if (audience === 'support')
        return { sentence: by ? ['Setup is available and must be completed by ', at(by), '.'] : ['Setup is available.'] };
      if (!by) return { sentence: ['You can set up two-step verification now.'] };
      if (audience === 'email')
        return {
          sentence: [
            'Complete setup by ',
            at(by),
            `; after that date a new ${durationAdjective(rules.waitingPeriodMs)} waiting period starts.`,
          ],
        };
      return { sentence: ['Complete setup by ', at(by), ': after that, a new waiting period starts.'] };
    }

    case 'country-unavailable': {
      const country = opts.country ?? regionName(e.countryCode) ?? e.countryCode;
      const from = e.availableFrom;
      switch (audience) {
        case 'holder': {
          const sentence: Part[] = [`Two-step verification is not yet offered in ${country}, the country or region of your account.`];
          return from
            ? { sentence: [...sentence, ' It becomes available there on ', { day: from }, '.'] }
            : { sentence, more: ['It will appear here as soon as it is offered there.'] };
        }
        case 'setup':
          return from
            ? {
                sentence: [
                  `Setup cannot continue: two-step verification is not yet offered in ${country}. It becomes available there on `,
                  { day: from },
                  '.',
                ],
              }
            : {
                sentence: [
                  `Setup cannot continue: two-step verification is not offered in ${country}, the country or region of your account.`,
                ],
              };
        case 'email':
          return {
            sentence: [
              `Two-step verification is not offered yet in ${country}, the country or region of your account`,
              ...(from ? ['; it will be from ', { day: from }] : []),
              '.',
            ],
          };
        case 'support':
          return {
            sentence: [
              `Not offered in the account's country or region (${e.countryCode}) `,
              ...(from ? ['until ', { day: from }] : ['yet']),
              '.',
            ],
          };
      }
      break;
    }

    case 'waiting': {
      switch (audience) {
        case 'holder':
          return {
            sentence: [
              'Setup is paused until ',
              at(e.endsAt),
              `, because ${waitingReasonName(e.reason)} on `,
              at(e.reasonAt),
              ` (the latest significant change: the wait runs ${wait} from it).`,
            ],
            more: [
              `After a significant change, two-step verification waits ${wait} so that you can make sure you are the only person changing your account. You can use your account as usual meanwhile. We emailed every address on file; if you did not make this change, `,
              contactSupport,
              '.',
            ],
          };
        case 'setup':
          return {
            sentence: [
              `Setup stopped: ${waitingReasonName(e.reason)} on `,
              at(e.reasonAt),
              ', so setup is paused until ',
              at(e.endsAt),
              '. After that, choose Get Started again.',
            ],
          };
        case 'email':
          return { sentence: ['As a security measure, two-step verification cannot be set up for this account until ', at(e.endsAt), '.'] };
        case 'support':
          return {
            sentence: [
              'Waiting period: setup paused until ',
              at(e.endsAt),
              `. Cause: ${waitingReasonName(e.reason, 'the')} on `,
              at(e.reasonAt),
              '.',
            ],
          };
      }
      break;
    }

    case 'window-expired': {
      switch (audience) {
        case 'holder':
          return {
            sentence: [
              `The ${window} to complete setup ended on `,
              at(e.windowEndedAt),
              ', so a new waiting period started. You can set up two-step verification after ',
              at(e.endsAt),
              '.',
            ],
            // The window runs from the end of a waiting period whether or not Get Started was chosen,
            // so this must read right for a holder who never started: nobody changed anything.
            more: [windowExpiredWhy(window), ' We emailed every address on file.'],
          };
        case 'setup':
          return {
            sentence: [
              `Setup stopped: the ${window} to complete it ended on `,
              at(e.windowEndedAt),
              ', so a new waiting period started. You can set up two-step verification after ',
              at(e.endsAt),
              '.',
            ],
          };
        case 'email':
          return { sentence: ['As a security measure, two-step verification cannot be set up for this account until ', at(e.endsAt), '.'] };
        case 'support':
          return {
            sentence: [
              `The ${window} to complete setup ended on `,
              at(e.windowEndedAt),
              '; a new waiting period runs until ',
              at(e.endsAt),
              '.',
            ],
          };
      }
      break;
    }
  }
  throw new Error(`explainEligibility: no sentence for ${e.state} (${audience})`);
}

/** Support's facts list: what started the latest waiting period, "The password was changed". */
export const waitingReasonLabel = (reason: string, rules: Partial<Rules> = {}) => capital(waitingReasonName(reason, 'the', rules));

/**
 * Parts as plain text for an email or a form message: instants in the account's zone, named (UTC,
 * said as "UTC", when none is known); links by their text.
 */
export function partsText(parts: readonly Part[], timeZone: TimeZone = null): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      if ('day' in p) return formatDay(p.day);
      if ('link' in p) return p.text;
      return p.show === 'date' ? formatDate(p.at, 'en-US', timeZone) : formatDateTime(p.at, 'en-US', timeZone);
    })
    .join('');
}
