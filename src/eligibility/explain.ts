// The ONE place that puts an eligibility state into words, for each of its readers: the holder
// (the Two-Step Verification section, and a setup step's refusal), the setup pages (why setup
// stopped), the emails and the support console. Every number in these sentences comes from the
// rule it describes (eligibility.ts), so changing a rule changes every sentence.
//
// The words are the catalogue's (messages/<locale>/eligibility.json): a sentence here is its key
// and its facts, in no language yet. Dates are not formatted here: each instant is a tag of the
// sentence (`<endsAt></endsAt>`), which a page renders in the reader's own time zone
// (app/components/explained.tsx, LocalTime) and an email or a form message writes in the account's
// zone, named (saidText). A link is a tag too: a link on a page, its text alone in an email.
import { createTranslator } from 'use-intl/core';
import { DAY } from '../clock.ts';
import { changeKey } from '../security-events/change-names.ts';
import { SETUP_WINDOW_MS, WAITING_PERIOD_MS, WINDOW_REMINDER_BEFORE_MS, type Eligibility } from './eligibility.ts';
import { regionName } from './regions.ts';
import type { TimeZone } from '../format.ts';
import { CONTACT_SUPPORT_PATH } from '../mail/templates.ts';
import { messagesFor } from '../i18n/catalogue.ts';
import { factText, formattingLocale, type Facts, type Reader } from '../i18n/translate.ts';

/** A moment a sentence names: an instant (the reader's zone), or a calendar day set by the operator (the same day everywhere). */
export type When = { at: Date; show: 'date' | 'dateTime' } | { day: Date };

/** One sentence of the catalogue, with what fills it: no language until a page or an email says it. */
export interface Said {
  /** The catalogue's key, namespace first: "eligibility.holder.waiting". */
  key: string;
  /** Its arguments: names, counts, rule lengths (src/i18n/translate.ts). */
  facts: Facts;
  /** Its moments, by tag name. */
  times?: Record<string, When>;
  /** Its links, by tag name: the path each leads to. */
  links?: Record<string, string>;
}

export interface Explanation {
  /** The state in one sentence (a page's state sentence, a form's message). */
  sentence: Said;
  /** What follows it, sentence by sentence: why, and what to do. */
  more?: Said[];
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
  /** The reader's language, for the country's name (Intl.DisplayNames); English when not given. */
  locale?: string;
  rules?: Partial<Rules>;
}

/** A rule length in whole days: English says "a 3-day waiting period" with it. */
export const wholeDays = (ms: number) => Math.round(ms / DAY);

/**
 * The rule lengths as facts: `wait` and `window` said as durations in the reader's language ("3
 * days", "3 Tage"), and `waitDays`, a count, where English says "a 3-day waiting period" (a
 * waiting period is whole days: eligibility.ts).
 */
export function ruleFacts(rules: Partial<Rules> = {}): Facts {
  const r = { ...RULES, ...rules };
  return {
    wait: { duration: r.waitingPeriodMs },
    window: { duration: r.setupWindowMs },
    waitDays: wholeDays(r.waitingPeriodMs),
  };
}

/** What started a waiting period, as the catalogue's sentences choose it (`{reason, select, …}`). */
export const reasonKey = (reason: string) => changeKey(reason);

const at = (d: Date): When => ({ at: d, show: 'dateTime' });

