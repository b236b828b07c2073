// The signing keys' schedule on fixed dates (src/oidc/signing-keys.ts): which key signs, which are
// published, which can go. A new key is published at once and signs only after the lead, so every
// instance and app knows it before a token carries it; the key it replaced stays published while
// a token it signed can still be checked. A rotation is a new row: rotateSigningKeys adds exactly
// that (tests/oidc/signing-keys.int.test.ts runs it on a database).
import { describe, expect, it } from 'vitest';
import {
  CLOCK_TOLERANCE_S,
  ID_TOKEN_TTL_S,
  KEY_PUBLISH_LEAD_MS,
  KEY_RELOAD_MS,
  keySchedule,
  RETIRED_KEY_PUBLISHED_MS,
} from '../../src/oidc/signing-keys.ts';
import { DAY, MINUTE } from '../../src/clock.ts';

const T0 = new Date('2026-11-23T10:00:00.000Z').getTime();
const at = (ms: number) => new Date(T0 + ms);
const key = (kid: string, createdMs: number) => ({ kid, sealedJwk: `sealed ${kid}`, createdAt: at(createdMs) });

/** The schedule as kids: the signing key first, then the others published; and those no longer needed. */
function schedule(rows: ReturnType<typeof key>[], nowMs: number) {
  const { published, expired } = keySchedule(rows, at(nowMs));
  return { signs: published[0]?.kid, published: published.map((k) => k.kid), expired: expired.map((k) => k.kid) };
}

