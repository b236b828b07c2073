// The eligibility explainer with fixed dates: every state in the words of each reader (the holder,
// the setup pages, the emails, support), and every rule length in a sentence follows its constant.
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, durationAdjective, durationText } from '../../src/clock.ts';
import { SETUP_WINDOW_MS, WAITING_PERIOD_MS, type Eligibility } from '../../src/eligibility/eligibility.ts';
import {
  explainEligibility,
  partsText,
  saidParagraph,
  saidText,
  waitingReasonLabel,
  type Audience,
} from '../../src/eligibility/explain.ts';
import { setupWindowClosingEmail, waitingPeriodEndedEmail, waitingPeriodStartedEmail } from '../../src/eligibility/emails.ts';
import { changeName } from '../../src/security-events/change-names.ts';
import { SIGNIFICANT_CHANGE_KINDS } from '../../src/security-events/record.ts';

const d = (s: string) => new Date(s);
const REASON_AT = d('2026-11-23T10:00:00Z');
const ENDS_AT = d('2026-11-26T10:00:00Z');
const COMPLETE_BY = d('2026-12-26T10:00:00Z');
const SINCE = d('2026-01-02T03:04:05Z');
const FROM = d('2027-03-01T00:00:00Z');

const STATES: Record<string, Eligibility> = {
  on: { state: 'on', since: SINCE },
  available: { state: 'available', completeBy: COMPLETE_BY },
  'available, no deadline': { state: 'available', completeBy: null },
  'country scheduled': { state: 'country-unavailable', countryCode: 'NP', availableFrom: FROM },
  'country not listed': { state: 'country-unavailable', countryCode: 'NP', availableFrom: null },
  waiting: { state: 'waiting', endsAt: ENDS_AT, reason: 'rescue-email-changed', reasonAt: REASON_AT },
  'window-expired': { state: 'window-expired', windowEndedAt: REASON_AT, endsAt: ENDS_AT },
};

/** Each state in each reader's words, dates in UTC: the whole of what every renderer shows. */
const EXPECTED: Record<string, Record<Audience, string>> = {
  on: {
    holder: 'Two-step verification is on since January 2, 2026 (UTC).',
    setup: 'Two-step verification is already on, since January 2, 2026 (UTC).',
    email: 'Two-step verification is on since January 2, 2026 (UTC).',
    support: 'Two-step verification is on since January 2, 2026 (UTC).',
  },
  available: {
    holder:
      'Two-step verification is available for your account. After your password, you will enter a 6-digit code sent to a phone or device you trust. | Complete setup by Saturday, December 26, 2026 at 10:00 AM UTC.',
    setup: 'Complete setup by Saturday, December 26, 2026 at 10:00 AM UTC: after that, a new waiting period starts.',
    email: 'Complete setup by Saturday, December 26, 2026 at 10:00 AM UTC; after that date a new 3-day waiting period starts.',
    support: 'Setup is available and must be completed by Saturday, December 26, 2026 at 10:00 AM UTC.',
  },
  'available, no deadline': {
    holder:
      'Two-step verification is available for your account. After your password, you will enter a 6-digit code sent to a phone or device you trust.',
    setup: 'You can set up two-step verification now.',
    email: 'You can set up two-step verification now.',
    support: 'Setup is available.',
  },
  'country scheduled': {
    holder:
      'Two-step verification is not yet offered in Nepal, the country or region of your account. It becomes available there on March 1, 2027.',
    setup: 'Setup cannot continue: two-step verification is not yet offered in Nepal. It becomes available there on March 1, 2027.',
    email: 'Two-step verification is not offered yet in Nepal, the country or region of your account; it will be from March 1, 2027.',
    support: "Not offered in the account's country or region (NP) until March 1, 2027.",
  },
  'country not listed': {
    holder:
      'Two-step verification is not yet offered in Nepal, the country or region of your account. | It will appear here as soon as it is offered there.',
    setup: 'Setup cannot continue: two-step verification is not offered in Nepal, the country or region of your account.',
    email: 'Two-step verification is not offered yet in Nepal, the country or region of your account.',
    support: "Not offered in the account's country or region (NP) yet.",
  },
  waiting: {
    holder:
      'Setup is paused until Thursday, November 26, 2026 at 10:00 AM UTC, because your rescue email was changed on Monday, November 23, 2026 at 10:00 AM UTC (the latest significant change: the wait runs 3 days from it). | ' +
      'After a significant change, two-step verification waits 3 days so that you can make sure you are the only person changing your account. You can use your account as usual meanwhile. We emailed every address on file; if you did not make this change, contact support.',
    setup:
      'Setup stopped: your rescue email was changed on Monday, November 23, 2026 at 10:00 AM UTC, so setup is paused until Thursday, November 26, 2026 at 10:00 AM UTC. After that, choose Get Started again.',
    email:
      'As a security measure, two-step verification cannot be set up for this account until Thursday, November 26, 2026 at 10:00 AM UTC.',
    support:
      'Waiting period: setup paused until Thursday, November 26, 2026 at 10:00 AM UTC. Cause: the rescue email was changed on Monday, November 23, 2026 at 10:00 AM UTC.',
  },
  'window-expired': {
    holder:
      'The 30 days to complete setup ended on Monday, November 23, 2026 at 10:00 AM UTC, so a new waiting period started. You can set up two-step verification after Thursday, November 26, 2026 at 10:00 AM UTC. | ' +
      'A new waiting period starts whenever two-step verification is not turned on within the 30 days it can be set up in, whether or not setup was started. Nothing on your account changed. We emailed every address on file.',
    setup:
      'Setup stopped: the 30 days to complete it ended on Monday, November 23, 2026 at 10:00 AM UTC, so a new waiting period started. You can set up two-step verification after Thursday, November 26, 2026 at 10:00 AM UTC.',
    email:
      'As a security measure, two-step verification cannot be set up for this account until Thursday, November 26, 2026 at 10:00 AM UTC.',
    support:
      'The 30 days to complete setup ended on Monday, November 23, 2026 at 10:00 AM UTC; a new waiting period runs until Thursday, November 26, 2026 at 10:00 AM UTC.',
  },
};

