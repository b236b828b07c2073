// Verify on the Trusted Devices page is one domain call (confirmDeviceInSession): the code makes the
// pending device trusted, and in a Recovery Key session that new trusted device finishes the
// sign-in with a new, signed-in session. A signed-in session stays as it was. Codes go through the
// real `twilio` SDK to the Twilio stand-in (tests/harness/standins.ts) and are read back from it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { startStandinSenders, type StandinSenders } from '../harness/standins.ts';
import { BROWSER, freshAccount, markTwoStepOn } from '../harness/accounts.ts';
import { createSession, resolveSession, sessionIdOf } from '../../src/sessions/sessions.ts';
import { resendCode, type DeviceDeps } from '../../src/devices/trusted-devices.ts';
import { confirmDeviceInSession } from '../../src/sign-in/recovery-key.ts';
import type { Actor } from '../../src/sessions/actor.ts';

const NUMBER = '+15550106655';

describe('verifying a new trusted device, and the Recovery Key sign-in it finishes', () => {
  let t: TestDb;
  let deps: DeviceDeps;
  let accountId: string;
  let fullToken: string;
  let senders: StandinSenders;
  beforeAll(async () => {
    t = await createTestDb();
    senders = await startStandinSenders();
  });
  afterAll(async () => {
    await senders?.stop();
    await t?.drop();
  });
  beforeEach(async () => {
    const fresh = await freshAccount(t.db);
    ({ accountId } = fresh);
    fullToken = fresh.token;
    await t.db.codeSend.deleteMany();
    await senders.reset();
    deps = {
      ...fresh.deps,
      codeKey: 'test-code-key-0123456789abcdef0123456789',
      codeDigits: 4,
      totpKey: Buffer.alloc(32, 7),
      sms: senders.sms,
      push: senders.push,
    };
    await markTwoStepOn(t.db, accountId, deps.clock.now());
  });

  const actorOf = (token: string): Actor => ({ accountId, sessionId: sessionIdOf(token) });

  /** A pending phone number and the code texted to it. */
  async function pendingNumber(actor: Actor) {
    const device = await t.db.trustedDevice.create({ data: { accountId, kind: 'sms', phoneNumber: NUMBER, createdAt: deps.clock.now() } });
    const sent = await resendCode(deps, actor, device.id, BROWSER);
    if (!sent.ok) throw new Error(sent.error);
    const code = /code is (\d+)\./.exec(senders.sms.sent.at(-1)?.body ?? '')?.[1];
    if (!code) throw new Error('no code texted');
    return { trustedDeviceId: device.id, code };
  }

  it('in a Recovery Key session, the right code trusts the device and signs in with a new session', async () => {
    const recovery = await createSession(t.db, accountId, deps.clock.now(), BROWSER, { stage: 'recovery' });
    const { trustedDeviceId, code } = await pendingNumber(actorOf(recovery));

    const wrong = await confirmDeviceInSession(
      deps,
      actorOf(recovery),
      recovery,
      { trustedDeviceId, code: code === '0000' ? '1111' : '0000' },
      BROWSER,
    );
    expect(wrong.ok).toBe(false);
    expect((await resolveSession(t.db, recovery, deps.clock.now()))?.stage).toBe('recovery');

    const result = await confirmDeviceInSession(deps, actorOf(recovery), recovery, { trustedDeviceId, code }, BROWSER);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.signedIn).toBeTruthy();
    expect((await resolveSession(t.db, result.signedIn!, deps.clock.now()))?.stage).toBe('full');
    expect(await resolveSession(t.db, recovery, deps.clock.now())).toBeNull();
    expect((await t.db.trustedDevice.findUniqueOrThrow({ where: { id: trustedDeviceId } })).verifiedAt).not.toBeNull();
    expect(await t.db.securityEvent.count({ where: { accountId, kind: 'signed-in' } })).toBe(1);
  });

  it('in a signed-in session, the right code trusts the device and the session stays as it was', async () => {
    const { trustedDeviceId, code } = await pendingNumber(actorOf(fullToken));
    const result = await confirmDeviceInSession(deps, actorOf(fullToken), fullToken, { trustedDeviceId, code }, BROWSER);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.signedIn).toBeNull();
    expect((await resolveSession(t.db, fullToken, deps.clock.now()))?.stage).toBe('full');
    expect((await t.db.trustedDevice.findUniqueOrThrow({ where: { id: trustedDeviceId } })).verifiedAt).not.toBeNull();
  });
});
