// Adding an iOS device with Find My iPhone (docs/rules.md#trusted-devices): the device is first
// registered to the account, then made a pending trusted device that is pushed its first code; the
// code entered makes it trusted through confirmDevice (src/devices/trusted-devices.ts).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { lockAccountRow } from '../../db/row-locks.ts';
import { isRequestId } from '../../db/row-id.ts';
import type { Actor } from '../../sessions/actor.ts';
import { displayText } from '../../accounts/display-text.ts';
import { parseForm } from '../../forms/forms.ts';
import { recordSecurityEvent, type RequestContext } from '../../security-events/record.ts';
import { freshCodeRefusal } from '../../step-up/fresh-code.ts';
import { failure } from '../../result.ts';
import { DEVICES_ERRORS } from '../../devices/errors.ts';
import { ADDING, createPendingDevice, sendFirstCode, type DeviceDeps, type DeviceResult } from '../../devices/trusted-devices.ts';
import { MAX_REGISTERED_DEVICES } from './registered.ts';
import { pushKind } from './kind.ts';
import { IOS_DEVICE_ERRORS } from './errors.ts';
import { noticeText } from '../../i18n/said.ts';
import { fieldMessage } from '../../forms/field-messages.ts';
import { DEVICE_NAME_MAX } from '../device-name.ts';

// Names are shown on pages and in emails: one line of text.
const registerSchema = z.object({
  name: displayText(DEVICE_NAME_MAX, {
    empty: fieldMessage('deviceName.iosEmpty', { example: 'Jamie’s iPhone' }),
    tooLong: fieldMessage('deviceName.tooLong', { max: DEVICE_NAME_MAX }),
  }),
});

/**
 * Registers a (simulated) iOS device with Find My iPhone to the account
 * (docs/rules.md#trusted-devices: devices are registered before they can be made trusted). Its
 * device id names it at the push stand-in.
 */
export async function registerDevice(
  deps: Pick<DeviceDeps, 'db' | 'clock'>,
  actor: Actor,
  input: unknown,
  ctx: RequestContext,
): Promise<DeviceResult<{ registeredDeviceId: string; deviceId: string }>> {
  const parsed = parseForm(registerSchema, input, {});
  if (!parsed.ok) return parsed;
  const { name } = parsed.data;
  const now = deps.clock.now();
  for (let attempt = 0; ; attempt++) {
    const deviceId = `sim-${randomBytes(4).toString('hex')}`;
    try {
      const row = await deps.db.$transaction(async (tx) => {
        // Counted and created under the account's row lock: concurrent registrations cannot pass the limit.
        await lockAccountRow(tx, actor.accountId, now);
        if ((await tx.registeredDevice.count({ where: { accountId: actor.accountId } })) >= MAX_REGISTERED_DEVICES) return null;
        const created = await tx.registeredDevice.create({ data: { accountId: actor.accountId, deviceId, name, createdAt: now } });
        await recordSecurityEvent(tx, { accountId: actor.accountId, kind: 'device-registered', at: now, details: { deviceId, name } }, ctx);
        return created;
      });
      if (!row) return failure(IOS_DEVICE_ERRORS, 'TOO_MANY_REGISTERED', MAX_REGISTERED_DEVICES);
      return {
        ok: true,
        registeredDeviceId: row.id,
        deviceId,
        message: noticeText('deviceRegistered', { name }),
      };
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 2) throw e; // a device id already taken: draw another
    }
  }
}

/** Makes a device registered to this account a pending trusted device and pushes a code to it. */
export async function addPushDevice(
  deps: DeviceDeps,
  actor: Actor,
  registeredDeviceId: unknown,
  ctx: RequestContext,
): Promise<DeviceResult<{ trustedDeviceId: string; expiresAt: Date }>> {
  const stale = await freshCodeRefusal(deps, actor, ADDING);
  if (stale) return stale;
  const registered = isRequestId(registeredDeviceId)
    ? await deps.db.registeredDevice.findFirst({ where: { id: registeredDeviceId, accountId: actor.accountId } })
    : null;
  if (!registered) return failure(IOS_DEVICE_ERRORS, 'NOT_REGISTERED');
  const existing = await deps.db.trustedDevice.findFirst({ where: { accountId: actor.accountId, registeredDeviceId: registered.id } });
  if (existing?.verifiedAt) return failure(DEVICES_ERRORS, 'DEVICE_ALREADY_TRUSTED', registered.name);
  if (existing) return failure(IOS_DEVICE_ERRORS, 'DEVICE_AWAITING_CODE', registered.name);
  const device = await createPendingDevice(
    deps.db,
    actor.accountId,
    { kind: pushKind.id, registeredDeviceId: registered.id },
    deps.clock.now(),
  );
  if (device === 'taken') return failure(IOS_DEVICE_ERRORS, 'DEVICE_AWAITING_CODE', registered.name);
  if ('error' in device) return device;
  const sent = await sendFirstCode(deps, actor.accountId, device.id, ctx);
  if (!sent.ok) return sent;
  return {
    ok: true,
    trustedDeviceId: device.id,
    expiresAt: sent.expiresAt,
    message: noticeText('codeSent', { digits: deps.codeDigits, destination: registered.name }),
  };
}
