// The provider in the portal's HTTP server (src/server/serve.ts): the requests under /oidc and the
// discovery document go to oidc-provider or the bridge, never to Next.js. Each instance builds its
// provider from the signing keys in the database and builds it again when their schedule changes
// (src/oidc/signing-keys.ts). Expired rows are swept by the server (src/server/sweep.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { browserState } from './portal-login.ts';
import { buildProvider, browserOf } from './provider.ts';
import { bridge } from './bridge.ts';
import { errorPage } from './pages.ts';
import { ensureSigningKey, KEY_RELOAD_MS, publishedKeys, scheduleFingerprint } from './signing-keys.ts';
import { pairwiseSalt, pairwiseSubject } from './subjects.ts';
import { INTERACTION_PATH, isOidcPath, ROUTES } from './paths.ts';
import { recordAppUse } from './app-authorizations.ts';
import { SESSION_COOKIE, tokenCookieAttributes, type CookieEnv } from '../sessions/browser-cookies.ts';
import { recordSecurityEvent } from '../security-events/record.ts';
import { randomBytes } from 'node:crypto';

export interface OidcDeps {
  db: Db;
  clock: Clock;
  appUrl: string;
  nodeEnv: string;
  trustProxy: boolean;
  sessionSecret: string;
  /** OIDC_KEY_ENCRYPTION_KEY: seals the signing keys and the pairwise salt. */
  keyEncryptionKey: Buffer;
  pageHeaders(nonce: string): Record<string, string>;
  /** Logs what failed after an answer was already given (recording an app's use). */
  warn(err: unknown, message: string): void;
}

export interface OidcServer {
  handles(req: IncomingMessage): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The provider as it is now (tests, the bench). */
  provider(): Promise<Provider>;
  /** Reads the key table now instead of at the next reload (the operator's rotation, tests). */
  reloadKeys(): Promise<void>;
}

/** The route patterns the request log and metrics name these requests by. */
export const OIDC_ROUTE_PATTERNS = [
  '/.well-known/openid-configuration',
  ...Object.values(ROUTES),
  `${INTERACTION_PATH}/[uid]`,
  `${INTERACTION_PATH}/[uid]/cancel`,
  '/oidc/auth/[uid]',
  '/oidc/session/end/confirm',
  '/oidc/session/end/success',
];

export async function startOidc(deps: OidcDeps): Promise<OidcServer> {
  const cookies: CookieEnv & { secret: string } = { appUrl: deps.appUrl, nodeEnv: deps.nodeEnv, secret: deps.sessionSecret };
  const browser = (req: IncomingMessage) => browserState({ db: deps.db, clock: deps.clock, cookies }, req);
  const providerDeps = { ...deps, browser };

  await ensureSigningKey(deps.db, deps.keyEncryptionKey, deps.clock.now());
  const salt = await pairwiseSalt(deps.db, deps.keyEncryptionKey, deps.clock.now());

  let current: { provider: Provider; callback: ReturnType<Provider['callback']>; fingerprint: string; checkedAt: number } | null = null;
  let reloading: Promise<void> | null = null;

  async function load(): Promise<void> {
    const keys = await publishedKeys(deps.db, deps.keyEncryptionKey, deps.clock.now());
    const fingerprint = scheduleFingerprint(keys);
    if (current && current.fingerprint === fingerprint) {
      current.checkedAt = Date.now();
      return;
    }
    const provider = buildProvider(providerDeps, keys, salt);
    recordUses(provider, deps);
    signOutWithApp(provider, deps, cookies);
    current = { provider, callback: provider.callback(), fingerprint, checkedAt: Date.now() };
  }
  async function ready() {
    if (!current || Date.now() - current.checkedAt >= KEY_RELOAD_MS) {
      reloading ??= load().finally(() => (reloading = null));
      await reloading;
    }
    return current!;
  }
  await load();

  return {
    handles: (req) => isOidcPath((req.url ?? '').split('?')[0]!),
    async handle(req, res) {
      const path = (req.url ?? '').split('?')[0]!;
      // Next.js fetches a server action's redirect target itself, and its router fetches a page's
      // data, both with an RSC header: neither may finish a sign-in step. An answer that is not
      // theirs makes the browser load the address itself, with its own cookies (src/oidc/bridge.ts).
      if (req.headers.rsc !== undefined) {
        res.writeHead(204, { 'Cache-Control': 'no-store' });
        return void res.end();
      }
      const { provider, callback } = await ready();
      if (path.startsWith(`${INTERACTION_PATH}/`))
        return bridge(
          provider,
          { ...providerDeps, subject: (clientId, accountId) => pairwiseSubject(salt, clientId, accountId) },
          req,
          res,
        );
      await callback(req, res);
    },
    provider: async () => (await ready()).provider,
    async reloadKeys() {
      if (current) current.checkedAt = 0;
      await ready();
    },
  };
}

/**
 * An app was answered with a sign-in (an authorization code) or new tokens: its last use, and the
 * email when it is the app's first use from this browser (src/oidc/app-authorizations.ts). After
 * the answer is made, in the same request: a failure here is logged, never turned into an error.
 */
function recordUses(provider: Provider, deps: OidcDeps): void {
  provider.use(async (ctx, next) => {
    await next();
    const { oidc } = ctx;
    if (!oidc || ctx.status >= 400) return;
    try {
      const code = oidc.entities.AuthorizationCode;
      const token = oidc.entities.AccessToken;
      const granted = code ?? (oidc.route === 'token' ? token : undefined);
      if (!granted?.accountId || !granted.clientId) return;
      const browser = code ? (browserOf(ctx)?.browserId ?? null) : null;
      await recordAppUse(
        deps.db,
        deps,
        { accountId: granted.accountId, clientId: granted.clientId, browserId: browser },
        { clientAddress: ctx.ip ?? null, userAgent: ctx.get('user-agent') || null },
      );
    } catch (err) {
      deps.warn(err, 'oidc: recording an app use failed');
    }
  });
}

/**
 * RP-initiated logout that the holder confirmed ("Sign Out" on the provider's page) signs this
 * browser out of the portal too: the provider's session only mirrors the portal's (provider.ts), so
 * ending one without the other would leave the browser signed in to every app at the next request.
 */
function signOutWithApp(provider: Provider, deps: OidcDeps, cookies: CookieEnv & { secret: string }): void {
  provider.use(async (ctx, next) => {
    await next();
    const session = ctx.oidc?.route === 'end_session_confirm' ? (ctx.oidc.session as { destroyed?: boolean } | undefined) : undefined;
    const live = session?.destroyed ? browserOf(ctx)?.live : null;
    if (!live) return;
    try {
      await deps.db.$transaction(async (tx) => {
        const ended = await tx.$executeRaw`DELETE FROM "Session" WHERE "id" = ${live.session.id}`;
        if (ended === 1) {
          await recordSecurityEvent(
            tx,
            { accountId: live.account.id, kind: 'signed-out', at: deps.clock.now(), details: { by: 'app' } },
            { clientAddress: ctx.ip ?? null, userAgent: ctx.get('user-agent') || null },
          );
        }
      });
      const { cookieName, cookieOptions } = tokenCookieAttributes(SESSION_COOKIE.name, SESSION_COOKIE.options, cookies);
      ctx.append(
        'Set-Cookie',
        `${cookieName}=; Path=${cookieOptions.path}; Max-Age=0; HttpOnly; SameSite=Lax${cookieOptions.secure ? '; Secure' : ''}`,
      );
    } catch (err) {
      deps.warn(err, 'oidc: ending the portal session at logout failed');
    }
  });
}
