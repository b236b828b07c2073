// A kind of trusted device is one unit: a fifth kind, made here and only here (a card of printed
// one-time codes, as a "paper code" kind), is added to the registry and then proves every second
// step the flows ask for (signing in, a fresh code before a change, the Recovery Key reset) with no
// line of any flow knowing it exists. If a flow switched on the kinds it knows, this would fail.
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSER, GOOD_PASSWORD } from '../harness/accounts.ts';
import { APPLE_ID, withTwoStepAccount } from '../two-step/helpers.ts';
import { addKind, kindOf } from '../../src/kinds/registry.ts';
import { namedByHolder, type OwnCodeCheck, type TrustedDeviceKind } from '../../src/kinds/kind.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { completeSignIn, sendSignInCode, signInDevices } from '../../src/sign-in/code.ts';
import { confirmIdentity, sendIdentityCode } from '../../src/step-up/fresh-code.ts';
import {
  completeKeyReset,
  keyResetState,
  sendKeyResetCode,
  startKeyReset,
  verifyKeyResetCode,
} from '../../src/password-reset/by-recovery-key.ts';
import { formatRecoveryKey } from '../../src/recovery-key/recovery-key.ts';
import { resolveSession, sessionIdOf } from '../../src/sessions/sessions.ts';
import { announceDeviceChange, listDevices } from '../../src/devices/trusted-devices.ts';
import { recentActivity } from '../../src/security-events/activity.ts';

/** The printed codes of each card, by device id: a code works once, then it is crossed out. */
const cards = new Map<string, { unused: Set<string>; crossedOut: Set<string> }>();

const paperKind: TrustedDeviceKind = {
  id: 'paper-test',
  noun: 'card of printed codes',
  channel: 'printed code',
  icon: { text: 'PPR', tone: '' },
  labelIs: 'name',
  codeSentTo: null,
  trustedUses: 'Its printed codes can now be used to verify your identity, once each.',
  method: 'otp',
  ...namedByHolder('card of printed codes'),
  proof: {
    by: 'own-code',
    digits: 8,
    async check(c: OwnCodeCheck) {
      const card = cards.get(c.trustedDeviceId);
      if (card?.crossedOut.has(c.code)) return { ok: false, reason: 'used' };
      if (!card?.unused.delete(c.code)) return { ok: false, reason: 'wrong' };
      card.crossedOut.add(c.code);
      return { ok: true };
    },
  },
};

