// The eligibility engine with fixed dates: every rule, their order, and the edges of each period.
import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../src/clock.ts';
import {
  PERIOD_FORGOTTEN_AFTER_MS,
  SETUP_WINDOW_MS,
  WAITING_PERIOD_MS,
  eligibility,
  isWaitingReason,
  setupDeadline,
  waitingPeriodForChange,
  type EligibilityInput,
  type WaitingPeriodFacts,
} from '../../src/eligibility/eligibility.ts';

const d = (s: string) => new Date(s);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

const US_FROM = d('2013-03-21T00:00:00Z');
const NOW = d('2026-11-23T10:00:00Z');

function input(over: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    now: NOW,
    countryCode: 'US',
    countryAvailableFrom: US_FROM,
    twoStepEnabledAt: null,
    latestWaitingPeriod: null,
    setup: null,
    ...over,
  };
}

/** A period started by a change at `at`, as waitingPeriodForChange would store it. */
function periodFrom(at: Date, over: Partial<WaitingPeriodFacts> = {}): WaitingPeriodFacts {
  const endsAt = plus(at, 3 * DAY);
  return { id: 'wp1', reason: 'password-changed', reasonAt: at, startedAt: at, endsAt, windowEndsAt: plus(endsAt, 30 * DAY), ...over };
}

describe('constants', () => {
  it('waits 3 days and then gives 30 days (docs/rules.md#waiting-period), in exact hours', () => {
    expect(WAITING_PERIOD_MS).toBe(72 * HOUR);
    expect(SETUP_WINDOW_MS).toBe(720 * HOUR);
  });

  it('knows the waiting reasons', () => {
    expect(isWaitingReason('password-reset')).toBe(true);
    expect(isWaitingReason('setup-window-expired')).toBe(true);
    expect(isWaitingReason('signed-in')).toBe(false);
  });
});