export function explainEligibility(e: Eligibility, audience: Audience, opts: ExplainOptions = {}): Explanation {
  const rules = ruleFacts(opts.rules);
  const say = (key: string, facts: Facts = {}, times: Record<string, When> = {}, links?: Record<string, string>): Said => ({
    key: `eligibility.${audience}.${key}`,
    facts: { ...rules, ...facts },
    times,
    ...(links ? { links } : {}),
  });

  switch (e.state) {
    case 'on':
      return { sentence: say('on', {}, { since: { at: e.since, show: 'date' } }) };

    case 'available': {
      const by = e.completeBy;
      if (audience === 'holder') {
        const sentence = opts.codeDigits ? say('available', { digits: opts.codeDigits }) : say('availableAnyCode');
        return by ? { sentence, more: [say('completeBy', {}, { completeBy: at(by) })] } : { sentence };
      }
      return { sentence: by ? say('completeBy', {}, { completeBy: at(by) }) : say('availableNow') };
    }

    case 'country-unavailable': {
      const country = opts.country ?? regionName(e.countryCode, opts.locale) ?? e.countryCode;
      const facts = { country, countryCode: e.countryCode };
      const from = e.availableFrom;
      if (from) return { sentence: say('countryScheduled', facts, { from: { day: from } }) };
      return audience === 'holder'
        ? { sentence: say('countryUnlisted', facts), more: [say('countryUnlistedMore')] }
        : { sentence: say('countryUnlisted', facts) };
    }

    case 'waiting': {
      const sentence = say('waiting', { reason: reasonKey(e.reason) }, { endsAt: at(e.endsAt), reasonAt: at(e.reasonAt) });
      return audience === 'holder' ? { sentence, more: [say('waitingMore', {}, {}, { support: CONTACT_SUPPORT_PATH })] } : { sentence };
    }

    case 'window-expired': {
      const sentence = say('windowExpired', {}, { windowEndedAt: at(e.windowEndedAt), endsAt: at(e.endsAt) });
      // The window runs from the end of a waiting period whether or not Get Started was chosen,
      // so this must read right for a holder who never started: nobody changed anything.
      return audience === 'holder' ? { sentence, more: [windowExpiredWhy(opts.rules), say('emailedEveryone')] } : { sentence };
    }
  }
}

/**
 * Why a waiting period started when the days to set up ran out: the same for a holder who chose
 * Get Started and one who never did (their window came from the end of a waiting period that a
 * change had started). Said on the page and in the email.
 */
export const windowExpiredWhy = (rules: Partial<Rules> = {}): Said => ({ key: 'eligibility.windowExpiredWhy', facts: ruleFacts(rules) });

/** Support's facts list: what started the latest waiting period, "The password was changed". */
export const waitingReasonLabel = (reason: string, rules: Partial<Rules> = {}): Said => ({
  key: 'changes.theirs',
  facts: { change: reasonKey(reason), ...ruleFacts(rules) },
});

const ENGLISH_UTC: Reader = { locale: 'en', timeZone: null };

/** A moment as text: an instant in the reader's zone, named; a calendar day as that day. */
function whenText(w: When, reader: Reader): string {
  return String(factText('day' in w ? { day: w.day } : w.show === 'date' ? { date: w.at } : { dateTime: w.at }, reader));
}

/**
 * A sentence as plain text, for an email or a form message: its moments in the reader's zone,
 * named (UTC, said as "UTC", when none is known); its links by their text.
 */
export function saidText(said: Said, reader: Reader = ENGLISH_UTC): string {
  const t = createTranslator({ locale: formattingLocale(reader.locale), messages: messagesFor(reader.locale) });
  const values: Record<string, string | number | ((chunks: string) => string)> = {};
  const markup = t.markup as (key: string, v: typeof values) => string;
  for (const [name, fact] of Object.entries(said.facts)) values[name] = factText(fact, reader);
  for (const [tag, when] of Object.entries(said.times ?? {})) values[tag] = () => whenText(when, reader);
  for (const tag of Object.keys(said.links ?? {})) values[tag] = (chunks) => chunks;
  return markup(said.key, values);
}

/** What goes between two sentences of a paragraph: a space, except in Japanese, whose sentences end with their own full stop. */
export const sentenceGap = (locale: string) => (locale === 'ja' ? '' : ' ');

/** Sentences as one paragraph of plain text. */
export const saidParagraph = (sentences: readonly Said[], reader: Reader = ENGLISH_UTC) =>
  sentences.map((s) => saidText(s, reader)).join(sentenceGap(reader.locale));

/** A sentence in English, its moments in `timeZone` (UTC when null): a refusal's own text (logs and programs read it). */
export function partsText(said: Said, timeZone: TimeZone = null): string {
  return saidText(said, { locale: 'en', timeZone });
}
