// The eligibility engine: may this account set up two-step verification now, and if not, why and
// until when? ONE pure function of facts and the time (no database, no clock, no I/O), so every
// rule can be tested with fixed dates. src/eligibility/waiting-periods.ts reads the facts, runs it
// and persists what it decides.
//
// Times are instants (Date). There is no calendar or time-zone arithmetic anywhere: 3 days is 72 h
// to the millisecond and 30 days is 720 h, so the outcome is the same in every time zone and across
// daylight-saving changes.
import { DAY } from '../clock.ts';
import { SIGNIFICANT_CHANGE_KINDS, type SignificantChangeKind } from '../security-events/kinds.ts';

/** The users' reports (docs/rules.md#waiting-period): "you may have to wait at least 3 days from the time you changed your password". */
export const WAITING_PERIOD_MS = 3 * DAY;
/** Apple's FAQ (docs/rules.md#the-30-days-after-a-wait): "When your waiting period is over, you have 30 days to complete setup". */
export const SETUP_WINDOW_MS = 30 * DAY;
/**
 * (ours) How long a waiting period counts once its 30-day window closed unused: a period that
 * STARTED more than this long ago no longer counts at all, and the account is treated as one with
 * no recent significant change (Apple's FAQ only stops setup after changes "recently made"; a year
 * with no change is not recent). Before that, an unused window that ran out starts a new waiting
 * period (Apple's FAQ: "If you attempt to complete setup after 30 days have passed ... another
 * waiting period might be triggered").
 */
export const PERIOD_FORGOTTEN_AFTER_MS = 365 * DAY;
/** (ours) The reminder before the 30-day window closes goes this long before it closes. */
export const WINDOW_REMINDER_BEFORE_MS = 5 * DAY;

export type WaitingReason = SignificantChangeKind | 'setup-window-expired';

export function isWaitingReason(s: string): s is WaitingReason {
  return s === 'setup-window-expired' || (SIGNIFICANT_CHANGE_KINDS as readonly string[]).includes(s);
}

/** A waiting period as stored (a WaitingPeriod row). */
export interface WaitingPeriodFacts {
  id: string;
  reason: WaitingReason;
  /** When the change that started it was made (or when the setup window ended). */
  reasonAt: Date;
  startedAt: Date;
  /** Setup may proceed from this instant on (exclusive end of the period). */
  endsAt: Date;
  /** endsAt + 30 days: setup must be completed before this instant. */
  windowEndsAt: Date;
}

/** A waiting period the engine decided to start; the caller persists it (and sends its email). */
export interface NewWaitingPeriod {
  reason: WaitingReason;
  reasonAt: Date;
  startedAt: Date;
  endsAt: Date;
  windowEndsAt: Date;
}

export interface EligibilityInput {
  now: Date;
  countryCode: string;
  /** null: the country is not in the availability list. */
  countryAvailableFrom: Date | null;
  twoStepEnabledAt: Date | null;
  latestWaitingPeriod: WaitingPeriodFacts | null;
  /** A setup in progress ("Get Started" was chosen), or null. */
  setup: { startedAt: Date; deadline: Date } | null;
}

export type Eligibility =
  | { state: 'on'; since: Date }
  /** availableFrom: a future date when the country is scheduled; null when it is not in the list. */
  | { state: 'country-unavailable'; countryCode: string; availableFrom: Date | null }
  | { state: 'waiting'; endsAt: Date; reason: SignificantChangeKind; reasonAt: Date }
  /** The setup window ran out at windowEndedAt; a new waiting period runs to endsAt. */
  | { state: 'window-expired'; windowEndedAt: Date; endsAt: Date }
  /** completeBy: the end of the 30-day window when one is running, else null (no deadline yet). */
  | { state: 'available'; completeBy: Date | null };

export type EligibilityState = Eligibility['state'];

function plus(d: Date, ms: number): Date {
  return new Date(d.getTime() + ms);
}

/** A new waiting period: 3 days from `startedAt`, then the 30-day window. */
function newPeriod(reason: WaitingReason, reasonAt: Date, startedAt: Date): NewWaitingPeriod {
  const endsAt = plus(startedAt, WAITING_PERIOD_MS);
  return { reason, reasonAt, startedAt, endsAt, windowEndsAt: plus(endsAt, SETUP_WINDOW_MS) };
}