describe('eligibility', () => {
  it('is available at once with no waiting period and no setup (no recent change)', () => {
    expect(eligibility(input())).toEqual({ eligibility: { state: 'available', completeBy: null }, startWaitingPeriod: null });
  });

  describe('rule 1: two-step on', () => {
    it('wins over everything else', () => {
      const since = d('2026-01-02T03:04:05Z');
      const everythingWrong = input({
        twoStepEnabledAt: since,
        countryAvailableFrom: null,
        latestWaitingPeriod: periodFrom(plus(NOW, -HOUR)),
        setup: { startedAt: plus(NOW, -40 * DAY), deadline: plus(NOW, -10 * DAY) },
      });
      expect(eligibility(everythingWrong)).toEqual({ eligibility: { state: 'on', since }, startWaitingPeriod: null });
    });
  });

  describe('rule 2: country/region', () => {
    it('a country not in the list is unavailable with no date', () => {
      expect(eligibility(input({ countryCode: 'KP', countryAvailableFrom: null })).eligibility).toEqual({
        state: 'country-unavailable',
        countryCode: 'KP',
        availableFrom: null,
      });
    });

    it('a country scheduled in the future reports that date', () => {
      const from = d('2027-02-01T00:00:00Z');
      expect(eligibility(input({ countryCode: 'NP', countryAvailableFrom: from })).eligibility).toEqual({
        state: 'country-unavailable',
        countryCode: 'NP',
        availableFrom: from,
      });
    });

    it('is available from exactly its availableFrom instant', () => {
      expect(eligibility(input({ countryAvailableFrom: NOW })).eligibility.state).toBe('available');
      expect(eligibility(input({ countryAvailableFrom: plus(NOW, 1) })).eligibility).toMatchObject({
        state: 'country-unavailable',
        availableFrom: plus(NOW, 1),
      });
    });

    it('comes before a running waiting period and an expired setup', () => {
      const result = eligibility(
        input({
          countryAvailableFrom: null,
          latestWaitingPeriod: periodFrom(plus(NOW, -HOUR)),
          setup: { startedAt: plus(NOW, -40 * DAY), deadline: plus(NOW, -DAY) },
        }),
      );
      expect(result).toEqual({
        eligibility: { state: 'country-unavailable', countryCode: 'US', availableFrom: null },
        startWaitingPeriod: null,
      });
    });
  });

  describe('rule 3: a running waiting period', () => {
    const changeAt = d('2026-11-20T10:00:00Z');
    const p = periodFrom(changeAt, { reason: 'security-questions-changed' });

    it('waits until endsAt, naming the change', () => {
      expect(eligibility(input({ now: plus(changeAt, HOUR), latestWaitingPeriod: p }))).toEqual({
        eligibility: { state: 'waiting', endsAt: d('2026-11-23T10:00:00Z'), reason: 'security-questions-changed', reasonAt: changeAt },
        startWaitingPeriod: null,
      });
    });

    it('still waits 1 ms before exactly 3 days (72 h) after the change', () => {
      expect(eligibility(input({ now: plus(changeAt, 72 * HOUR - 1), latestWaitingPeriod: p })).eligibility.state).toBe('waiting');
    });

    it('is available at exactly 3 days (72 h) after the change, with the 30-day window as completeBy', () => {
      expect(eligibility(input({ now: plus(changeAt, 72 * HOUR), latestWaitingPeriod: p }))).toEqual({
        eligibility: { state: 'available', completeBy: d('2026-12-23T10:00:00Z') },
        startWaitingPeriod: null,
      });
    });

    it('a period started by an expired setup window reports window-expired', () => {
      const windowEnded = d('2026-11-22T08:00:00Z');
      const expired = periodFrom(d('2026-11-23T09:00:00Z'), { reason: 'setup-window-expired', reasonAt: windowEnded });
      expect(eligibility(input({ latestWaitingPeriod: expired }))).toEqual({
        eligibility: { state: 'window-expired', windowEndedAt: windowEnded, endsAt: expired.endsAt },
        startWaitingPeriod: null,
      });
    });

    it('comes before an expired setup (no second period while one runs)', () => {
      const now = plus(changeAt, DAY);
      const result = eligibility(
        input({ now, latestWaitingPeriod: p, setup: { startedAt: plus(now, -40 * DAY), deadline: plus(now, -DAY) } }),
      );
      expect(result.startWaitingPeriod).toBeNull();
      expect(result.eligibility.state).toBe('waiting');
    });
  });

  describe('rule 4: the setup window ran out', () => {
    const startedAt = d('2026-10-01T12:00:00Z');
    const deadline = d('2026-10-31T12:00:00Z');

    it('at exactly the deadline the window is over and a new 3-day period starts now', () => {
      expect(eligibility(input({ now: deadline, setup: { startedAt, deadline } }))).toEqual({
        eligibility: { state: 'window-expired', windowEndedAt: deadline, endsAt: d('2026-11-03T12:00:00Z') },
        startWaitingPeriod: {
          reason: 'setup-window-expired',
          reasonAt: deadline,
          startedAt: deadline,
          endsAt: d('2026-11-03T12:00:00Z'),
          windowEndsAt: d('2026-12-03T12:00:00Z'),
        },
      });
    });

    it('the period runs from when the expiry is noticed, not from the deadline', () => {
      const result = eligibility(input({ now: NOW, setup: { startedAt, deadline } }));
      expect(result.startWaitingPeriod).toEqual({
        reason: 'setup-window-expired',
        reasonAt: deadline,
        startedAt: NOW,
        endsAt: plus(NOW, 3 * DAY),
        windowEndsAt: plus(NOW, 33 * DAY),
      });
      expect(result.eligibility).toEqual({ state: 'window-expired', windowEndedAt: deadline, endsAt: plus(NOW, 3 * DAY) });
    });

    it('1 ms before the deadline setup is still available, to be completed by the deadline', () => {
      expect(eligibility(input({ now: plus(deadline, -1), setup: { startedAt, deadline } }))).toEqual({
        eligibility: { state: 'available', completeBy: deadline },
        startWaitingPeriod: null,
      });
    });

    it('an ended waiting period does not stop the expiry of a later setup', () => {
      const old = periodFrom(d('2026-09-01T00:00:00Z'));
      const result = eligibility(input({ now: deadline, latestWaitingPeriod: old, setup: { startedAt, deadline } }));
      expect(result.eligibility.state).toBe('window-expired');
      expect(result.startWaitingPeriod?.reason).toBe('setup-window-expired');
    });
  });

  describe('rule 5: available, and completeBy', () => {
    it('a setup in progress: its deadline', () => {
      const deadline = plus(NOW, 5 * DAY);
      const old = periodFrom(plus(NOW, -10 * DAY)); // its window ends later than the setup's deadline
      expect(eligibility(input({ latestWaitingPeriod: old, setup: { startedAt: plus(NOW, -25 * DAY), deadline } })).eligibility).toEqual({
        state: 'available',
        completeBy: deadline,
      });
    });

    it('no setup, inside the 30-day window after a period: the window end', () => {
      const p = periodFrom(plus(NOW, -10 * DAY));
      expect(eligibility(input({ latestWaitingPeriod: p })).eligibility).toEqual({ state: 'available', completeBy: p.windowEndsAt });
    });

    it('no setup, at exactly the window end: the 30 days ran out although Get Started was never chosen, so a new waiting period starts (docs/rules.md#the-30-days-after-a-wait)', () => {
      const p = periodFrom(plus(NOW, -33 * DAY));
      expect(p.windowEndsAt).toEqual(NOW);
      expect(eligibility(input({ latestWaitingPeriod: p }))).toEqual({
        eligibility: { state: 'window-expired', windowEndedAt: p.windowEndsAt, endsAt: plus(NOW, 3 * DAY) },
        startWaitingPeriod: {
          reason: 'setup-window-expired',
          reasonAt: p.windowEndsAt,
          startedAt: NOW,
          endsAt: plus(NOW, 3 * DAY),
          windowEndsAt: plus(NOW, 33 * DAY),
        },
      });
      // 1 ms before: still available, to be completed by the window end.
      expect(eligibility(input({ now: plus(NOW, -1), latestWaitingPeriod: p })).eligibility).toEqual({
        state: 'available',
        completeBy: NOW,
      });
    });

    it('password changed, wait over, Get Started never chosen, 31 days later: a new waiting period with its date', () => {
      const changedAt = d('2026-10-01T09:00:00Z');
      const p = periodFrom(changedAt); // ends 2026-10-04 09:00, window to 2026-11-03 09:00
      const now = plus(p.endsAt, 31 * DAY);
      const result = eligibility(input({ now, latestWaitingPeriod: p }));
      expect(result.eligibility).toEqual({ state: 'window-expired', windowEndedAt: d('2026-11-03T09:00:00Z'), endsAt: plus(now, 3 * DAY) });
      expect(result.startWaitingPeriod?.endsAt).toEqual(plus(now, 3 * DAY));
    });

    it('a window-expired period whose own window ran out unused starts another one on the next visit', () => {
      const p = periodFrom(plus(NOW, -40 * DAY), { reason: 'setup-window-expired' });
      expect(eligibility(input({ latestWaitingPeriod: p })).startWaitingPeriod?.reason).toBe('setup-window-expired');
    });

    it('a period that started a year ago or more no longer counts: available at once, no deadline, no new period', () => {
      const yearAgo = periodFrom(plus(NOW, -PERIOD_FORGOTTEN_AFTER_MS));
      expect(PERIOD_FORGOTTEN_AFTER_MS).toBe(365 * DAY);
      expect(eligibility(input({ latestWaitingPeriod: yearAgo }))).toEqual({
        eligibility: { state: 'available', completeBy: null },
        startWaitingPeriod: null,
      });
      expect(eligibility(input({ latestWaitingPeriod: periodFrom(d('2020-01-01T00:00:00Z')) }))).toEqual({
        eligibility: { state: 'available', completeBy: null },
        startWaitingPeriod: null,
      });
      // 1 ms less than a year: it still counts.
      const almost = periodFrom(plus(NOW, -PERIOD_FORGOTTEN_AFTER_MS + 1));
      expect(eligibility(input({ latestWaitingPeriod: almost })).eligibility.state).toBe('window-expired');
    });
  });

  describe('time zones', () => {
    // The same instants written with different offsets, around the 2026 DST changes: the US on
    // 2026-03-08 (02:00 EST → 03:00 EDT) and the EU on 2026-03-29 (01:00 UTC). 3 days is 72 h, not
    // "the same wall-clock time 3 days later".
    const cases = [
      {
        zone: 'US',
        change: ['2026-03-07T12:00:00-05:00', '2026-03-07T17:00:00Z', '2026-03-07T18:00:00+01:00'],
        ends: '2026-03-10T17:00:00.000Z',
      },
      {
        zone: 'EU',
        change: ['2026-03-28T12:00:00+01:00', '2026-03-28T11:00:00Z', '2026-03-28T07:00:00-04:00'],
        ends: '2026-03-31T11:00:00.000Z',
      },
    ];
    for (const c of cases) {
      it(`gives the same results whatever the offset, across the ${c.zone} DST change`, () => {
        const outcomes = c.change.map((written) => {
          const at = new Date(written);
          const decision = waitingPeriodForChange(null, { kind: 'password-reset', at });
          if (!('start' in decision)) throw new Error('expected a new period');
          const p = { id: 'wp', ...decision.start };
          const endsAt = decision.start.endsAt;
          return {
            endsAt: endsAt.toISOString(),
            before: eligibility(input({ now: plus(endsAt, -1), latestWaitingPeriod: p })).eligibility.state,
            at: eligibility(input({ now: endsAt, latestWaitingPeriod: p })).eligibility.state,
            deadline: setupDeadline(p, endsAt).toISOString(),
          };
        });
        expect(outcomes[1]).toEqual(outcomes[0]);
        expect(outcomes[2]).toEqual(outcomes[0]);
        expect(outcomes[0]).toEqual({
          endsAt: c.ends,
          before: 'waiting',
          at: 'available',
          deadline: new Date(new Date(c.ends).getTime() + 30 * DAY).toISOString(),
        });
      });
    }

    it('72 h after a change before the US switch is 1 h later on the wall clock after it', () => {
      // 2026-03-07 12:00 EST + 72 h = 2026-03-10 13:00 EDT (not 12:00).
      const decision = waitingPeriodForChange(null, { kind: 'password-changed', at: d('2026-03-07T12:00:00-05:00') });
      expect('start' in decision && decision.start.endsAt).toEqual(d('2026-03-10T13:00:00-04:00'));
    });
  });
});

