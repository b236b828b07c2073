// The two reads of the device pages (Trusted Devices, Manage two-step), in raw SQL (src/db/raw.ts:
// a model query with an `include` costs two compiled queries, about 0.7 ms of CPU each). Oldest
// first, the id breaking ties, as the pages list them.
import type { DbTx } from '../db/client.ts';
import { rawDate, rawDateOrNull, rawTextOrNull } from '../db/raw.ts';

export interface TrustedDeviceRow {
  id: string;
  kind: string;
  phoneNumber: string | null;
  /** The registered iOS device's name, for a push device. */
  registeredDevice: { name: string } | null;
  /** The holder's name for an authenticator app or a passkey. */
  name: string | null;
  createdAt: Date;
  verifiedAt: Date | null;
  lastUsedAt: Date | null;
}

export interface RegisteredDeviceRow {
  id: string;
  deviceId: string;
  name: string;
  createdAt: Date;
  /** The account's trusted device for it, if any (at most one: TrustedDevice is unique on (accountId, registeredDeviceId)). */
  trustedDevice: { verifiedAt: Date | null } | null;
}

/** The account's trusted devices, pending ones included. */
export async function trustedDeviceRows(db: DbTx, accountId: string): Promise<TrustedDeviceRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT t."id", t."kind", t."phoneNumber", t."name", t."createdAt", t."verifiedAt", t."lastUsedAt", r."name" AS "registeredName"
    FROM "TrustedDevice" t LEFT JOIN "RegisteredDevice" r ON r."id" = t."registeredDeviceId"
    WHERE t."accountId" = ${accountId}
    ORDER BY t."createdAt" ASC, t."id" ASC`;
  return rows.map((r) => ({
    id: String(r.id),
    kind: String(r.kind),
    phoneNumber: rawTextOrNull(r.phoneNumber),
    registeredDevice: r.registeredName === null || r.registeredName === undefined ? null : { name: String(r.registeredName) },
    name: rawTextOrNull(r.name),
    createdAt: rawDate(r.createdAt),
    verifiedAt: rawDateOrNull(r.verifiedAt),
    lastUsedAt: rawDateOrNull(r.lastUsedAt),
  }));
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