export function eligibility(input: EligibilityInput): { eligibility: Eligibility; startWaitingPeriod: NewWaitingPeriod | null } {
  const { now, latestWaitingPeriod: latest, setup } = input;
  const t = now.getTime();

  // 1. Two-step is on: nothing else matters (ours: the page shows its state, not a setup offer).
  if (input.twoStepEnabledAt) {
    return { eligibility: { state: 'on', since: input.twoStepEnabledAt }, startWaitingPeriod: null };
  }

  // 2. Country/region (Apple's list, rollout dates from the 2013 rollout reports): not in the
  //    list, or scheduled for a later date → unavailable, saying until when when a date is known
  //    (ours: the page says why and until when, docs/rules.md#password-and-security-page).
  const from = input.countryAvailableFrom;
  if (from === null || from.getTime() > t) {
    return {
      eligibility: { state: 'country-unavailable', countryCode: input.countryCode, availableFrom: from },
      startWaitingPeriod: null,
    };
  }

  // 3. A waiting period is running (Apple's FAQ: "Apple doesn't allow setup of two-step
  //    verification to proceed if significant changes were recently made"; the users' reports: "at
  //    least 3 days"). At exactly endsAt it is over: 3 days means 3 × 24 h to the millisecond.
  if (latest && t < latest.endsAt.getTime()) {
    const reason = latest.reason;
    if (reason === 'setup-window-expired') {
      return { eligibility: { state: 'window-expired', windowEndedAt: latest.reasonAt, endsAt: latest.endsAt }, startWaitingPeriod: null };
    }
    return { eligibility: { state: 'waiting', endsAt: latest.endsAt, reason, reasonAt: latest.reasonAt }, startWaitingPeriod: null };
  }

  // 4. A setup in progress whose window ran out (Apple's FAQ: "If you attempt to complete setup after
  //    30 days have passed ... another waiting period might be triggered"): a new waiting period
  //    starts now. At exactly the deadline the window is over.
  if (setup && t >= setup.deadline.getTime()) {
    const period = newPeriod('setup-window-expired', setup.deadline, now);
    return {
      eligibility: { state: 'window-expired', windowEndedAt: setup.deadline, endsAt: period.endsAt },
      startWaitingPeriod: period,
    };
  }

  // 4b. No setup was started and the 30 days after the latest waiting period ran out (Apple's FAQ:
  //    "When your waiting period is over, you have 30 days to complete setup"; the 30 days run from
  //    the end of the wait whether or not Get Started was chosen): a new waiting period starts now,
  //    unless that period started so long ago that it no longer counts (PERIOD_FORGOTTEN_AFTER_MS).
  if (!setup && latest && t >= latest.windowEndsAt.getTime() && t - latest.startedAt.getTime() < PERIOD_FORGOTTEN_AFTER_MS) {
    const period = newPeriod('setup-window-expired', latest.windowEndsAt, now);
    return {
      eligibility: { state: 'window-expired', windowEndedAt: latest.windowEndsAt, endsAt: period.endsAt },
      startWaitingPeriod: period,
    };
  }

  // 5. Available (docs/rules.md#waiting-period: no recent significant change, no waiting period;
  //    setup starts at once). completeBy: the setup's own deadline, else the 30-day window after
  //    the latest period while it runs (docs/rules.md#the-30-days-after-a-wait), else none.
  const completeBy = setup?.deadline ?? (latest && t < latest.windowEndsAt.getTime() ? latest.windowEndsAt : null);
  return { eligibility: { state: 'available', completeBy }, startWaitingPeriod: null };
}

/**
 * What a significant change does to the waiting periods (two-step off):
 * - made while a period runs (change.at < endsAt): the SAME period is extended to 3 days after this
 *   change (the users' reports: 3 days "from the time you changed your password") and now names THIS change
 *   and its date (the page and the email say why with the latest change). It never moves earlier
 *   (ours). `endsAtMoved`: the end date changed, so the caller emails the new date (one email per
 *   distinct end date, never one per page view).
 * - otherwise, including inside the 30-day window after a period (Apple's FAQ: "or you made
 *   significant changes to your account during that time, another waiting period might be
 *   triggered") and long after it: a new period starts at the change.
 */
export function waitingPeriodForChange(
  latest: WaitingPeriodFacts | null,
  change: { kind: SignificantChangeKind; at: Date },
):
  | { extend: { id: string; reason: SignificantChangeKind; reasonAt: Date; endsAt: Date; windowEndsAt: Date; endsAtMoved: boolean } }
  | { start: NewWaitingPeriod } {
  if (latest && change.at.getTime() < latest.endsAt.getTime()) {
    const endsAt = new Date(Math.max(latest.endsAt.getTime(), change.at.getTime() + WAITING_PERIOD_MS));
    return {
      extend: {
        id: latest.id,
        reason: change.kind,
        reasonAt: change.at,
        endsAt,
        windowEndsAt: plus(endsAt, SETUP_WINDOW_MS),
        endsAtMoved: endsAt.getTime() !== latest.endsAt.getTime(),
      },
    };
  }
  return { start: newPeriod(change.kind, change.at, change.at) };
}

/**
 * The deadline of a setup started at `now` ("Get Started"): the end of the running 30-day window
 * after the latest waiting period (docs/rules.md#eligibility-and-waiting-periods), or 30 days from
 * now when no window runs (ours: the same 30 days for an account that never had to wait).
 */
export function setupDeadline(latest: WaitingPeriodFacts | null, now: Date): Date {
  return latest && now.getTime() < latest.windowEndsAt.getTime() ? latest.windowEndsAt : plus(now, SETUP_WINDOW_MS);
}
