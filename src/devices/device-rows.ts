// The read of the device pages (Trusted Devices, Manage two-step), in raw SQL (src/db/raw.ts: a
// model query with an `include` costs two compiled queries, about 0.7 ms of CPU each). Oldest
// first, the id breaking ties, as the pages list them. (The registered iOS devices' read is
// src/kinds/push/registered.ts.)
import type { DbTx } from '../db/client.ts';
import { rawDate, rawDateOrNull, rawTextOrNull } from '../db/raw.ts';

export interface TrustedDeviceRow {
  id: string;
  kind: string;
  phoneNumber: string | null;
  /** The registered iOS device's name, for a push device. */
  registeredDevice: { name: string } | null;
  /** The holder's name for the device, for a kind the holder names (src/kinds/kind.ts, namedByHolder). */
  name: string | null;
  createdAt: Date;
  verifiedAt: Date | null;
  lastUsedAt: Date | null;
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
