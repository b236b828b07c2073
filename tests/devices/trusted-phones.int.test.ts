// Apple's FAQ (docs/rules.md#trusted-devices): two-step verification needs at least one trusted
// phone number. needsTrustedPhone is the one rule behind setup's refusals (src/two-step/turn-on.ts)
// and the "Add a phone number too" note of the Trusted Devices and setup pages: only a verified SMS
// number of this account counts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { accountInput, BROWSER, freshAccount, testDeps } from '../harness/accounts.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { needsTrustedPhone, trustedPhoneCount } from '../../src/devices/trusted-phones.ts';
import { appDevice, passkeyDevice } from './kind-rows.ts';

const AT = new Date('2026-11-23T10:00:00Z');

describe('the trusted phone number two-step needs', () => {
  let t: TestDb;
  let accountId: string;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    ({ accountId } = await freshAccount(t.db));
  });

  const phone = (owner: string, phoneNumber: string, verified: boolean) =>
    t.db.trustedDevice.create({ data: { accountId: owner, kind: 'sms', phoneNumber, createdAt: AT, verifiedAt: verified ? AT : null } });
  async function iosDevice(verified: boolean) {
    const registered = await t.db.registeredDevice.create({ data: { accountId, deviceId: 'DEV-1', name: 'Jane’s iPhone', createdAt: AT } });
    await t.db.trustedDevice.create({
      data: { accountId, kind: 'push', registeredDeviceId: registered.id, createdAt: AT, verifiedAt: verified ? AT : null },
    });
  }

  it('an account without devices needs one', async () => {
    expect(await needsTrustedPhone(t.db, accountId)).toBe(true);
    expect(await trustedPhoneCount(t.db, accountId)).toBe(0);
  });

  it('a trusted iOS device is not enough: it cannot receive a text', async () => {
    await iosDevice(true);
    expect(await needsTrustedPhone(t.db, accountId)).toBe(true);
  });

  it('an authenticator app and a passkey are not enough: neither can receive a text', async () => {
    await appDevice(t.db, accountId, 'Authy', { createdAt: AT, verifiedAt: AT });
    await passkeyDevice(t.db, accountId, 'YubiKey', { createdAt: AT });
    expect(await needsTrustedPhone(t.db, accountId)).toBe(true);
    expect(await trustedPhoneCount(t.db, accountId)).toBe(0);
  });

  it('a number still waiting for its code is not enough', async () => {
    await phone(accountId, '+15550101234', false);
    expect(await needsTrustedPhone(t.db, accountId)).toBe(true);
  });

  it("another account's trusted number does not count", async () => {
    const other = await createAccount(
      testDeps(t.db),
      accountInput({ appleId: 'someone.else@example.com', rescueEmail: undefined }),
      BROWSER,
    );
    if (!other.ok) throw new Error('setup');
    await phone(other.accountId, '+15550109999', true);
    expect(await needsTrustedPhone(t.db, accountId)).toBe(true);
  });

  it('a verified phone number is what it needs, also inside a transaction', async () => {
    await iosDevice(true);
    await phone(accountId, '+15550101234', true);
    await phone(accountId, '+15550105678', false);
    expect(await needsTrustedPhone(t.db, accountId)).toBe(false);
    expect(await trustedPhoneCount(t.db, accountId)).toBe(1);
    expect(await t.db.$transaction((tx) => needsTrustedPhone(tx, accountId))).toBe(false);
  });
});
