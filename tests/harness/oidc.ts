// The OpenID Connect provider on a loopback port, without Next.js: the provider and the bridge
// exactly as the portal's server mounts them (src/oidc/http.ts), on a real database. What the
// portal's pages would do (sign in, confirm with a trusted device, allow an app) the tests do
// through the domain, and a TestBrowser carries the cookies as a browser would.
import { randomBytes } from 'node:crypto';
import { sealData, unsealData } from 'iron-session';
import * as client from 'openid-client';
import type { Db } from '../../src/db/client.ts';
import { fixedClock, type Clock } from '../../src/clock.ts';
import { startOidc, type OidcServer } from '../../src/oidc/http.ts';
import { pageSecurityHeaders } from '../../src/server/security-headers.ts';
import { DEVICE_COOKIE, SESSION_COOKIE } from '../../src/sessions/browser-cookies.ts';
import { createSession } from '../../src/sessions/sessions.ts';
import { rememberKnownBrowser } from '../../src/sessions/known-browsers.ts';
import type { KnownBrowser } from '../../src/security-events/record.ts';
import { registerApp } from '../../src/oidc/apps.ts';
import type { AuthMethod } from '../../src/sessions/auth-methods.ts';
import { freePort, startHttp } from './net.ts';
import { BROWSER } from './accounts.ts';

export const SESSION_SECRET = 'oidc-harness-session-secret-0123456789abcdef';
export const KEY_ENCRYPTION_KEY = randomBytes(32);
export const REDIRECT_URI = 'http://127.0.0.1:9/callback';
export const POST_LOGOUT_URI = 'http://127.0.0.1:9/signed-out';

export interface Portal {
  /** The issuer: where browsers and apps reach the portal. */
  url: string;
  /** Where this instance itself listens (the same as `url` unless it was started behind a balancer). */
  address: string;
  oidc: OidcServer;
  close(): Promise<void>;
}

/**
 * The provider and bridge on a free port; `url` is the issuer. Several may share one database
 * (instances); instances behind one balancer are started with its address as `appUrl`, as every
 * instance of a deployment has the one APP_URL.
 */
export async function startPortal(
  db: Db,
  clock: Clock,
  keyEncryptionKey = KEY_ENCRYPTION_KEY,
  opts: { appUrl?: string } = {},
): Promise<Portal> {
  const port = await freePort();
  const address = `http://127.0.0.1:${port}`;
  const url = opts.appUrl ?? address;
  const oidc = await startOidc({
    db,
    clock,
    appUrl: url,
    nodeEnv: 'test',
    trustProxy: false,
    sessionSecret: SESSION_SECRET,
    keyEncryptionKey,
    pageHeaders: pageSecurityHeaders({ appUrl: url, trustProxy: false }),
    warn: () => {},
  });
  const server = await startHttp(
    [
      async (req, res) => {
        if (!oidc.handles(req)) return false;
        await oidc.handle(req, res);
        return true;
      },
    ],
    port,
  );
  return {
    url,
    address,
    oidc,
    async close() {
      await server.close();
    },
  };
}

/** A confidential app registered for the tests; answers its client id and secret. */
export async function testApp(db: Db, now: Date, opts: { public?: boolean; name?: string } = {}) {
  const made = await registerApp(
    db,
    { name: opts.name ?? 'Test App', redirectUris: [REDIRECT_URI], postLogoutRedirectUris: [POST_LOGOUT_URI], confidential: !opts.public },
    now,
  );
  if (!made.ok) throw new Error(`test app: ${made.error} ${made.problems?.join('; ')}`);
  return { clientId: made.clientId, secret: made.secret };
}

/** openid-client configured for the app against the portal (discovery included). */
export async function relyingParty(portal: Portal, app: { clientId: string; secret: string | null }): Promise<client.Configuration> {
  return client.discovery(new URL(portal.url), app.clientId, undefined, app.secret ? client.ClientSecretBasic(app.secret) : client.None(), {
    execute: [client.allowInsecureRequests],
  });
}

/** A browser: a cookie jar, and GETs that follow the provider's own redirects. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(readonly portal: Portal) {}

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (!value || /max-age=0|expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.header(), 'user-agent': BROWSER.userAgent! },
    });
    this.keep(res);
    return res;
  }

  /**
   * GET, following redirects while they stay on the provider's /oidc paths. Ends at the first
   * address elsewhere (a portal page, the app's redirect URI) or at a non-redirect answer.
   */
  async visit(url: string): Promise<{ status: number; url: string; body: string; headers?: Headers }> {
    let current = url;
    for (let hops = 0; hops < 10; hops++) {
      const res = await this.request(current);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location)
        return { status: res.status, url: current, body: await res.text(), headers: res.headers };
      await res.body?.cancel();
      const next = new URL(location, current);
      if (next.origin !== this.portal.url || !next.pathname.startsWith('/oidc/')) return { status: res.status, url: next.href, body: '' };
      current = next.href;
    }
    throw new Error('too many redirects');
  }

  /**
   * This browser signs in to the portal (as the sign-in pages do): a session, and unless `newBrowser`
   * (or a session still waiting for its code) the browser is remembered as the pages remember it
   * (rememberKnownBrowser: its record, and the device cookie).
   */
  async signIn(
    db: Db,
    accountId: string,
    at: Date,
    opts: { secondStep?: AuthMethod; newBrowser?: boolean; stage?: 'full' | 'password' } = {},
  ): Promise<string> {
    const stage = opts.stage ?? 'full';
    const token = await createSession(db, accountId, at, BROWSER, {
      stage,
      ...(opts.secondStep ? { codeVerifiedAt: at, secondStep: opts.secondStep } : {}),
    });
    this.cookies.set(SESSION_COOKIE.name, await sealData({ token }, { password: SESSION_SECRET, ttl: SESSION_COOKIE.options.ttlSeconds }));
    if (!opts.newBrowser && stage === 'full') {
      const remembered = await rememberKnownBrowser(
        { db, clock: fixedClock(at) },
        { accountId, sessionToken: token },
        await this.deviceEntries(),
      );
      if (remembered) await this.setDeviceEntries(remembered);
    }
    return token;
  }

  /** What this browser's device cookie claims. */
  async deviceEntries(): Promise<KnownBrowser[]> {
    const sealed = this.cookies.get(DEVICE_COOKIE.name);
    if (!sealed) return [];
    const { browsers } = await unsealData<{ browsers?: KnownBrowser[] }>(decodeURIComponent(sealed), {
      password: SESSION_SECRET,
      ttl: DEVICE_COOKIE.options.ttlSeconds,
    });
    return browsers ?? [];
  }

  /** Seals `entries` into this browser's device cookie, as the pages do. */
  async setDeviceEntries(entries: readonly KnownBrowser[]): Promise<void> {
    this.cookies.set(
      DEVICE_COOKIE.name,
      await sealData({ browsers: entries }, { password: SESSION_SECRET, ttl: DEVICE_COOKIE.options.ttlSeconds }),
    );
  }
}

/** An authorization request as the app makes it: PKCE S256, state, nonce. */
export async function authorizationRequest(config: client.Configuration, params: Record<string, string> = {}) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...params,
  });
  return { url: url.href, verifier, state, nonce };
}
