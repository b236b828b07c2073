// Replace Lost Key: a new key at once, the old one dead at once, an email without the key.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BROWSER, GOOD_PASSWORD } from '../harness/accounts.ts';
import { replaceRecoveryKey } from '../../src/recovery-key/replace-key.ts';
import { normaliseRecoveryKey, verifyRecoveryKey } from '../../src/recovery-key/recovery-key.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { signInWithRecoveryKey } from '../../src/sign-in/recovery-key.ts';
import { APPLE_ID, withTwoStepAccount } from '../two-step/helpers.ts';

describe('Replace Lost Key', () => {
  const s = withTwoStepAccount();

  async function withKey(recoveryKey: string) {
    const password = await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, BROWSER);
    if (!password.ok) throw new Error(password.error);
    return signInWithRecoveryKey(s.a.deps, password.sessionToken, { recoveryKey }, BROWSER);
  }

  it('gives a new 14-character key; the old one stops working at once, the new one works', async () => {
    const result = await replaceRecoveryKey(s.a.deps, s.a.actor, BROWSER);
    if (!result.ok) throw new Error(result.error);
    const fresh = normaliseRecoveryKey(result.recoveryKey);
    expect(fresh).toHaveLength(14);
    expect(fresh).not.toBe(s.a.recoveryKey);
    const { recoveryKeyHash, recoveryKeyCreatedAt } = await s.t.db.account.findUniqueOrThrow({ where: { id: s.a.accountId } });
    expect(recoveryKeyHash).not.toContain(fresh!);
    expect(await verifyRecoveryKey(s.a.recoveryKey, recoveryKeyHash!)).toBe(false);
    expect(recoveryKeyCreatedAt).toEqual(s.a.clock.now());
    expect(await withKey(s.a.recoveryKey)).toMatchObject({ ok: false, code: 'WRONG_RECOVERY_KEY' });
    expect((await withKey(result.recoveryKey)).ok).toBe(true);
  });

  it('is recorded and told to every address on file, without the key', async () => {
    const result = await replaceRecoveryKey(s.a.deps, s.a.actor, BROWSER);
    if (!result.ok) throw new Error(result.error);
    const events = await s.t.db.securityEvent.findMany({ where: { kind: 'recovery-key-replaced' } });
    expect(events).toHaveLength(1);
    const mail = await s.t.db.emailOutbox.findMany({ where: { kind: 'recovery-key-replaced' } });
    expect(mail.map((m) => m.toAddress).sort()).toEqual(['Jane.Holder@Example.com', 'jane.rescue@example.org']);
    const key = normaliseRecoveryKey(result.recoveryKey)!;
    for (const text of [...mail.map((m) => `${m.subject}\n${m.textBody}`), ...events.map((e) => e.details ?? '')]) {
      expect(text.replace(/[^A-Z0-9]/g, '')).not.toContain(key);
    }
  });

  it('is refused while two-step is off', async () => {
    await s.t.db.account.update({ where: { id: s.a.accountId }, data: { twoStepEnabledAt: null } });
    expect(await replaceRecoveryKey(s.a.deps, s.a.actor, BROWSER)).toEqual({
      ok: false,
      code: 'REPLACE_NEEDS_TWO_STEP',
      error: 'Replace Lost Key is for accounts with two-step verification on.',
    });
  });
});
