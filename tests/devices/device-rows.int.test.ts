// The device pages' raw reads (src/devices/device-rows.ts) give what the model queries give, on both engines.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, TEST_ENGINE, type TestDb } from '../harness/db.ts';
import { accountInput, BROWSER, freshAccount, testDeps } from '../harness/accounts.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { trustedDeviceRows } from '../../src/devices/device-rows.ts';
import { registeredDeviceRows } from '../../src/kinds/push/registered.ts';
import { listDevices } from '../../src/devices/trusted-devices.ts';

describe(`the device pages' reads (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let accountId: string;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    ({ accountId } = await freshAccount(t.db));
  });

  it('reads the trusted and registered devices as the model queries do', async () => {
    const other = await createAccount(testDeps(t.db), accountInput({ appleId: 'other.holder@example.com' }), BROWSER);
    if (!other.ok) throw new Error('other account');
    const at = (m: number) => new Date(Date.UTC(2026, 10, 30, 10, m, 0, 123));
    const phone = await t.db.trustedDevice.create({
      data: { accountId, kind: 'sms', phoneNumber: '+15550100042', createdAt: at(1), verifiedAt: at(2) },
    });
    const ipad = await t.db.registeredDevice.create({ data: { accountId, deviceId: 'dev-1', name: 'Jamie’s iPad', createdAt: at(1) } });
    await t.db.registeredDevice.create({ data: { accountId, deviceId: 'dev-2', name: 'Old iPhone', createdAt: at(0) } });
    await t.db.trustedDevice.create({ data: { accountId, kind: 'push', registeredDeviceId: ipad.id, createdAt: at(1) } }); // pending, same instant as the phone
    await t.db.trustedDevice.create({
      data: { accountId: other.accountId, kind: 'sms', phoneNumber: '+15550100043', createdAt: at(3), verifiedAt: at(3) },
    });
    const app = await t.db.trustedDevice.create({
      data: { accountId, kind: 'totp', name: 'Authy', createdAt: at(2), verifiedAt: at(2), lastUsedAt: at(3) },
    });

    const trusted = await t.db.trustedDevice.findMany({
      where: { accountId },
      include: { registeredDevice: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    expect(await trustedDeviceRows(t.db, accountId)).toEqual(
      trusted.map((d) => ({
        id: d.id,
        kind: d.kind,
        phoneNumber: d.phoneNumber,
        registeredDevice: d.registeredDevice ? { name: d.registeredDevice.name } : null,
        name: d.name,
        createdAt: d.createdAt,
        verifiedAt: d.verifiedAt,
        lastUsedAt: d.lastUsedAt,
      })),
    );
    const registered = await t.db.registeredDevice.findMany({
      where: { accountId },
      include: { trustedDevices: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    expect(await registeredDeviceRows(t.db, accountId)).toEqual(
      registered.map((r) => ({
        id: r.id,
        deviceId: r.deviceId,
        name: r.name,
        createdAt: r.createdAt,
        trustedDevice: r.trustedDevices[0] ? { verifiedAt: r.trustedDevices[0].verifiedAt } : null,
      })),
    );

    const list = await listDevices(t.db, accountId);
    expect(list.trusted.map((d) => d.id)).toEqual([phone.id, app.id]);
    expect(list.trusted[1]).toMatchObject({ kind: 'totp', label: 'Authenticator app (Authy)', lastUsedAt: at(3) });
    expect(list.pending.map((d) => d.label)).toEqual(['Jamie’s iPad']);
    expect(list.registered.map((r) => [r.name, r.status])).toEqual([
      ['Old iPhone', null],
      ['Jamie’s iPad', 'pending'],
    ]);
  });

  it('an account without devices has none', async () => {
    expect(await trustedDeviceRows(t.db, accountId)).toEqual([]);
    expect(await registeredDeviceRows(t.db, accountId)).toEqual([]);
  });
});
