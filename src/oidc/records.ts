// oidc-provider's storage on the portal's own database (either engine): one OidcRecord row per
// stored item (prisma/datamodel.prisma), so that every instance sees the same codes, tokens, grants,
// sessions and interactions. The interface is oidc-provider's "Adapter" (its example/my_adapter.js).
// Raw SQL throughout (src/db/raw.ts): the token endpoint reads and writes several rows per request.
//
// Single use is the database's: `consume` is one conditional UPDATE, so of concurrent exchanges of
// one authorization code, or uses of one refresh token, exactly one goes on. The others are a
// reuse, as a later request with the same code would be (RFC 6749 4.1.2; OAuth 2.0 Security BCP
// 4.14.2): every token of the grant is revoked with it, and the request is refused.
import { errors, type Adapter, type AdapterPayload } from 'oidc-provider';
import type { Db, DbTx } from '../db/client.ts';
import { rawDateOrNull } from '../db/raw.ts';

/** Kinds whose reuse revokes the grant they came from. */
const SINGLE_USE = new Set(['AuthorizationCode', 'RefreshToken']);

/** Rows are kept this much past their expiry, as oidc-provider's own adapter does, so that it can say "expired" rather than "not found". */
const KEEP_AFTER_EXPIRY_S = 15;

function columnsOf(kind: string, id: string, payload: AdapterPayload) {
  const p = payload as AdapterPayload & { params?: { client_id?: unknown }; session?: { accountId?: unknown } };
  const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return {
    // A grant's own row carries its id, so that "everything of this grant" is one DELETE.
    grantId: kind === 'Grant' ? id : text(p.grantId),
    sessionUid: kind === 'Session' ? text(p.uid) : null,
    accountId: text(p.accountId) ?? text(p.session?.accountId),
    clientId: text(p.clientId) ?? text(p.params?.client_id),
  };
}

export class OidcRecords implements Adapter {
  constructor(
    private readonly db: Db,
    private readonly kind: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const { grantId, sessionUid, accountId, clientId } = columnsOf(this.kind, id, payload);
    const expiresAt = expiresIn ? new Date(Date.now() + (expiresIn + KEEP_AFTER_EXPIRY_S) * 1000) : null;
    const json = JSON.stringify(payload);
    await this.db.$executeRaw`
      INSERT INTO "OidcRecord" ("kind", "id", "payload", "grantId", "sessionUid", "accountId", "clientId", "expiresAt")
      VALUES (${this.kind}, ${id}, ${json}, ${grantId}, ${sessionUid}, ${accountId}, ${clientId}, ${expiresAt})
      ON CONFLICT ("kind", "id") DO UPDATE SET "payload" = ${json}, "grantId" = ${grantId}, "sessionUid" = ${sessionUid},
        "accountId" = ${accountId}, "clientId" = ${clientId}, "expiresAt" = ${expiresAt}`;
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.one(
      await this.db.$queryRaw<Record<string, unknown>[]>`
      SELECT "payload", "consumedAt", "expiresAt" FROM "OidcRecord" WHERE "kind" = ${this.kind} AND "id" = ${id}`,
    );
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.one(
      await this.db.$queryRaw<Record<string, unknown>[]>`
      SELECT "payload", "consumedAt", "expiresAt" FROM "OidcRecord" WHERE "kind" = ${this.kind} AND "sessionUid" = ${uid}`,
    );
  }

  /** No device flow: user codes are never stored. */
  async findByUserCode(): Promise<undefined> {
    return undefined;
  }

  async consume(id: string): Promise<void> {
    const now = new Date();
    const claimed = await this.db.$executeRaw`
      UPDATE "OidcRecord" SET "consumedAt" = ${now} WHERE "kind" = ${this.kind} AND "id" = ${id} AND "consumedAt" IS NULL`;
    if (claimed === 1 || !SINGLE_USE.has(this.kind)) return;
    // Another request consumed it between oidc-provider's read and this one: a reuse.
    const rows = await this.db.$queryRaw<
      { grantId: string | null }[]
    >`SELECT "grantId" FROM "OidcRecord" WHERE "kind" = ${this.kind} AND "id" = ${id}`;
    if (rows[0]?.grantId) await revokeGrant(this.db, rows[0].grantId);
    throw new errors.InvalidGrant(`${this.kind === 'RefreshToken' ? 'refresh token' : 'authorization code'} already used`);
  }

  async destroy(id: string): Promise<void> {
    await this.db.$executeRaw`DELETE FROM "OidcRecord" WHERE "kind" = ${this.kind} AND "id" = ${id}`;
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.db.$executeRaw`DELETE FROM "OidcRecord" WHERE "kind" = ${this.kind} AND "grantId" = ${grantId}`;
  }

  private one(rows: Record<string, unknown>[]): AdapterPayload | undefined {
    const row = rows[0];
    if (!row) return undefined;
    const expiresAt = rawDateOrNull(row.expiresAt);
    if (expiresAt && expiresAt.getTime() <= Date.now()) return undefined;
    const payload = JSON.parse(String(row.payload)) as AdapterPayload;
    const consumedAt = rawDateOrNull(row.consumedAt);
    return consumedAt ? { ...payload, consumed: Math.floor(consumedAt.getTime() / 1000) } : payload;
  }
}

/** Every code and token of a grant, and the grant: one statement. */
export async function revokeGrant(db: DbTx, grantId: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "OidcRecord" WHERE "grantId" = ${grantId}`;
}

/** Rows past their expiry (and the grace above): each instance sweeps now and then; deleting twice is harmless. */
export async function sweepExpiredRecords(db: Db, now: Date = new Date()): Promise<number> {
  return db.$executeRaw`DELETE FROM "OidcRecord" WHERE "expiresAt" IS NOT NULL AND "expiresAt" < ${now}`;
}
