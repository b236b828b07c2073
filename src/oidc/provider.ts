// The OpenID Connect provider: oidc-provider (panva's certified implementation; the protocol is
// never written by hand here), configured for the portal's rules. What is supported and what is not
// is listed in docs/other-apps.md. In short:
//  - authorization code flow only (response_type=code), PKCE S256 for every app, exact redirect URIs;
//  - ID tokens signed RS256 with sub (pairwise), auth_time, acr, amr, and email / name by scope;
//    userinfo; refresh tokens (offline_access) rotated at every use, a reused one revoking its
//    grant; revocation; RP-initiated logout; prompt=login, prompt=none, max_age;
//  - storage on the portal's database (src/oidc/records.ts), apps from the operator's registry
//    (src/oidc/apps.ts), signing keys sealed in the database (src/oidc/signing-keys.ts);
//  - no sign-in of its own: every request reads the browser's portal session
//    (src/oidc/portal-login.ts, bindToPortal below), and everything a person does happens on the
//    portal's own pages, through the bridge (src/oidc/bridge.ts).
import { hkdfSync, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Provider, { errors, interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Clock } from '../clock.ts';
import { HOUR, DAY } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { SESSION_ABSOLUTE_MS } from '../sessions/sessions.ts';
import { ACR, appLogin, requiresTwoStep, type AppLogin } from './authentication.ts';
import { clientAdapter, secretMatches } from './apps.ts';
import { allowedScopes } from './app-authorizations.ts';
import { OidcRecords } from './records.ts';
import { CLOCK_TOLERANCE_S, ID_TOKEN_TTL_S, SIGNING_ALG, type PrivateJwk } from './signing-keys.ts';
import { pairwiseSubject } from './subjects.ts';
import { claimsConfiguration, SCOPE_NAMES } from './scopes.ts';
import { errorPage, logoutPage, signedOutPage } from './pages.ts';
import type { BrowserState } from './portal-login.ts';
import { INTERACTION_PATH, ROUTES } from './paths.ts';

/** (ours) Lifetimes, in seconds. */
export const TTL = {
  // RFC 6749 4.1.2 recommends at most 10 minutes; a minute is enough for an app's back end.
  AuthorizationCode: 60,
  // Short: userinfo checks the database anyway, so a stopped app loses it at once; apps refresh.
  AccessToken: 15 * 60,
  IdToken: ID_TOKEN_TTL_S,
  // A sign-in on the portal's pages (password, a code, consent) fits in an hour.
  Interaction: HOUR / 1000,
  // The provider's session never outlives the portal session it mirrors.
  Session: SESSION_ABSOLUTE_MS / 1000,
  // Rotated at every use: an app that refreshes at least once a month stays signed in until the
  // holder stops it, changes the password or signs out everywhere.
  RefreshToken: (30 * DAY) / 1000,
  Grant: (365 * DAY) / 1000,
} as const;

export interface ProviderDeps {
  db: Db;
  clock: Clock;
  appUrl: string;
  trustProxy: boolean;
  /** SESSION_SECRET: the provider's cookies are signed with a key derived from it. */
  sessionSecret: string;
  /** The browser behind a request: its portal session and device cookie (src/oidc/portal-login.ts). */
  browser(req: IncomingMessage): Promise<BrowserState>;
  /** The response headers of a security product for an HTML page with this nonce (src/server/security-headers.ts). */
  pageHeaders(nonce: string): Record<string, string>;
}

/** The portal's clock and oidc-provider's (the system's): the same in production, apart when the dev clock was moved. */
export function providerSeconds(clock: Clock, at: Date): number {
  return Math.floor((at.getTime() - (clock.now().getTime() - Date.now())) / 1000);
}
export function portalTime(clock: Clock, providerEpochSeconds: number): Date {
  return new Date(providerEpochSeconds * 1000 + (clock.now().getTime() - Date.now()));
}

/** The browser behind a provider request, read once per request. */
export function browserOf(ctx: { state: Record<string, unknown> }): BrowserState | undefined {
  return ctx.state.browser as BrowserState | undefined;
}

type Session = Awaited<ReturnType<Provider['Session']['get']>>;

/**
 * The provider's session mirrors the browser's portal session on every request that reads it
 * (authorization, resume, logout): the sign-in an app is told of is always the portal's, as it is
 * now, and ends when it ends (sign-out, Sign Out Everywhere, a password change, a new browser).
 */
function bindToPortal(provider: Provider, deps: ProviderDeps): void {
  const load = provider.Session.get.bind(provider.Session);
  provider.Session.get = async (ctx) => {
    const session = await load(ctx);
    const browser = await deps.browser(ctx.req);
    (ctx as unknown as { state: Record<string, unknown> }).state.browser = browser;
    mirror(session, appLogin(browser.session), deps.clock);
    return session;
  };
}

function mirror(session: Session, login: AppLogin | null, clock: Clock): void {
  const s = session as Session & { touched?: boolean; authorizations?: unknown; transient?: boolean };
  if (!login) {
    if (!s.accountId) return;
    Object.assign(s, { accountId: undefined, loginTs: undefined, amr: undefined, acr: undefined, authorizations: undefined });
    s.resetIdentifier();
    s.touched = true;
    return;
  }
  if (s.accountId && s.accountId !== login.accountId) {
    s.authorizations = undefined;
    s.resetIdentifier();
  }
  const loginTs = providerSeconds(clock, login.authTime);
  if (
    s.accountId === login.accountId &&
    s.loginTs === loginTs &&
    s.acr === login.acr &&
    JSON.stringify(s.amr) === JSON.stringify(login.amr)
  )
    return;
  s.loginAccount({ accountId: login.accountId, loginTs, amr: login.amr, acr: login.acr, transient: true });
  s.touched = true;
}

/** The login prompt also asks when the app requires two-step and this session's sign-in has no trusted device in it. */
function policy() {
  const { Check, base } = interactionPolicy;
  const prompts = base();
  prompts.get('login')!.checks.add(
    new Check('acr_values', 'the app requires a sign-in with a trusted device', 'login_required', (ctx) => {
      const acrValues = String(ctx.oidc.params?.acr_values ?? '')
        .split(' ')
        .filter(Boolean);
      return requiresTwoStep({ acrValues }) && ctx.oidc.session?.acr !== ACR.twoStep && !ctx.oidc.result?.login
        ? Check.REQUEST_PROMPT
        : Check.NO_NEED_TO_PROMPT;
    }),
  );
  return prompts;
}

export function buildProvider(deps: ProviderDeps, keys: readonly PrivateJwk[], pairwiseSalt: Buffer): Provider {
  const { db } = deps;
  const cookieKey = Buffer.from(hkdfSync('sha256', deps.sessionSecret, 'two-step', 'oidc-provider cookies', 32)).toString('base64url');
  let provider: Provider;
  const configuration: Configuration = {
    adapter: (name: string) => (name === 'Client' ? clientAdapter(db) : new OidcRecords(db, name)),
    jwks: { keys: keys as never },
    routes: ROUTES,
    responseTypes: ['code'],
    pkce: { required: () => true },
    // Every request names its redirect URI (OIDC Core 3.1.2.1 requires it). Also: when a request
    // naming a registered app failed before its parameters were read (a resumed sign-in without its
    // cookie), oidc-provider's error handler, filling in the app's only URI, read parameters that
    // did not exist yet and answered 500.
    allowOmittingSingleRegisteredRedirectUri: false,
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      id_token_signed_response_alg: SIGNING_ALG,
      token_endpoint_auth_method: 'client_secret_basic',
    },
    enabledJWA: { idTokenSigningAlgValues: [SIGNING_ALG] },
    scopes: [...SCOPE_NAMES],
    claims: claimsConfiguration(),
    // Name and email in the ID token itself, by scope (not only at userinfo).
    conformIdTokenClaims: false,
    subjectTypes: ['pairwise'],
    pairwiseIdentifier: async (_ctx, accountId, client) => pairwiseSubject(pairwiseSalt, client.clientId, accountId),
    acrValues: [ACR.password, ACR.twoStep],
    clockTolerance: CLOCK_TOLERANCE_S,
    rotateRefreshToken: true,
    ttl: { ...TTL },
    cookies: {
      keys: [cookieKey],
      names: { session: 'two_step_oidc', interaction: 'two_step_oidc_interaction', resume: 'two_step_oidc_resume' },
      long: { httpOnly: true, sameSite: 'lax', signed: true },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
    },
    features: {
      devInteractions: { enabled: false },
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      resourceIndicators: { enabled: false },
      introspection: { enabled: false },
      registration: { enabled: false },
      claimsParameter: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          allowFormRedirectTo(ctx, ctx.oidc.params?.post_logout_redirect_uri);
          page(ctx, logoutPage(form, ctx.oidc.client?.clientName));
        },
        postLogoutSuccessSource: async (ctx) => page(ctx, signedOutPage(ctx.oidc.client?.clientName)),
      },
    },
    interactions: {
      policy: policy(),
      url: async (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}`,
    },
    findAccount: async (_ctx, id) => {
      const rows = await db.$queryRaw<{ appleId: string; name: string }[]>`SELECT "appleId", "name" FROM "Account" WHERE "id" = ${id}`;
      const account = rows[0];
      if (!account) return undefined;
      return {
        accountId: id,
        // email_verified: an Apple ID exists only once its address opened the activation link.
        claims: async () => ({ sub: id, email: account.appleId, email_verified: true, name: account.name }),
      };
    },
    // What the holder allowed the app is remembered per app, not per browser (src/oidc/app-authorizations.ts).
    loadExistingGrant: async (ctx) => {
      const { client, session, result, account } = ctx.oidc;
      if (!client || !account) return undefined;
      const grantId = (result?.consent as { grantId?: string } | undefined)?.grantId ?? session?.grantIdFor(client.clientId);
      const existing = grantId ? await provider.Grant.find(grantId) : undefined;
      if (existing && existing.accountId === account.accountId && existing.clientId === client.clientId) return existing;
      const allowed = await allowedScopes(db, account.accountId, client.clientId);
      if (!allowed) return undefined;
      const grant = new provider.Grant({ accountId: account.accountId, clientId: client.clientId });
      grant.addOIDCScope([...allowed].join(' '));
      await grant.save();
      return grant;
    },
    renderError: async (ctx, out, error) =>
      page(ctx, errorPage(out as unknown as Record<string, string | undefined>, error instanceof errors.SessionNotFound)),
  };
  provider = new Provider(deps.appUrl.replace(/\/+$/, ''), configuration);
  provider.proxy = deps.trustProxy;
  // Every answer carries the portal's security headers; an HTML page's styles carry this nonce.
  provider.use(async (ctx, next) => {
    const nonce = randomBytes(16).toString('base64');
    ctx.state.nonce = nonce;
    ctx.set(deps.pageHeaders(nonce));
    await next();
  });
  // What oidc-provider calls a client's secret is its SHA-256 here (src/oidc/apps.ts): compare the hash of what the app presents.
  provider.Client.prototype.compareClientSecret = function compareClientSecret(this: { clientSecret?: string }, actual: string) {
    return Promise.resolve(Boolean(this.clientSecret) && secretMatches(this.clientSecret!, actual));
  } as never;
  // response_mode=form_post: the page oidc-provider answers with posts the code to the app's
  // redirect URI (checked exactly by then) with a script whose hash it adds to the CSP. The
  // portal's form-action allows only itself: that one origin is added, for that answer only.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.params?.response_mode === 'form_post' && ctx.oidc.redirectUriCheckPerformed && ctx.response.is('html'))
      allowFormRedirectTo(ctx, ctx.oidc.params.redirect_uri);
  });
  bindToPortal(provider, deps);
  return provider;
}

/**
 * A page of the provider whose form goes to the app: the form_post page (to its redirect URI), or
 * the logout page, answered with a redirect to its post_logout_redirect_uri (browsers hold a form's
 * redirects to form-action too). Either URI was already checked against the app's registered ones
 * by oidc-provider: that one origin is added to 'self', for this answer only.
 */
function allowFormRedirectTo(
  ctx: { response: { get(field: string): string }; set(field: string, value: string): void },
  uri: unknown,
): void {
  const origin = typeof uri === 'string' ? URL.parse(uri)?.origin : undefined;
  const csp = ctx.response.get('Content-Security-Policy');
  if (!origin || origin === 'null' || !csp) return;
  ctx.set('Content-Security-Policy', csp.replace(/form-action 'self'/, `form-action 'self' ${origin}`));
}

/** An HTML page of the provider's own (errors, logout), under the portal's security headers and a fresh nonce. */
function page(ctx: KoaContextWithOIDC, render: (nonce: string) => string): void {
  const nonce = String(ctx.state.nonce ?? '');
  ctx.type = 'html';
  ctx.body = render(nonce);
}
