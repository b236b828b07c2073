// Passkeys and security keys (src/passkeys, src/kinds/passkey/add.ts) with a software authenticator
// (./authenticator.ts) making real attestations and assertions: adding one (fresh code, limit,
// duplicates, event and email), and every way an answer is refused (malformed, wrong origin, RP ID
// or challenge, replayed, expired, another account's credential, counter going backwards).
import { describe, expect, it } from 'vitest';
import { BROWSER } from '../harness/accounts.ts';
import { captureLog } from '../harness/log-capture.ts';
import { newAccount, smsDevice } from '../codes/helpers.ts';
import { withTwoStepAccount } from '../two-step/helpers.ts';
import { addPasskey, passkeyRegistrationOptions } from '../../src/kinds/passkey/add.ts';
import { MAX_TRUSTED_DEVICES, removeDevice } from '../../src/devices/trusted-devices.ts';
import { authenticationOptions, verifyPasskey, type PasskeyPurpose } from '../../src/kinds/passkey/prove.ts';
import { CHALLENGE_TTL_MS, MAX_LIVE_CHALLENGES } from '../../src/kinds/passkey/prove-challenges.ts';
import { WRONG_CODES_BEFORE_PAUSE } from '../../src/codes/limits.ts';
import { createSession, sessionIdOf } from '../../src/sessions/sessions.ts';
import { fixedClock, MINUTE } from '../../src/clock.ts';
import { SoftAuthenticator } from './authenticator.ts';
import { addSoftPasskey, ORIGIN, RP_ID } from './helpers.ts';

