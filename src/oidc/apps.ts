// Apps that sign people in through the portal (OpenID Connect clients), registered by the operator
// with `npm run apps` (scripts/apps.ts), never by a holder. A confidential app (a server that can
// keep a secret) gets a client secret, shown once and kept only as its SHA-256: it is 256 random
// bits, so a hash cannot be reversed by guessing. A public app (a browser or mobile app) has none
// and proves each code exchange with PKCE alone (every app must use PKCE S256 anyway).
//
// Redirect URIs are matched exactly (oidc-provider compares the whole string). They must be https,
// or http on a loopback host (RFC 8252 7.3; the demo apps, a developer's machine), carry no
// fragment (RFC 6749 3.1.2), and all sit on one host: the apps' subject identifiers are pairwise
// (src/oidc/subjects.ts), and OpenID Connect ties them to that host.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { displayText } from '../accounts/display-text.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { rawTextOrNull } from '../db/raw.ts';
import { failure, type Result } from '../result.ts';
import { OIDC_ERRORS, type OidcError } from './errors.ts';

export const APP_NAME_MAX = 80;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const redirectUri = z.string().superRefine((raw, ctx) => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return void ctx.addIssue({ code: 'custom', message: `${raw} is not an absolute URL.` });
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    ctx.addIssue({ code: 'custom', message: `${raw} must be https (http only on localhost or 127.0.0.1).` });
  }
  if (url.hash || raw.includes('#')) ctx.addIssue({ code: 'custom', message: `${raw} must not have a fragment (#...).` });
  if (url.username || url.password) ctx.addIssue({ code: 'custom', message: `${raw} must not hold a user name or password.` });
});

const registration = z
  .object({
    name: displayText(APP_NAME_MAX, { empty: 'Give the app a name.', tooLong: `An app's name has at most ${APP_NAME_MAX} characters.` }),
    redirectUris: z.array(redirectUri).min(1, 'Give at least one redirect URI (--redirect-uri).').max(10),
    postLogoutRedirectUris: z.array(redirectUri).max(10).default([]),
    confidential: z.boolean(),
  })
  .superRefine((app, ctx) => {
    const hosts = new Set(app.redirectUris.map((u) => URL.parse(u)?.host));
    if (hosts.size > 1) ctx.addIssue({ code: 'custom', message: 'Every redirect URI of an app must be on one host.' });
  });

export type AppRegistration = z.input<typeof registration>;

export interface RegisteredApp {
  clientId: string;
  name: string;
  confidential: boolean;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  createdAt: Date;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Whether `presented` is the secret whose SHA-256 is `storedHash`, in constant time. */
export function secretMatches(storedHash: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  // A stored value that is not 64 hex digits matches nothing: timingSafeEqual throws on buffers of
  // different lengths, and Buffer.from(_, 'hex') stops at the first character that is not hex.
  const stored = /^[0-9a-f]{64}$/i.test(storedHash) ? Buffer.from(storedHash, 'hex') : null;
  return stored !== null && timingSafeEqual(Buffer.from(sha256(presented), 'hex'), stored);
}

/**
 * A new client id: 96 random bits in hex. Not base64url, whose ids may begin with a dash, which the
 * operator's `npm run apps -- remove <id>` (and any shell tool) reads as an option.
 */
export const newClientId = (): string => randomBytes(12).toString('hex');

/**
 * Registers an app. Answers its client id and, for a confidential app, its secret: the only time
 * the secret exists outside the app. `fixed` sets both (the demo apps of the local stand-ins).
 */
export async function registerApp(
  db: Db,
  input: AppRegistration,
  now: Date,
  fixed: { clientId?: string; secret?: string } = {},
): Promise<Result<{ clientId: string; secret: string | null }, OidcError> & { problems?: string[] }> {
  const parsed = registration.safeParse(input);
  if (!parsed.success) return { ...failure(OIDC_ERRORS, 'APP_INVALID'), problems: parsed.error.issues.map((i) => i.message) };
  const app = parsed.data;
  const clientId = fixed.clientId ?? newClientId();
  const secret = app.confidential ? (fixed.secret ?? randomBytes(32).toString('base64url')) : null;
  try {
    await db.oidcClient.create({
      data: {
        id: clientId,
        name: app.name,
        secretHash: secret ? sha256(secret) : null,
        redirectUris: JSON.stringify(app.redirectUris),
        postLogoutRedirectUris: JSON.stringify(app.postLogoutRedirectUris),
        createdAt: now,
      },
    });
  } catch (e) {
    if (isUniqueViolation(e)) return failure(OIDC_ERRORS, 'APP_EXISTS');
    throw e;
  }
  return { ok: true, clientId, secret };
}

const uris = (json: string): string[] => {
  const parsed = z.array(z.string()).safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
};

function appOf(row: {
  id: string;
  name: string;
  secretHash: string | null;
  redirectUris: string;
  postLogoutRedirectUris: string;
  createdAt: Date;
}): RegisteredApp {
  return {
    clientId: row.id,
    name: row.name,
    confidential: row.secretHash !== null,
    redirectUris: uris(row.redirectUris),
    postLogoutRedirectUris: uris(row.postLogoutRedirectUris),
    createdAt: row.createdAt,
  };
}

export async function listApps(db: Db): Promise<RegisteredApp[]> {
  return (await db.oidcClient.findMany({ orderBy: { createdAt: 'asc' } })).map(appOf);
}

/** Removes an app: its holders' authorizations go with it (cascade), and so does every token it holds. */
export async function removeApp(db: Db, clientId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`DELETE FROM "OidcRecord" WHERE "clientId" = ${clientId}`;
    const { count } = await tx.oidcClient.deleteMany({ where: { id: clientId } });
    return count === 1;
  });
}

/**
 * The client metadata oidc-provider reads for an app: on every request of an app (each code
 * exchange, each authorization), so one raw SELECT, not a model query (src/db/raw.ts).
 */
export async function clientMetadata(db: Db, clientId: string): Promise<Record<string, unknown> | undefined> {
  const rows = await db.$queryRaw<
    { id: string; name: string; secretHash: string | null; redirectUris: string; postLogoutRedirectUris: string }[]
  >`
    SELECT "id", "name", "secretHash", "redirectUris", "postLogoutRedirectUris" FROM "OidcClient" WHERE "id" = ${clientId}`;
  const row = rows[0];
  if (!row) return undefined;
  const secretHash = rawTextOrNull(row.secretHash);
  return {
    client_id: String(row.id),
    client_name: String(row.name),
    redirect_uris: uris(String(row.redirectUris)),
    post_logout_redirect_uris: uris(String(row.postLogoutRedirectUris)),
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    ...(secretHash
      ? // What oidc-provider calls the secret is its hash here: the comparison hashes what the app
        // presents (src/oidc/provider.ts, compareClientSecret).
        { token_endpoint_auth_method: 'client_secret_basic', client_secret: secretHash }
      : { token_endpoint_auth_method: 'none' }),
  };
}

/** oidc-provider's adapter for its Client model: apps come from the operator's registry, read only. */
export function clientAdapter(db: Db): Adapter {
  const readOnly = async () => {
    throw new Error('apps are registered by the operator (npm run apps), never through the provider');
  };
  return {
    find: (id) => clientMetadata(db, id) as Promise<AdapterPayload | undefined>,
    upsert: readOnly,
    consume: readOnly,
    destroy: readOnly,
    revokeByGrantId: readOnly,
    findByUid: async () => undefined,
    findByUserCode: async () => undefined,
  };
}
