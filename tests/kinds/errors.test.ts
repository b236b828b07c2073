// Each kind's refusals live in its folder (src/kinds/<kind>/errors.ts) and are listed by the
// registry; the code service's map and the devices' map include them. A spread map can lose an
// entry silently when two maps use one code: these checks fail then.
import { describe, expect, it } from 'vitest';
import { KIND_ADDING_ERRORS, KIND_CODE_ERRORS } from '../../src/kinds/registry.ts';
import { SMS_CODE_ERRORS, PHONE_NUMBER_ERRORS } from '../../src/kinds/sms/errors.ts';
import { PUSH_CODE_ERRORS, IOS_DEVICE_ERRORS } from '../../src/kinds/push/errors.ts';
import { APP_CODE_ERRORS } from '../../src/kinds/authenticator-app/errors.ts';
import { CODES_ERRORS } from '../../src/codes/errors.ts';
import { DEVICES_ERRORS } from '../../src/devices/errors.ts';
import { waitText } from '../../src/throttle/throttle.ts';
import { sentenceOf } from '../../src/result.ts';

const sizeOf = (...maps: object[]) => maps.reduce((n, m) => n + Object.keys(m).length, 0);

describe("the kinds' refusals", () => {
  it('are listed by the registry, no kind taking another kind’s code', () => {
    expect(Object.keys(KIND_CODE_ERRORS)).toHaveLength(sizeOf(SMS_CODE_ERRORS, PUSH_CODE_ERRORS, APP_CODE_ERRORS));
    expect(Object.keys(KIND_ADDING_ERRORS)).toHaveLength(sizeOf(PHONE_NUMBER_ERRORS, IOS_DEVICE_ERRORS));
  });

  it('are in the code service’s map and the devices’ map as the kinds wrote them (no common code replaces one)', () => {
    for (const [code, sentence] of Object.entries(KIND_CODE_ERRORS))
      expect(CODES_ERRORS[code as keyof typeof CODES_ERRORS], code).toBe(sentence);
    for (const [code, sentence] of Object.entries(KIND_ADDING_ERRORS))
      expect(DEVICES_ERRORS[code as keyof typeof DEVICES_ERRORS], code).toBe(sentence);
  });

  it('say "number" of a destination labelled by its number, and "device" of any other', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const later = new Date('2026-01-01T00:00:25Z');
    expect(sentenceOf(CODES_ERRORS, 'TOO_MANY_TO_DESTINATION', 'sms', later, now)).toBe(
      `Too many codes were sent to this number. Try again in ${waitText(later, now)}.`,
    );
    expect(sentenceOf(CODES_ERRORS, 'TOO_MANY_TO_DESTINATION', 'push', later, now)).toBe(
      `Too many codes were sent to this device. Try again in ${waitText(later, now)}.`,
    );
    expect(sentenceOf(CODES_ERRORS, 'TOO_MANY_TO_DESTINATION', 'a kind no longer built', later, now)).toContain('this device');
  });
});
