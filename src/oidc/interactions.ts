// An app's sign-in in progress (oidc-provider's "interaction"), as the portal's pages need it: which
// app asks, for what, and where to go on. The pages only show it; what the request may get is decided
// by the bridge (src/oidc/bridge.ts), which also checks that the browser is the one the request
// began in (its interaction cookie).
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { rawDateOrNull } from '../db/raw.ts';
import { scopesOf, type Scope } from './scopes.ts';
export { cancelUrl, continueUrl } from './paths.ts';

/** oidc-provider's interaction ids (nanoid): what may stand in a page's ?interaction= parameter. */
export const interactionId = z.string().regex(/^[A-Za-z0-9_-]{10,64}$/);

export interface InteractionSummary {
  uid: string;
  clientId: string;
  appName: string;
  /** What the app asks for, in the scopes table's order. */
  scopes: Scope[];
  /** The Apple ID the request began with, when a portal session was signed in. */
  accountId: string | null;
}

const stored = z.object({
  params: z.object({ client_id: z.string(), scope: z.string().optional() }).loose(),
  session: z.object({ accountId: z.string() }).loose().optional(),
});

/** The app's sign-in in progress with this id, or null when there is none (ended, expired, malformed id). */
export async function interactionSummary(db: Db, uid: unknown): Promise<InteractionSummary | null> {
  const id = interactionId.safeParse(uid);
  if (!id.success) return null;
  const rows = await db.$queryRaw<{ payload: string; expiresAt: unknown }[]>`
    SELECT "payload", "expiresAt" FROM "OidcRecord" WHERE "kind" = 'Interaction' AND "id" = ${id.data}`;
  const row = rows[0];
  const expiresAt = rawDateOrNull(row?.expiresAt);
  if (!row || (expiresAt && expiresAt.getTime() <= Date.now())) return null;
  const parsed = stored.safeParse(JSON.parse(row.payload));
  if (!parsed.success) return null;
  const app = await db.oidcClient.findUnique({ where: { id: parsed.data.params.client_id }, select: { name: true } });
  if (!app) return null;
  return {
    uid: id.data,
    clientId: parsed.data.params.client_id,
    appName: app.name,
    scopes: scopesOf(parsed.data.params.scope),
    accountId: parsed.data.session?.accountId ?? null,
  };
}