describe('waitingPeriodForChange', () => {
  const first = d('2026-11-20T10:00:00Z');
  const p = periodFrom(first);

  it('with no period starts one at the change: 3 days, then a 30-day window', () => {
    expect(waitingPeriodForChange(null, { kind: 'rescue-email-changed', at: first })).toEqual({
      start: {
        reason: 'rescue-email-changed',
        reasonAt: first,
        startedAt: first,
        endsAt: d('2026-11-23T10:00:00Z'),
        windowEndsAt: d('2026-12-23T10:00:00Z'),
      },
    });
  });

  it('a change inside the running period extends it to 3 days after that change', () => {
    const second = plus(first, 2 * DAY);
    expect(waitingPeriodForChange(p, { kind: 'birth-date-changed', at: second })).toEqual({
      extend: {
        id: 'wp1',
        reason: 'birth-date-changed',
        reasonAt: second,
        endsAt: plus(second, 3 * DAY),
        windowEndsAt: plus(second, 33 * DAY),
        endsAtMoved: true,
      },
    });
  });

  it('a change 1 ms before the period ends extends it', () => {
    const at = plus(p.endsAt, -1);
    expect(waitingPeriodForChange(p, { kind: 'password-changed', at })).toEqual({
      extend: {
        id: 'wp1',
        reason: 'password-changed',
        reasonAt: at,
        endsAt: plus(at, 3 * DAY),
        windowEndsAt: plus(at, 33 * DAY),
        endsAtMoved: true,
      },
    });
  });

  it('never moves the end earlier', () => {
    const extended = { ...p, endsAt: plus(first, 5 * DAY), windowEndsAt: plus(first, 35 * DAY) };
    expect(waitingPeriodForChange(extended, { kind: 'password-changed', at: plus(first, HOUR) })).toEqual({
      extend: {
        id: 'wp1',
        reason: 'password-changed',
        reasonAt: plus(first, HOUR),
        endsAt: plus(first, 5 * DAY),
        windowEndsAt: plus(first, 35 * DAY),
        endsAtMoved: false,
      },
    });
  });

  it('the extended period names the latest change; on its new end date setup is available, to be completed 30 days later', () => {
    const second = plus(first, 2 * DAY);
    const decision = waitingPeriodForChange(p, { kind: 'rescue-email-changed', at: second });
    if (!('extend' in decision)) throw new Error('expected an extension');
    const extended: WaitingPeriodFacts = { ...p, ...decision.extend };
    expect(eligibility(input({ now: plus(first, 3 * DAY), latestWaitingPeriod: extended })).eligibility).toEqual({
      state: 'waiting',
      endsAt: plus(second, 3 * DAY),
      reason: 'rescue-email-changed',
      reasonAt: second,
    });
    expect(eligibility(input({ now: plus(second, 3 * DAY), latestWaitingPeriod: extended })).eligibility).toEqual({
      state: 'available',
      completeBy: plus(second, 33 * DAY),
    });
  });

  it('a change at exactly the end, or inside the 30-day window, starts a new period (docs/rules.md#the-30-days-after-a-wait)', () => {
    for (const at of [p.endsAt, plus(p.endsAt, 10 * DAY), plus(p.windowEndsAt, -1)]) {
      expect(waitingPeriodForChange(p, { kind: 'security-questions-changed', at })).toEqual({
        start: {
          reason: 'security-questions-changed',
          reasonAt: at,
          startedAt: at,
          endsAt: plus(at, 3 * DAY),
          windowEndsAt: plus(at, 33 * DAY),
        },
      });
    }
  });

  it('a change after the window starts a new period', () => {
    const at = plus(p.windowEndsAt, 100 * DAY);
    expect(waitingPeriodForChange(p, { kind: 'password-reset', at })).toEqual({
      start: { reason: 'password-reset', reasonAt: at, startedAt: at, endsAt: plus(at, 3 * DAY), windowEndsAt: plus(at, 33 * DAY) },
    });
  });

  it('a change inside a setup-window-expired period extends it', () => {
    const expired = periodFrom(first, { reason: 'setup-window-expired' });
    const at = plus(first, DAY);
    expect(waitingPeriodForChange(expired, { kind: 'password-changed', at })).toEqual({
      extend: {
        id: 'wp1',
        reason: 'password-changed',
        reasonAt: at,
        endsAt: plus(at, 3 * DAY),
        windowEndsAt: plus(at, 33 * DAY),
        endsAtMoved: true,
      },
    });
  });
});

describe('setupDeadline', () => {
  const p = periodFrom(d('2026-11-01T00:00:00Z'));

  it('inside the window after a period: the window end', () => {
    expect(setupDeadline(p, d('2026-11-10T00:00:00Z'))).toEqual(d('2026-12-04T00:00:00Z'));
    expect(setupDeadline(p, plus(p.windowEndsAt, -1))).toEqual(p.windowEndsAt);
  });

  it('with no period, or at/after the window end: 30 days from now', () => {
    expect(setupDeadline(null, NOW)).toEqual(plus(NOW, 30 * DAY));
    expect(setupDeadline(p, p.windowEndsAt)).toEqual(plus(p.windowEndsAt, 30 * DAY));
  });
});