const AUDIENCES: Audience[] = ['holder', 'setup', 'email', 'support'];

function said(e: Eligibility, audience: Audience, opts: Parameters<typeof explainEligibility>[2] = { codeDigits: 6 }): string {
  const { sentence, more } = explainEligibility(e, audience, opts);
  return more ? `${partsText(sentence)} | ${saidParagraph(more)}` : partsText(sentence);
}

describe('explainEligibility: every state, every reader', () => {
  for (const [name, e] of Object.entries(STATES)) {
    for (const audience of AUDIENCES) {
      it(`${name}, for ${audience}`, () => {
        expect(said(e, audience)).toBe(EXPECTED[name]![audience]);
      });
    }
  }

  it('dates are moments, not text: a page renders them in the reader time zone, the country date as a calendar day', () => {
    const waiting = explainEligibility(STATES.waiting!, 'holder');
    expect(waiting.sentence.times).toEqual({ endsAt: { at: ENDS_AT, show: 'dateTime' }, reasonAt: { at: REASON_AT, show: 'dateTime' } });
    expect(explainEligibility(STATES['country scheduled']!, 'holder').sentence.times).toEqual({ from: { day: FROM } });
    expect(waiting.more?.[0]?.links).toEqual({ support: '/contact-support' });
  });

  it('names the country the caller gives (an email that has the name already)', () => {
    expect(said(STATES['country not listed']!, 'email', { country: 'Bhutan' })).toContain('not offered yet in Bhutan,');
  });
});

describe('one vocabulary for the changes', () => {
  it('every significant change has a name, for the holder and for support', () => {
    for (const kind of SIGNIFICANT_CHANGE_KINDS) {
      expect(changeName(kind)).toMatch(/^your .+ (was|were) (changed|reset)$/);
      expect(changeName(kind, 'the')).toBe(changeName(kind)!.replace(/^your/, 'the'));
    }
    expect(changeName('signed-in')).toBeNull();
  });

  it('the waiting reasons: the changes and the 30 days that ran out', () => {
    expect(changeName('password-reset')).toBe('your password was reset');
    expect(changeName('security-questions-changed', 'the')).toBe('the security questions were changed');
    expect(saidText(waitingReasonLabel('birth-date-changed'))).toBe('The birth date was changed');
    expect(saidText(waitingReasonLabel('setup-window-expired'))).toBe('The 30 days to complete setup ran out');
  });
});

