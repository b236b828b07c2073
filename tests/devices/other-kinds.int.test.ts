// An authenticator app and a passkey among the trusted devices
// (docs/rules.md#other-kinds-of-trusted-device): how the list, the activity list and the emails
// name them, and that they never stand in for the SMS number two-step needs. Their own flows
// (adding, codes, signatures) are tested elsewhere; here the rows are made directly, as those flows
// leave them. On a two-step account with one trusted phone.
import { describe, expect, it } from 'vitest';
import { BROWSER } from '../harness/accounts.ts';
import { announceDeviceChange, listDevices, removeDevice } from '../../src/devices/trusted-devices.ts';
import { recentActivity } from '../../src/security-events/activity.ts';
import { trustedPhoneCount } from '../../src/devices/trusted-phones.ts';
import { withTwoStepAccount } from '../two-step/helpers.ts';
import { appDevice, passkeyDevice } from './kind-rows.ts';

const DAY_MS = 24 * 3600_000;

describe('authenticator apps and passkeys among the trusted devices', () => {
  const s = withTwoStepAccount();
  const at = (daysAgo: number) => new Date(s.a.clock.now().getTime() - daysAgo * DAY_MS);
  const mails = (kind: string) => s.t.db.emailOutbox.findMany({ where: { kind }, orderBy: [{ createdAt: 'asc' }, { toAddress: 'asc' }] });
  const details = async (kind: string) =>
    (await s.t.db.securityEvent.findMany({ where: { accountId: s.a.accountId, kind }, orderBy: { createdAt: 'asc' } })).map((e) =>
      JSON.parse(e.details ?? '{}'),
    );
  const activity = async () => (await recentActivity(s.t.db, s.a.accountId, { page: 1 })).items.map((i) => i.label);

  it('are listed by kind and name, with when they were added, verified and last used', async () => {
    await appDevice(s.t.db, s.a.accountId, 'Authy', { createdAt: at(3), verifiedAt: at(3), lastUsedAt: at(1) });
    await passkeyDevice(s.t.db, s.a.accountId, null, { createdAt: at(2) });
    await appDevice(s.t.db, s.a.accountId, '1Password', { createdAt: at(1) }); // not yet verified with a code
    const { trusted, pending } = await listDevices(s.t.db, s.a.accountId);
    expect(trusted.map((d) => [d.kind, d.label, d.createdAt, d.verifiedAt, d.lastUsedAt])).toEqual([
      ['totp', 'Authenticator app (Authy)', at(3), at(3), at(1)],
      ['passkey', 'Passkey or security key', at(2), at(2), null],
      ['sms', '+1 ••• ••• ••34', new Date('2026-11-23T10:00:00.000Z'), new Date('2026-11-23T10:00:00.000Z'), null],
    ]);
    expect(pending.map((d) => [d.kind, d.label])).toEqual([['totp', 'Authenticator app (1Password)']]);
  });

  it('never count as the SMS number two-step needs: the last one stays while apps and passkeys remain', async () => {
    await appDevice(s.t.db, s.a.accountId, 'Authy', { createdAt: at(1), verifiedAt: at(1) });
    await passkeyDevice(s.t.db, s.a.accountId, 'YubiKey', { createdAt: at(1) });
    expect(await trustedPhoneCount(s.t.db, s.a.accountId)).toBe(1);
    expect(await removeDevice(s.a.deps, s.a.actor, s.a.phoneId, BROWSER)).toMatchObject({ ok: false, code: 'LAST_TRUSTED_PHONE' });
    expect(await s.t.db.trustedDevice.count({ where: { accountId: s.a.accountId } })).toBe(3);
  });

  it('each may be removed while two-step is on, and the removal is told in its own words', async () => {
    const app = await appDevice(s.t.db, s.a.accountId, 'Authy', { createdAt: at(1), verifiedAt: at(1) });
    const key = await passkeyDevice(s.t.db, s.a.accountId, 'YubiKey', { createdAt: at(1) });
    expect(await removeDevice(s.a.deps, s.a.actor, app, BROWSER)).toEqual({
      ok: true,
      message: 'Authenticator app (Authy) was removed. It can no longer be used to verify your identity.',
    });
    s.a.clock.advance(1000);
    expect(await removeDevice(s.a.deps, s.a.actor, key, BROWSER)).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Passkey or security key \(YubiKey\) was removed\./),
    });
    expect(await details('trusted-device-removed')).toEqual([
      { kind: 'totp', device: 'Authenticator app (Authy)', title: 'Authenticator app (Authy)', wasTrusted: true },
      { kind: 'passkey', device: 'Passkey or security key (YubiKey)', title: 'Passkey or security key (YubiKey)', wasTrusted: true },
    ]);
    expect((await activity()).slice(0, 2)).toEqual(['Passkey or security key (YubiKey) removed', 'Authenticator app (Authy) removed']);
    const sent = await mails('trusted-device-removed');
    expect(sent.map((m) => m.subject)).toEqual(Array(4).fill('A trusted device was removed from your Apple ID'));
    expect(sent[0]!.textBody).toContain(
      'the authenticator app “Authy” was removed from the trusted devices of the Apple ID Jane.Holder@Example.com. It can no longer be used to verify your identity.',
    );
    expect(sent[2]!.textBody).toContain('the passkey or security key “YubiKey” was removed from the trusted devices');
  });

  it('adding one is told in the words of its kind: no code is sent to an app or a passkey', async () => {
    const cases = [
      {
        device: { kind: 'totp', phoneNumber: null, name: 'Authy' },
        line: 'Authenticator app (Authy) added',
        sentence:
          'the authenticator app “Authy” was verified as a trusted device for the Apple ID Jane.Holder@Example.com. The codes it shows can now be used to verify your identity.',
      },
      {
        device: { kind: 'passkey', phoneNumber: null, name: 'YubiKey' },
        line: 'Passkey or security key (YubiKey) added',
        sentence:
          'the passkey or security key “YubiKey” was verified as a trusted device for the Apple ID Jane.Holder@Example.com. It can now be used to verify your identity, without a code.',
      },
      {
        device: { kind: 'passkey', phoneNumber: null, name: null },
        line: 'Passkey or security key added',
        sentence: ', a passkey or security key was verified as a trusted device',
      },
      {
        device: { kind: 'sms', phoneNumber: '+15550105678' },
        line: 'Phone number (+1 ••• ••• ••78) added',
        sentence:
          'the phone number +1 ••• ••• ••78 was verified as a trusted device for the Apple ID Jane.Holder@Example.com. Verification codes can now be sent to it.',
      },
      {
        device: { kind: 'push', phoneNumber: null, registeredDevice: { name: 'Jane’s iPad' } },
        line: 'iOS device (Jane’s iPad) added',
        sentence:
          'the device “Jane’s iPad” was verified as a trusted device for the Apple ID Jane.Holder@Example.com. Verification codes can now be sent to it.',
      },
    ];
    for (const c of cases) {
      await s.t.db.emailOutbox.deleteMany();
      s.a.clock.advance(1000);
      await s.t.db.$transaction((tx) =>
        announceDeviceChange(tx, s.a.clock, { accountId: s.a.accountId, device: c.device, added: true, at: s.a.clock.now() }, BROWSER),
      );
      expect((await activity())[0]).toBe(c.line);
      const sent = await mails('trusted-device-added');
      expect(sent.map((m) => m.subject)).toEqual([
        'A trusted device was added to your Apple ID',
        'A trusted device was added to your Apple ID',
      ]);
      expect(sent[0]!.textBody).toContain(c.sentence);
      if (c.device.kind === 'totp' || c.device.kind === 'passkey') expect(sent[0]!.textBody).not.toContain('can now be sent to it');
    }
  });
});
