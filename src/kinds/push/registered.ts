// Registered iOS devices (Find My iPhone): the devices of an account that can be made trusted
// devices of the push kind (./add.ts), and how the device pages list them. Read in raw SQL like
// the trusted devices (src/devices/device-rows.ts), oldest first.
import type { DbTx } from '../../db/client.ts';
import { rawDate, rawDateOrNull } from '../../db/raw.ts';
import { kindView, type KindView } from '../view.ts';
import { pushKind } from './kind.ts';

// (ours) An account holds at most this many registered iOS devices: enough for a household's
// phones, few enough to bound what one session can make us send.
export const MAX_REGISTERED_DEVICES = 10;

export interface RegisteredDeviceRow {
  id: string;
  deviceId: string;
  name: string;
  createdAt: Date;
  /** The account's trusted device for it, if any (at most one: TrustedDevice is unique on (accountId, registeredDeviceId)). */
  trustedDevice: { verifiedAt: Date | null } | null;
}

/** The account's registered iOS devices, each with its trusted device of this account if any. */
export async function registeredDeviceRows(db: DbTx, accountId: string): Promise<RegisteredDeviceRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT r."id", r."deviceId", r."name", r."createdAt", t."id" AS "trustedId", t."verifiedAt"
    FROM "RegisteredDevice" r LEFT JOIN "TrustedDevice" t ON t."registeredDeviceId" = r."id" AND t."accountId" = r."accountId"
    WHERE r."accountId" = ${accountId}
    ORDER BY r."createdAt" ASC, r."id" ASC`;
  return rows.map((r) => ({
    id: String(r.id),
    deviceId: String(r.deviceId),
    name: String(r.name),
    createdAt: rawDate(r.createdAt),
    trustedDevice: r.trustedId === null || r.trustedId === undefined ? null : { verifiedAt: rawDateOrNull(r.verifiedAt) },
  }));
}

export interface RegisteredDeviceView {
  id: string;
  deviceId: string;
  name: string;
  createdAt: Date;
  /** Whether the device is already a trusted device ('trusted'), waiting for its code ('pending'), or neither. */
  status: 'trusted' | 'pending' | null;
  /** A registered device becomes a trusted device of the push kind: shown as one. */
  shows: KindView;
}

/** The account's registered iOS devices as the device pages list them. */
export async function registeredDevices(db: DbTx, accountId: string): Promise<RegisteredDeviceView[]> {
  return (await registeredDeviceRows(db, accountId)).map((r) => {
    const t = r.trustedDevice;
    return {
      id: r.id,
      deviceId: r.deviceId,
      name: r.name,
      createdAt: r.createdAt,
      status: t ? (t.verifiedAt ? 'trusted' : 'pending') : null,
      shows: kindView(pushKind.id),
    };
  });
}