describe('every number in a sentence follows its rule', () => {
  it('the rule lengths the sentences name are the engine constants', () => {
    expect(durationText(WAITING_PERIOD_MS)).toBe('3 days');
    expect(durationText(SETUP_WINDOW_MS)).toBe('30 days');
    expect(durationAdjective(WAITING_PERIOD_MS)).toBe('3-day');
    expect(durationAdjective(HOUR)).toBe('1-hour');
    expect(durationAdjective(10 * MINUTE)).toBe('10-minute');
  });

  it('another code length, wait or window changes every sentence that names it', () => {
    const rules = { waitingPeriodMs: 5 * DAY, setupWindowMs: 14 * DAY };
    expect(said(STATES.available!, 'holder', { codeDigits: 8 })).toContain('you will enter an 8-digit code');
    expect(said(STATES.available!, 'holder', {})).toContain('you will enter a code');
    const waiting = said(STATES.waiting!, 'holder', { rules });
    expect(waiting).toContain('the wait runs 5 days from it');
    expect(waiting).toContain('waits 5 days so that');
    expect(waiting).not.toContain('3 days');
    expect(said(STATES['window-expired']!, 'holder', { rules })).toMatch(/^The 14 days to complete setup ended/);
    expect(said(STATES['window-expired']!, 'setup', { rules })).toContain('the 14 days to complete it ended');
    expect(said(STATES['window-expired']!, 'support', { rules })).toMatch(/^The 14 days to complete setup ended/);
    expect(said(STATES.available!, 'email', { rules })).toContain('a new 5-day waiting period starts');
    expect(saidText(waitingReasonLabel('setup-window-expired', rules))).toBe('The 14 days to complete setup ran out');
  });

  it('when the days to set up run out, the page and the email fit a holder who never chose Get Started', () => {
    const base = { name: 'Jane', appleId: 'jane@example.com', appUrl: 'https://two-step.test', timeZone: null, language: 'en' as const };
    const mail = waitingPeriodStartedEmail({ ...base, reason: 'setup-window-expired', reasonAt: REASON_AT, endsAt: ENDS_AT }).text;
    const page = said(STATES['window-expired']!, 'holder');
    for (const text of [mail, page]) {
      expect(text).not.toMatch(/did not start|you started|someone else/i);
      expect(text).toContain('whether or not setup was started. Nothing on your account changed.');
    }
    // A change still says how to stop someone making it.
    const changed = waitingPeriodStartedEmail({ ...base, reason: 'password-changed', reasonAt: REASON_AT, endsAt: ENDS_AT }).text;
    expect(changed).toContain('If you think someone else is changing your account, contact support now');
  });

  it('the waiting-period emails name the rules too', () => {
    const base = { name: 'Jane', appleId: 'jane@example.com', appUrl: 'https://two-step.test', timeZone: null, language: 'en' as const };
    const started = waitingPeriodStartedEmail({ ...base, reason: 'setup-window-expired', reasonAt: REASON_AT, endsAt: ENDS_AT });
    expect(started.text).toContain(
      `On Monday, November 23, 2026 at 10:00 AM UTC, the ${durationText(SETUP_WINDOW_MS)} to complete setup ran out`,
    );
    expect(started.text).toContain('cannot be set up for this account until Thursday, November 26, 2026 at 10:00 AM UTC.');
    expect(started.text).toContain(`After that date you have ${durationText(SETUP_WINDOW_MS)} to complete setup at:`);
    expect(waitingPeriodEndedEmail({ ...base, completeBy: COMPLETE_BY }).text).toContain(
      `a new ${durationAdjective(WAITING_PERIOD_MS)} waiting period starts. Set it up at:`,
    );
    const closing = setupWindowClosingEmail({ ...base, completeBy: COMPLETE_BY });
    expect(closing.subject).toMatch(/^5 days left/);
    expect(closing.text).toContain('a new 3-day waiting period starts before you can try again');
  });
});
