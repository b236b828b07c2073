// What each session stage may open and do (src/sessions/stage-policy.ts): the guards, the Trusted
// Devices page and its Verify action in app/ ask here instead of comparing stage names.
import { describe, expect, it } from 'vitest';
import { DEVICES_PAGE, pageAccess, stagePolicy } from '../../src/sessions/stage-policy.ts';

describe('session stage policy', () => {
  it('a session waiting for its code opens no page, not even the Trusted Devices page', () => {
    expect(pageAccess('password')).toBe('sign-in');
    expect(pageAccess('password', DEVICES_PAGE)).toBe('sign-in');
    expect(stagePolicy('password').signedIn).toBe(false);
  });

  it('a Recovery Key session opens only the Trusted Devices page; every other page sends it there', () => {
    expect(pageAccess('recovery', DEVICES_PAGE)).toBe('open');
    expect(pageAccess('recovery')).toBe('add-device');
    expect(pageAccess('recovery', { allowRecovery: false })).toBe('add-device');
  });

  it('a signed-in session opens every page', () => {
    expect(pageAccess('full')).toBe('open');
    expect(pageAccess('full', DEVICES_PAGE)).toBe('open');
  });

  it('only a signed-in session needs a fresh code on the Trusted Devices page; a Recovery Key session adds its device without', () => {
    expect(stagePolicy('full').devicesNeedFreshCode).toBe(true);
    expect(stagePolicy('recovery').devicesNeedFreshCode).toBe(false);
    expect(stagePolicy('password').devicesNeedFreshCode).toBe(false);
  });

  it('only a Recovery Key session is finished by verifying a new trusted device', () => {
    expect(stagePolicy('recovery').finishesWithNewDevice).toBe(true);
    expect(stagePolicy('full').finishesWithNewDevice).toBe(false);
    expect(stagePolicy('password').finishesWithNewDevice).toBe(false);
  });

  it('the Trusted Devices page rule cannot be changed by a caller', () => {
    expect(Object.isFrozen(DEVICES_PAGE)).toBe(true);
  });
});
