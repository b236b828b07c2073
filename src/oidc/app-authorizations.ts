// The apps a holder allowed to use their Apple ID (the consent page), remembered per app and set of
// scopes: an app that asks again for no more than it was allowed is not asked about again, in any
// browser; one that asks for more is. Password and Security lists them ("Apps using your Apple ID")
// and Stop Using ends one: what it was allowed, and every code and token it holds, at once.
import type { Clock } from '../clock.ts';
import type { Db, DbTx } from '../db/client.ts';
import { addressesOnFile, emailReader } from '../mail/recipients.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { appUsedFromNewBrowserEmail } from '../mail/templates.ts';
import { browserName } from '../security-events/activity.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import type { Actor } from '../sessions/actor.ts';
import { knownBrowserKey } from '../sessions/known-browsers.ts';
import { failure, type Result } from '../result.ts';
import { OIDC_ERRORS, type OidcError } from './errors.ts';
import { scopesOf, type Scope } from './scopes.ts';
import { isRequestId } from '../db/row-id.ts';

export interface AppInUse {
  clientId: string;
  name: string;
  scopes: Scope[];
  firstUsedAt: Date;
  lastUsedAt: Date;
}

/** The apps using the account, the most recently used first. */
export async function appsUsing(db: Db, accountId: string): Promise<AppInUse[]> {
  const rows = await db.appAuthorization.findMany({
    where: { accountId },
    orderBy: [{ lastUsedAt: 'desc' }, { clientId: 'asc' }],
    select: { clientId: true, scope: true, createdAt: true, lastUsedAt: true, client: { select: { name: true } } },
  });
  return rows.map((r) => ({
    clientId: r.clientId,
    name: r.client.name,
    scopes: scopesOf(r.scope),
    firstUsedAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
  }));
}

/** What the holder allowed the app and when they last pressed Allow, or null when they never did (or stopped it). */
export async function appAuthorization(
  db: DbTx,
  accountId: string,
  clientId: string,
): Promise<{ scopes: Set<string>; allowedAt: Date } | null> {
  const row = await db.appAuthorization.findUnique({
    where: { accountId_clientId: { accountId, clientId } },
    select: { scope: true, allowedAt: true },
  });
  return row ? { scopes: new Set(row.scope.split(' ').filter(Boolean)), allowedAt: row.allowedAt } : null;
}

/** What the holder allowed the app, or null when they never did (or stopped it). */
export async function allowedScopes(db: DbTx, accountId: string, clientId: string): Promise<Set<string> | null> {
  return (await appAuthorization(db, accountId, clientId))?.scopes ?? null;
}

/**
 * The holder pressed Allow: the app may receive these scopes (added to what it had), as of now.
 * Recorded in the security log when the app may receive more than before.
 */
export async function allowApp(
  db: Db,
  clock: Clock,
  a: { accountId: string; clientId: string; scopes: readonly string[] },
  ctx: RequestContext,
): Promise<void> {
  const now = clock.now();
  await db.$transaction(async (tx) => {
    const client = await tx.oidcClient.findUnique({ where: { id: a.clientId }, select: { name: true } });
    if (!client) return;
    const had = await allowedScopes(tx, a.accountId, a.clientId);
    const scope = scopesOf([...(had ?? []), ...a.scopes].join(' ')).join(' ');
    // One statement, so that two tabs allowing at once cannot fail on the primary key (on
    // PostgreSQL a refused insert would end the whole transaction).
    await tx.$executeRaw`
      INSERT INTO "AppAuthorization" ("accountId", "clientId", "scope", "createdAt", "allowedAt", "lastUsedAt") VALUES (${a.accountId}, ${a.clientId}, ${scope}, ${now}, ${now}, ${now})
      ON CONFLICT ("accountId", "clientId") DO UPDATE SET "scope" = ${scope}, "allowedAt" = ${now}`;
    if (had && scopesOf(scope).every((s) => had.has(s))) return;
    await recordSecurityEvent(tx, { accountId: a.accountId, kind: 'app-allowed', at: now, details: { app: client.name, scope } }, ctx);
  });
}

/**
 * Stop Using: the app may no longer use the Apple ID. What it was allowed, and every code, token and
 * grant it holds for the account, are deleted in one transaction: its next request is refused.
 */
export async function stopUsingApp(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  clientId: unknown,
  ctx: RequestContext,
): Promise<Result<{ name: string }, OidcError>> {
  if (!isRequestId(clientId)) return failure(OIDC_ERRORS, 'APP_UNKNOWN');
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const row = await tx.appAuthorization.findUnique({
      where: { accountId_clientId: { accountId: actor.accountId, clientId } },
      select: { client: { select: { name: true } } },
    });
    if (!row) return failure(OIDC_ERRORS, 'APP_UNKNOWN');
    await tx.appAuthorization.delete({ where: { accountId_clientId: { accountId: actor.accountId, clientId } } });
    await tx.$executeRaw`DELETE FROM "OidcRecord" WHERE "accountId" = ${actor.accountId} AND "clientId" = ${clientId}`;
    await recordSecurityEvent(tx, { accountId: actor.accountId, kind: 'app-stopped', at: now, details: { app: row.client.name } }, ctx);
    return { ok: true as const, name: row.client.name };
  });
}

/**
 * An app was given a sign-in (an authorization code) or a fresh token: its last use. The first time
 * it is used from a browser (the browser's device-cookie id for the account, kept as its SHA-256 as
 * the known browser's record is: src/sessions/known-browsers.ts) the holder is emailed.
 */
export async function recordAppUse(
  db: Db,
  deps: { clock: Clock; appUrl: string },
  use: { accountId: string; clientId: string; browserId: string | null },
  ctx: RequestContext,
): Promise<void> {
  const now = deps.clock.now();
  await db.$executeRaw`UPDATE "AppAuthorization" SET "lastUsedAt" = ${now} WHERE "accountId" = ${use.accountId} AND "clientId" = ${use.clientId}`;
  if (!use.browserId) return;
  const browserId = knownBrowserKey(use.browserId);
  await db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "AppBrowser" ("accountId", "clientId", "browserId", "firstUsedAt")
      SELECT ${use.accountId}, ${use.clientId}, ${browserId}, ${now}
      WHERE EXISTS (SELECT 1 FROM "AppAuthorization" WHERE "accountId" = ${use.accountId} AND "clientId" = ${use.clientId})
      ON CONFLICT ("accountId", "clientId", "browserId") DO NOTHING`;
    if (inserted !== 1) return;
    const account = await tx.account.findUniqueOrThrow({
      where: { id: use.accountId },
      select: { name: true, appleId: true, rescueEmail: true, timeZone: true, language: true, browserLanguage: true },
    });
    const client = await tx.oidcClient.findUniqueOrThrow({ where: { id: use.clientId }, select: { name: true } });
    await recordSecurityEvent(
      tx,
      { accountId: use.accountId, kind: 'app-used-from-new-browser', at: now, details: { app: client.name } },
      ctx,
    );
    await enqueueEmail(
      tx,
      {
        kind: 'app-new-browser',
        accountId: use.accountId,
        to: addressesOnFile(account),
        ...appUsedFromNewBrowserEmail({
          name: account.name,
          appleId: account.appleId,
          app: client.name,
          browser: browserName(ctx.userAgent),
          at: now,
          appUrl: deps.appUrl,
          ...emailReader(account),
        }),
      },
      deps.clock,
    );
  });
}