describe('passkeys and security keys', () => {
  const s = withTwoStepAccount();
  const deps = () => s.a.deps;
  const actor = () => s.a.actor;
  const devices = () => s.t.db.trustedDevice.findMany({ where: { accountId: s.a.accountId }, orderBy: { createdAt: 'asc' } });
  const events = (kind: string) =>
    s.t.db.securityEvent.findMany({ where: { accountId: s.a.accountId, kind }, orderBy: { createdAt: 'asc' } });

  async function options(purpose: PasskeyPurpose = 'sign-in') {
    const o = await authenticationOptions(deps(), s.a.accountId, purpose);
    if (!o.ok) throw new Error(o.error);
    return o.options;
  }
  const verify = (response: unknown, purpose: PasskeyPurpose = 'sign-in') =>
    verifyPasskey(deps(), { accountId: s.a.accountId, purpose, response }, BROWSER);

  describe('adding one', () => {
    it('is trusted at once, named, announced by event and email, with no credential id or key in any of them or in the log', async () => {
      const log = captureLog('debug');
      try {
        const { authenticator, trustedDeviceId } = await addSoftPasskey(deps(), actor(), 'YubiKey 5C');
        const row = (await devices()).find((d) => d.id === trustedDeviceId)!;
        expect(row).toMatchObject({
          kind: 'passkey',
          name: 'YubiKey 5C',
          credentialId: authenticator.id,
          signCount: 0,
          transports: '["internal"]',
        });
        expect(row.verifiedAt).toEqual(s.a.clock.now());
        expect((await events('trusted-device-added')).map((e) => JSON.parse(e.details!))).toEqual([
          { kind: 'passkey', device: 'Passkey or security key (YubiKey 5C)', title: 'Passkey or security key (YubiKey 5C)' },
        ]);
        expect(await removeDevice(deps(), actor(), trustedDeviceId, BROWSER)).toMatchObject({ ok: true });
        expect((await events('trusted-device-removed')).map((e) => JSON.parse(e.details!))).toEqual([
          {
            kind: 'passkey',
            device: 'Passkey or security key (YubiKey 5C)',
            title: 'Passkey or security key (YubiKey 5C)',
            wasTrusted: true,
          },
        ]);

        const mails = await s.t.db.emailOutbox.findMany({ orderBy: { createdAt: 'asc' } });
        expect(mails.map((m) => m.kind).sort()).toEqual([
          'trusted-device-added',
          'trusted-device-added',
          'trusted-device-removed',
          'trusted-device-removed',
        ]);
        expect(mails.every((m) => /YubiKey 5C/.test(m.textBody))).toBe(true);
        const everything = [
          ...mails.map((m) => `${m.subject} ${m.textBody}`),
          ...(await s.t.db.securityEvent.findMany({ where: { accountId: s.a.accountId } })).map((e) => e.details ?? ''),
          log.text(),
        ].join('\n');
        expect(everything).not.toContain(authenticator.id);
        expect(everything).not.toContain(row.publicKey!);
      } finally {
        log.restore();
      }
    });

    it('asks the authenticator for the Apple ID with an opaque user handle, excluding the passkeys already added', async () => {
      const { authenticator } = await addSoftPasskey(deps(), actor());
      const o = await passkeyRegistrationOptions(deps(), actor());
      if (!o.ok) throw new Error(o.error);
      expect(o.options).toMatchObject({
        rp: { id: RP_ID, name: 'Two-Step' },
        user: { name: 'Jane.Holder@Example.com' },
        attestation: 'none',
      });
      expect(o.options.authenticatorSelection).toMatchObject({ residentKey: 'preferred', userVerification: 'preferred' });
      expect(Buffer.from(o.options.user.id, 'base64url').toString('latin1')).not.toMatch(/jane|holder|example/i);
      expect(o.options.excludeCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
    });

    it('needs a fresh code, like adding a phone: nothing is stored without one', async () => {
      const o = await passkeyRegistrationOptions(deps(), actor());
      if (!o.ok) throw new Error(o.error);
      const staleToken = await createSession(s.t.db, s.a.accountId, s.a.clock.now(), BROWSER); // signed in, no code entered
      const stale = { accountId: s.a.accountId, sessionId: sessionIdOf(staleToken) };
      expect(await passkeyRegistrationOptions(deps(), stale)).toMatchObject({ ok: false, code: 'FRESH_CODE_NEEDED' });
      const response = new SoftAuthenticator(ORIGIN, RP_ID).register(o.options);
      expect(await addPasskey(deps(), stale, { name: 'Key', response }, BROWSER)).toMatchObject({ ok: false, code: 'FRESH_CODE_NEEDED' });
      expect((await devices()).map((d) => d.kind)).toEqual(['sms']);
    });

    it(`stops at ${MAX_TRUSTED_DEVICES} trusted devices, also when the room went between the options and the answer`, async () => {
      for (let i = 2; i < MAX_TRUSTED_DEVICES; i++) await smsDevice(s.t.db, s.a.accountId, `+1555010${String(i).padStart(4, '0')}`);
      const o = await passkeyRegistrationOptions(deps(), actor());
      if (!o.ok) throw new Error(o.error);
      await smsDevice(s.t.db, s.a.accountId, '+15550109999');
      const late = await addPasskey(
        deps(),
        actor(),
        { name: 'Key', response: new SoftAuthenticator(ORIGIN, RP_ID).register(o.options) },
        BROWSER,
      );
      expect(late).toMatchObject({ ok: false, code: 'TOO_MANY_DEVICES' });
      expect(await passkeyRegistrationOptions(deps(), actor())).toMatchObject({ ok: false, code: 'TOO_MANY_DEVICES' });
      expect(await s.t.db.trustedDevice.count({ where: { kind: 'passkey' } })).toBe(0);
    });

    it('refuses a credential already added, to this account or another', async () => {
      const { authenticator } = await addSoftPasskey(deps(), actor());
      const again = await passkeyRegistrationOptions(deps(), actor());
      if (!again.ok) throw new Error(again.error);
      expect(await addPasskey(deps(), actor(), { name: 'Again', response: authenticator.register(again.options) }, BROWSER)).toMatchObject({
        ok: false,
        code: 'ALREADY_ADDED',
      });

      const otherId = await newAccount(s.t.db, fixedClock(s.a.clock.now().toISOString()), 'someone.else@example.com');
      const otherToken = await createSession(s.t.db, otherId, s.a.clock.now(), BROWSER, { codeVerifiedAt: s.a.clock.now() });
      const other = { accountId: otherId, sessionId: sessionIdOf(otherToken) };
      const theirs = await passkeyRegistrationOptions(deps(), other);
      if (!theirs.ok) throw new Error(theirs.error);
      expect(
        await addPasskey(deps(), other, { name: 'Mine now', response: authenticator.register(theirs.options) }, BROWSER),
      ).toMatchObject({ ok: false, code: 'ALREADY_ADDED' });
      expect(await s.t.db.trustedDevice.count({ where: { kind: 'passkey' } })).toBe(1);
    });

    it('refuses an attestation for another origin or RP ID, a malformed answer, and a nameless key', async () => {
      const attempt = async (
        answer: (o: Awaited<ReturnType<typeof passkeyRegistrationOptions>> & { ok: true }) => unknown,
        name = 'Key',
      ) => {
        const o = await passkeyRegistrationOptions(deps(), actor());
        if (!o.ok) throw new Error(o.error);
        return addPasskey(deps(), actor(), { name, response: answer(o) }, BROWSER);
      };
      const key = new SoftAuthenticator(ORIGIN, RP_ID);
      expect(await attempt((o) => key.register(o.options, { origin: 'https://evil.example' }))).toMatchObject({
        ok: false,
        code: 'REGISTRATION_REFUSED',
      });
      expect(await attempt((o) => key.register(o.options, { rpId: 'evil.example' }))).toMatchObject({
        ok: false,
        code: 'REGISTRATION_REFUSED',
      });
      expect(await attempt(() => key.register({ challenge: 'bm90LW91cnM' } as never))).toMatchObject({ ok: false, code: 'CHALLENGE_GONE' });
      for (const junk of ['{not json', '{}', 42, null, { id: '!!', rawId: 'x', type: 'public-key', response: {} }, 'x'.repeat(100_000)]) {
        expect(await attempt(() => junk)).toMatchObject({ ok: false, code: 'RESPONSE_MALFORMED' });
      }
      expect(await attempt((o) => key.register(o.options), '   ')).toMatchObject({
        ok: false,
        code: 'INVALID_FIELDS',
        fieldErrors: { name: expect.any(String) },
      });
      expect(await s.t.db.trustedDevice.count({ where: { kind: 'passkey' } })).toBe(0);
    });
  });

  describe('proving a step with one', () => {
    it('accepts a right assertion once: counter and last use written, the use recorded', async () => {
      const { authenticator, trustedDeviceId } = await addSoftPasskey(deps(), actor());
      const o = await options();
      expect(o.allowCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
      expect(o.rpId).toBe(RP_ID);
      const response = authenticator.assert(o);
      s.a.clock.advance(MINUTE);
      expect(await verify(response)).toEqual({ ok: true, then: undefined, trustedDeviceId });
      expect(await s.t.db.trustedDevice.findUniqueOrThrow({ where: { id: trustedDeviceId } })).toMatchObject({
        signCount: 1,
        lastUsedAt: s.a.clock.now(),
      });
      expect((await events('code-verified')).map((e) => JSON.parse(e.details!))).toEqual([
        { purpose: 'sign-in', trustedDeviceId, method: 'passkey' },
      ]);
      // Replayed: its challenge was used.
      expect(await verify(response)).toMatchObject({ ok: false, code: 'CHALLENGE_GONE' });
    });

    it('refuses another origin, another RP ID, a challenge never issued, an expired one, or one for another step', async () => {
      const { authenticator } = await addSoftPasskey(deps(), actor());
      expect(await verify(authenticator.assert(await options(), { origin: 'https://evil.example' }))).toMatchObject({
        ok: false,
        code: 'SIGNATURE_REFUSED',
      });
      expect(await verify(authenticator.assert(await options(), { rpId: 'evil.example' }))).toMatchObject({
        ok: false,
        code: 'SIGNATURE_REFUSED',
      });
      expect(await verify(authenticator.assert(await options(), { challenge: 'bm90LW91cnM' }))).toMatchObject({
        ok: false,
        code: 'CHALLENGE_GONE',
      });
      const expiring = authenticator.assert(await options());
      s.a.clock.advance(CHALLENGE_TTL_MS);
      expect(await verify(expiring)).toMatchObject({ ok: false, code: 'CHALLENGE_GONE' });
      expect(await verify(authenticator.assert(await options('confirm-identity')), 'sign-in')).toMatchObject({
        ok: false,
        code: 'CHALLENGE_GONE',
      });
      expect(await verify(authenticator.assert(await options()))).toMatchObject({ ok: true });
    });

    it('refuses a signature by a key that is not the registered one', async () => {
      const { authenticator } = await addSoftPasskey(deps(), actor());
      const impostor = new SoftAuthenticator(ORIGIN, RP_ID);
      Object.assign(impostor, { credentialId: authenticator.credentialId }); // same id, other private key
      expect(await verify(impostor.assert(await options()))).toMatchObject({ ok: false, code: 'SIGNATURE_REFUSED' });
    });

    it('refuses a credential of another account and records it on this one', async () => {
      await addSoftPasskey(deps(), actor());
      const otherId = await newAccount(s.t.db, fixedClock(s.a.clock.now().toISOString()), 'someone.else@example.com');
      const otherToken = await createSession(s.t.db, otherId, s.a.clock.now(), BROWSER, { codeVerifiedAt: s.a.clock.now() });
      const { authenticator: theirs } = await addSoftPasskey(
        deps(),
        { accountId: otherId, sessionId: sessionIdOf(otherToken) },
        'Their key',
      );
      expect(await verify(theirs.assert(await options()))).toMatchObject({ ok: false, code: 'CREDENTIAL_UNKNOWN' });
      expect((await events('code-wrong')).map((e) => JSON.parse(e.details!))).toEqual([
        { purpose: 'sign-in', method: 'passkey', reason: 'credential of another account' },
      ]);
      expect(await s.t.db.securityEvent.count({ where: { accountId: otherId, kind: { in: ['code-wrong', 'code-verified'] } } })).toBe(0);
    });

    it('refuses a signature counter that does not go up; accepts one that never counts (always 0)', async () => {
      const { authenticator } = await addSoftPasskey(deps(), actor());
      expect(await verify(authenticator.assert(await options(), { counter: 5 }))).toMatchObject({ ok: true });
      expect(await verify(authenticator.assert(await options(), { counter: 5 }))).toMatchObject({ ok: false, code: 'COUNTER_REFUSED' });
      expect(await verify(authenticator.assert(await options(), { counter: 3 }))).toMatchObject({ ok: false, code: 'COUNTER_REFUSED' });
      expect(await verify(authenticator.assert(await options(), { counter: 0 }))).toMatchObject({ ok: false, code: 'COUNTER_REFUSED' });
      expect(await verify(authenticator.assert(await options(), { counter: 6 }))).toMatchObject({ ok: true });

      const { authenticator: synced } = await addSoftPasskey(deps(), actor(), 'Synced', { counts: false });
      for (let i = 0; i < 2; i++) expect(await verify(synced.assert(await options()))).toMatchObject({ ok: true });
    });

    it('refuses malformed answers with a sentence, storing and claiming nothing', async () => {
      const { authenticator } = await addSoftPasskey(deps(), actor());
      const o = await options();
      const good = authenticator.assert(o);
      const broken = [
        undefined,
        '',
        '{"id":',
        [],
        { ...good, type: 'password' },
        { ...good, response: { ...good.response, signature: 'not base64url!' } },
        { ...good, response: { ...good.response, clientDataJSON: Buffer.from('{"nope":1}').toString('base64url') } },
      ];
      for (const response of broken) {
        const refused = await verify(response);
        expect(refused).toMatchObject({ ok: false, code: 'RESPONSE_MALFORMED' });
        expect((refused as { error: string }).error).toMatch(/Try again, or choose another trusted device\.$/);
      }
      expect(await s.t.db.securityEvent.count({ where: { accountId: s.a.accountId, kind: 'code-wrong' } })).toBe(0);
      expect(await verify(good)).toMatchObject({ ok: true }); // its challenge was still there
    });

    it(`counts a failed signature as a wrong code: after ${WRONG_CODES_BEFORE_PAUSE} in a row even a right one waits`, async () => {
      const { authenticator } = await addSoftPasskey(deps(), actor());
      for (let i = 0; i < WRONG_CODES_BEFORE_PAUSE; i++) {
        const refused = await verify(authenticator.assert(await options(), { origin: 'https://evil.example' }));
        expect(refused).toMatchObject({ ok: false, code: i === WRONG_CODES_BEFORE_PAUSE - 1 ? 'PAUSED' : 'SIGNATURE_REFUSED' });
      }
      expect(await verify(authenticator.assert(await options()))).toMatchObject({ ok: false, code: 'PAUSED' });
      expect(await events('codes-paused')).toHaveLength(1);
      expect(await s.t.db.emailOutbox.count({ where: { kind: 'wrong-codes-alert' } })).toBeGreaterThan(0);
    });

    it(`keeps at most ${MAX_LIVE_CHALLENGES} live challenges per account, and purges expired ones`, async () => {
      await addSoftPasskey(deps(), actor());
      for (let i = 0; i < MAX_LIVE_CHALLENGES + 5; i++) await options();
      expect(await s.t.db.webAuthnChallenge.count({ where: { accountId: s.a.accountId } })).toBe(MAX_LIVE_CHALLENGES);
      s.a.clock.advance(CHALLENGE_TTL_MS);
      await options();
      expect(await s.t.db.webAuthnChallenge.count({ where: { accountId: s.a.accountId } })).toBe(1);
    });

    it('refuses when the account has no passkey', async () => {
      expect(await authenticationOptions(deps(), s.a.accountId, 'sign-in')).toMatchObject({ ok: false, code: 'NO_PASSKEY' });
    });
  });
});