describe('the signing keys’ schedule', () => {
  it('the lead outlasts an instance’s reload, and a replaced key outlasts the last ID token it signed', () => {
    expect(KEY_PUBLISH_LEAD_MS).toBeGreaterThan(KEY_RELOAD_MS);
    expect(RETIRED_KEY_PUBLISHED_MS).toBeGreaterThan((ID_TOKEN_TTL_S + CLOCK_TOLERANCE_S) * 1000);
  });

  it('no key: nothing published', () => {
    expect(schedule([], 0)).toEqual({ signs: undefined, published: [], expired: [] });
  });

  it('the first key signs at once', () => {
    expect(schedule([key('k0', 0)], 0)).toEqual({ signs: 'k0', published: ['k0'], expired: [] });
    expect(schedule([key('k0', 0)], 400 * DAY)).toEqual({ signs: 'k0', published: ['k0'], expired: [] });
  });

  it('a new key is published at once and signs only once the lead has passed', () => {
    const rows = [key('k0', 0), key('k1', DAY)];
    expect(schedule(rows, DAY)).toEqual({ signs: 'k0', published: ['k0', 'k1'], expired: [] });
    expect(schedule(rows, DAY + KEY_PUBLISH_LEAD_MS - 1)).toEqual({ signs: 'k0', published: ['k0', 'k1'], expired: [] });
    expect(schedule(rows, DAY + KEY_PUBLISH_LEAD_MS)).toEqual({ signs: 'k1', published: ['k1', 'k0'], expired: [] });
  });

  it(`the replaced key stays published until ${RETIRED_KEY_PUBLISHED_MS / MINUTE} minutes after its successor began to sign, then is listed expired`, () => {
    const rows = [key('k0', 0), key('k1', DAY)];
    const switched = DAY + KEY_PUBLISH_LEAD_MS;
    expect(schedule(rows, switched + RETIRED_KEY_PUBLISHED_MS - 1)).toEqual({ signs: 'k1', published: ['k1', 'k0'], expired: [] });
    expect(schedule(rows, switched + RETIRED_KEY_PUBLISHED_MS)).toEqual({ signs: 'k1', published: ['k1'], expired: ['k0'] });
  });

  it('the order the rows come in does not matter', () => {
    const rows = [key('k2', 2 * DAY), key('k0', 0), key('k1', DAY)];
    expect(schedule(rows, 2 * DAY)).toEqual(schedule([...rows].reverse(), 2 * DAY));
    expect(schedule(rows, 2 * DAY).signs).toBe('k1');
  });

  it('three rotations a day apart: each key signs in turn, and each replaced key leaves when its time is up', () => {
    const rows = [key('k0', 0), key('k1', DAY), key('k2', 2 * DAY), key('k3', 3 * DAY)];
    const switchTo = (n: number) => n * DAY + KEY_PUBLISH_LEAD_MS;
    expect(schedule(rows, switchTo(1) - 1)).toMatchObject({ signs: 'k0', expired: [] });
    expect(schedule(rows, switchTo(1))).toMatchObject({ signs: 'k1', published: ['k1', 'k3', 'k2', 'k0'], expired: [] });
    expect(schedule(rows, switchTo(2))).toEqual({ signs: 'k2', published: ['k2', 'k3', 'k1'], expired: ['k0'] });
    expect(schedule(rows, switchTo(3) - 1)).toEqual({ signs: 'k2', published: ['k2', 'k3'], expired: ['k0', 'k1'] });
    expect(schedule(rows, switchTo(3))).toEqual({ signs: 'k3', published: ['k3', 'k2'], expired: ['k0', 'k1'] });
    expect(schedule(rows, switchTo(3) + RETIRED_KEY_PUBLISHED_MS)).toEqual({ signs: 'k3', published: ['k3'], expired: ['k0', 'k1', 'k2'] });
  });

  it('three rotations within one lead: the oldest signs until the first new key may, every key in between is published, and each leaves in turn', () => {
    const rows = [key('k0', 0), key('k1', DAY), key('k2', DAY + MINUTE), key('k3', DAY + 2 * MINUTE)];
    expect(schedule(rows, DAY + 2 * MINUTE)).toEqual({ signs: 'k0', published: ['k0', 'k3', 'k2', 'k1'], expired: [] });
    expect(schedule(rows, DAY + KEY_PUBLISH_LEAD_MS)).toEqual({ signs: 'k1', published: ['k1', 'k3', 'k2', 'k0'], expired: [] });
    expect(schedule(rows, DAY + MINUTE + KEY_PUBLISH_LEAD_MS)).toEqual({ signs: 'k2', published: ['k2', 'k3', 'k1', 'k0'], expired: [] });
    const last = DAY + 2 * MINUTE + KEY_PUBLISH_LEAD_MS;
    expect(schedule(rows, last)).toEqual({ signs: 'k3', published: ['k3', 'k2', 'k1', 'k0'], expired: [] });
    // Each replaced key leaves RETIRED_KEY_PUBLISHED_MS after its own successor began to sign.
    expect(schedule(rows, DAY + KEY_PUBLISH_LEAD_MS + RETIRED_KEY_PUBLISHED_MS)).toEqual({
      signs: 'k3',
      published: ['k3', 'k2', 'k1'],
      expired: ['k0'],
    });
    expect(schedule(rows, DAY + MINUTE + KEY_PUBLISH_LEAD_MS + RETIRED_KEY_PUBLISHED_MS)).toEqual({
      signs: 'k3',
      published: ['k3', 'k2'],
      expired: ['k0', 'k1'],
    });
    expect(schedule(rows, last + RETIRED_KEY_PUBLISHED_MS)).toEqual({ signs: 'k3', published: ['k3'], expired: ['k0', 'k1', 'k2'] });
  });

  it('once the expired keys are deleted (the next rotation deletes them), the schedule of the rest is unchanged', () => {
    const rows = [key('k0', 0), key('k1', DAY), key('k2', 2 * DAY)];
    const now = 2 * DAY;
    const before = schedule(rows, now);
    expect(before.expired).toEqual(['k0']);
    const kept = rows.filter((r) => !before.expired.includes(r.kid));
    expect(schedule(kept, now)).toEqual({ ...before, expired: [] });
    // The signing key, now the oldest row, goes on signing; the newest still waits for its lead.
    expect(schedule(kept, now + KEY_PUBLISH_LEAD_MS - 1).signs).toBe('k1');
    expect(schedule(kept, now + KEY_PUBLISH_LEAD_MS).signs).toBe('k2');
  });
});
