// A wait is said one way (src/throttle/wait-text.ts): the server's refusals and the code step's
// countdown in the browser take the same words, rounded up, never "0 seconds".
import { describe, expect, it } from 'vitest';
import { waitText, waitWords } from '../../src/throttle/wait-text.ts';
import { waitText as throttleWaitText } from '../../src/throttle/throttle.ts';

describe('the words of a wait', () => {
  it('rounds up to whole seconds, then minutes, then hours', () => {
    expect(waitWords(25_000)).toBe('25 seconds');
    expect(waitWords(24_001)).toBe('25 seconds');
    expect(waitWords(1_000)).toBe('1 second');
    expect(waitWords(59_000)).toBe('59 seconds');
    expect(waitWords(60_000)).toBe('1 minute');
    expect(waitWords(61_000)).toBe('2 minutes');
    expect(waitWords(3_600_000)).toBe('1 hour');
    expect(waitWords(3_600_001)).toBe('2 hours');
  });

  it('never says less than a second, even when the wait is over', () => {
    expect(waitWords(1)).toBe('1 second');
    expect(waitWords(0)).toBe('1 second');
    expect(waitWords(-5_000)).toBe('1 second');
  });

  it('says the time between two instants as waitWords says its length, and the throttle gives the same', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const until = new Date(now.getTime() + 26_000);
    expect(waitText(until, now)).toBe('26 seconds');
    expect(throttleWaitText(until, now)).toBe(waitWords(26_000));
  });
});