describe('a fifth kind of trusted device, known only to the registry', () => {
  const s = withTwoStepAccount();
  beforeAll(() => addKind(paperKind));

  /** A trusted card of printed codes on the account, its codes printed here. */
  async function card(codes: string[]): Promise<string> {
    const now = s.a.clock.now();
    const { id } = await s.t.db.trustedDevice.create({
      data: { accountId: s.a.accountId, kind: paperKind.id, name: 'Wallet card', createdAt: now, verifiedAt: now },
    });
    cards.set(id, { unused: new Set(codes), crossedOut: new Set() });
    return id;
  }

  const secondStepOf = async (token: string) => (await s.t.db.session.findUniqueOrThrow({ where: { id: sessionIdOf(token) } })).secondStep;

  it('is a kind like the others: listed, shown and described as it says', async () => {
    expect(kindOf('paper-test')).toBe(paperKind);
    const id = await card(['12345678']);
    const { trusted } = await listDevices(s.t.db, s.a.accountId);
    expect(trusted.find((d) => d.id === id)).toMatchObject({
      kind: 'paper-test',
      label: 'Card of printed codes (Wallet card)',
      shows: { channel: 'printed code', proof: 'own-code', ownDigits: 8 },
    });
    const device = await s.t.db.trustedDevice.findUniqueOrThrow({ where: { id } });
    await s.t.db.$transaction((tx) =>
      announceDeviceChange(tx, s.a.clock, { accountId: s.a.accountId, device, added: true, at: s.a.clock.now() }, BROWSER),
    );
    const mail = await s.t.db.emailOutbox.findFirstOrThrow({ where: { kind: 'trusted-device-added' } });
    expect(mail.textBody).toContain('the card of printed codes “Wallet card”');
    expect(mail.textBody).toContain('Its printed codes can now be used to verify your identity, once each.');
    expect((await recentActivity(s.t.db, s.a.accountId, { page: 1 })).items.map((i) => i.label)).toContain(
      'Card of printed codes (Wallet card) added',
    );
  });

  it('signs in: the password, then a printed code (sent nothing), gives a signed-in session; the code works once', async () => {
    const id = await card(['11112222', '33334444']);
    const password = await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, BROWSER);
    if (!password.ok || !password.needsCode) throw new Error('the password step should ask for a code');
    expect((await signInDevices(s.t.db, s.a.accountId)).map((d) => d.id)).toContain(id);
    expect(await sendSignInCode(s.a.deps, password.sessionToken, { trustedDeviceId: id }, BROWSER)).toEqual({
      ok: true,
      trustedDeviceId: id,
      sent: false,
      message: 'Enter the current code from Card of printed codes (Wallet card).',
    });
    expect(s.a.sms.sent).toEqual([]);
    // Its own digits: a 4-digit code (the sent codes' length) is malformed for it, and not a try.
    expect(await completeSignIn(s.a.deps, password.sessionToken, { trustedDeviceId: id, code: '1111' }, BROWSER)).toMatchObject({
      ok: false,
      code: 'CODE_MALFORMED',
    });
    // A kind with no sentences of its own for a refused code gets the code service's kind-neutral ones.
    expect(await completeSignIn(s.a.deps, password.sessionToken, { trustedDeviceId: id, code: '99990000' }, BROWSER)).toMatchObject({
      ok: false,
      code: 'OWN_CODE_WRONG',
    });
    const done = await completeSignIn(s.a.deps, password.sessionToken, { trustedDeviceId: id, code: '1111 2222' }, BROWSER);
    if (!done.ok) throw new Error(done.error);
    expect(await resolveSession(s.t.db, done.sessionToken, s.a.clock.now())).toMatchObject({
      stage: 'full',
      codeVerifiedAt: s.a.clock.now(),
    });
    expect(await secondStepOf(done.sessionToken)).toBe('otp'); // the kind's method, as an app signed in through the portal is told
    expect(await s.t.db.trustedDevice.findUniqueOrThrow({ where: { id } })).toMatchObject({ lastUsedAt: s.a.clock.now() });

    const again = await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, BROWSER);
    if (!again.ok || !again.needsCode) throw new Error('the password step should ask for a code');
    expect(await completeSignIn(s.a.deps, again.sessionToken, { trustedDeviceId: id, code: '11112222' }, BROWSER)).toMatchObject({
      ok: false,
      code: 'OWN_CODE_USED',
    });
    expect(await s.t.db.securityEvent.count({ where: { kind: 'code-reused' } })).toBe(1);
  });

  it('passes a fresh-code step before a change: this session is replaced by one whose code is fresh', async () => {
    const id = await card(['55556666']);
    expect(await sendIdentityCode(s.a.deps, s.a.actor, { trustedDeviceId: id }, BROWSER)).toMatchObject({ ok: true, sent: false });
    const confirmed = await confirmIdentity(s.a.deps, s.a.actor, { trustedDeviceId: id, code: '55556666' }, BROWSER);
    if (!confirmed.ok) throw new Error(confirmed.error);
    expect(await resolveSession(s.t.db, s.a.token, s.a.clock.now())).toBeNull();
    expect(await resolveSession(s.t.db, confirmed.sessionToken, s.a.clock.now())).toMatchObject({
      stage: 'full',
      codeVerifiedAt: s.a.clock.now(),
    });
    expect(await secondStepOf(confirmed.sessionToken)).toBe('otp');
    expect(await s.t.db.securityEvent.count({ where: { kind: 'identity-confirmed' } })).toBe(1);
  });

  it('passes the code step of a Recovery Key reset, and the new password is set', async () => {
    const id = await card(['77778888']);
    const started = await startKeyReset(s.a.deps, { appleId: APPLE_ID, recoveryKey: formatRecoveryKey(s.a.recoveryKey) }, BROWSER);
    if (!started.ok) throw new Error(JSON.stringify(started));
    expect(await keyResetState(s.a.deps, started.token)).toMatchObject({
      step: 'code',
      devices: expect.arrayContaining([expect.objectContaining({ id, label: 'Card of printed codes (Wallet card)' })]),
    });
    expect(await sendKeyResetCode(s.a.deps, started.token, { trustedDeviceId: id }, BROWSER)).toMatchObject({ ok: true, sent: false });
    expect(await verifyKeyResetCode(s.a.deps, started.token, { trustedDeviceId: id, code: '77778888' }, BROWSER)).toEqual({ ok: true });
    const password = 'lantern orchard 1987';
    expect(await completeKeyReset(s.a.deps, started.token, { password, confirmPassword: password }, BROWSER)).toEqual({ ok: true });
    expect(await signIn(s.a.deps, { appleId: APPLE_ID, password }, BROWSER)).toMatchObject({ ok: true, needsCode: true });
  });
});
