// The devices' sentences (src/devices/errors.ts): full sentences, the limits and waits from their
// rules, never typed in.
import { describe, expect, it } from 'vitest';
import { DEVICES_ERRORS } from '../../src/devices/errors.ts';
import { MAX_TRUSTED_DEVICES } from '../../src/devices/trusted-devices.ts';
import { MAX_REGISTERED_DEVICES } from '../../src/kinds/push/registered.ts';
import { waitText } from '../../src/throttle/throttle.ts';
import { sentenceOf } from '../../src/result.ts';

const now = new Date('2026-01-01T12:00:00Z');
const later = new Date(now.getTime() + 60 * 60_000);

describe('DEVICES_ERRORS', () => {
  it('every fixed sentence is a full sentence with no digit typed in', () => {
    for (const [code, s] of Object.entries(DEVICES_ERRORS)) if (typeof s === 'string') expect(s, code).toMatch(/^[A-Z][^0-9]*\.$/);
  });

  it('the limits and the wait are the rules', () => {
    expect(sentenceOf(DEVICES_ERRORS, 'TOO_MANY_DEVICES', MAX_TRUSTED_DEVICES)).toMatch(/^You have 10 trusted and pending devices/);
    expect(sentenceOf(DEVICES_ERRORS, 'TOO_MANY_REGISTERED', MAX_REGISTERED_DEVICES)).toMatch(/^You have 10 registered devices/);
    expect(sentenceOf(DEVICES_ERRORS, 'TOO_MANY_LOOKUPS', later, now)).toMatch(new RegExp(`Try again in ${waitText(later, now)}\\.$`));
  });
});
