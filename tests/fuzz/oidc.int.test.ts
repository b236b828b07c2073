// Bad requests to the OpenID Connect provider get a clear refusal and issue nothing: EVERY endpoint
// (discovery, JWKS, authorization by GET and POST and its resumption, token, userinfo, revocation,
// RP-initiated logout and its confirmation and success pages, the bridge and its cancel, and
// anything else under /oidc) is sent arbitrary requests (fast-check, tests/fuzz/oidc-requests.ts):
// any method, query, headers and body, often with the registered app's real client id, redirect
// URI, secret, a real code or token and a real sign-in request id mixed in, so the fuzz reaches
// past the first check. The provider is served as the portal serves it (src/server/serve.ts: the
// request guard in front, src/server/request-guard.ts), on a real database. Each request is sent
// from a browser that began an app's sign-in signed out, and from one signed in and waiting for
// consent; with that browser's cookies, none, or garbage. After every request:
//
// - the status is below 500, and the provider reported no server error;
// - a refused request (4xx, or a redirect carrying error=) stored no authorization code, access
//   token or refresh token; only the authorization and token endpoints store any.
//
// Bounded: FUZZ_RUNS (default 3) sets the runs per endpoint and browser (four times that), after
// the fixed EXAMPLES below. The seed is printed, and a failure names the seed and the shrunk
// request: FUZZ_SEED=<seed> reruns it; FUZZ_RUNS=30 looks harder.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type * as client from 'openid-client';
import { systemClock } from '../../src/clock.ts';
import { allowApp } from '../../src/oidc/app-authorizations.ts';
import { guardedHandler } from '../../src/server/request-guard.ts';
import { createTestDb, TEST_ENGINE, type TestDb } from '../harness/db.ts';
import { freshAccount } from '../harness/accounts.ts';
import { startHttp } from '../harness/net.ts';
import {
  authorizationRequest,
  POST_LOGOUT_URI,
  REDIRECT_URI,
  relyingParty,
  startPortal,
  TestBrowser,
  testApp,
  type Portal,
} from '../harness/oidc.ts';
import { authorize, exchange, OFFLINE } from '../oidc/sign-in-flow.ts';
import { HUGE, NEARLY_RIGHT, requestSpec, send, type Live, type RequestSpec } from './oidc-requests.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/** Every route of the provider and the bridge; `{seg}` is an arbitrary path segment (often a real sign-in request id). */
const ENDPOINTS = [
  { path: '/.well-known/openid-configuration', methods: ['GET'] },
  { path: '/oidc/jwks', methods: ['GET'] },
  { path: '/oidc/auth', methods: ['GET', 'POST'] },
  { path: '/oidc/auth/{seg}', methods: ['GET'] },
  { path: '/oidc/token', methods: ['POST'] },
  { path: '/oidc/userinfo', methods: ['GET', 'POST'] },
  { path: '/oidc/token/revocation', methods: ['POST'] },
  { path: '/oidc/session/end', methods: ['GET', 'POST'] },
  { path: '/oidc/session/end/confirm', methods: ['POST'] },
  { path: '/oidc/session/end/success', methods: ['GET'] },
  { path: '/oidc/interaction/{seg}', methods: ['GET'] },
  { path: '/oidc/interaction/{seg}/cancel', methods: ['GET'] },
  { path: '/oidc/{seg}', methods: ['GET', 'POST'] },
] as const;
/** Where codes and tokens may be stored: everywhere else a request stores none, whatever it was. */
const ISSUING = new Set(['/oidc/auth', '/oidc/auth/{seg}', '/oidc/token']);
const TOKEN_KINDS = ['AuthorizationCode', 'AccessToken', 'RefreshToken'];

type BrowserKind = 'signed out, sign-in begun' | 'signed in, consent pending';
const BROWSERS: BrowserKind[] = ['signed out, sign-in begun', 'signed in, consent pending'];

/**
 * Always tried first, whatever the seed: a request that is nearly right, the shapes most likely to
 * trip a parser, and each shape that once gave a 500.
 */
function examples(method: string): RequestSpec[] {
  const base: RequestSpec = {
    method,
    base: false,
    segment: '$uid',
    query: [],
    rawQuery: '',
    auth: null,
    contentType: null,
    cookies: 'browser',
    rsc: false,
    body: null,
  };
  return [
    base,
    { ...base, base: true, auth: 'app', contentType: 'application/x-www-form-urlencoded', body: { form: [] } },
    {
      ...base,
      base: true,
      query: [
        ['client_id', '$public_client_id'],
        ['redirect_uri', 'http://127.0.0.1:9/other'],
      ],
      auth: 'public app',
      contentType: 'application/json',
      body: { json: Object.fromEntries(NEARLY_RIGHT) },
    },
    {
      ...base,
      query: [
        ['client_id', '\u0000'],
        ['redirect_uri', HUGE],
        ['scope', '\ud800'],
      ],
      rawQuery: '%zz=%ff%fe&response_mode=form_post',
      auth: { basic: ['\u0000', HUGE] },
      contentType: 'application/x-www-form-urlencoded',
      body: {
        form: [
          ['grant_type', '\u0000'],
          ['code', HUGE],
        ],
      },
    },
    {
      ...base,
      segment: '%00',
      auth: { raw: 'Basic ====' },
      contentType: 'multipart/form-data; boundary=x',
      body: { text: '--x\r\nContent-Disposition: form-data; name="a\u0000"\r\n\r\nv\r\n--x--' },
    },
    { ...base, auth: { bearer: '$access_token' }, contentType: 'application/json', body: { text: '{"a":' }, cookies: 'garbage' },
    { ...base, rsc: true, body: { bytes: [0, 255, 254, 192, 175] }, contentType: 'application/x-www-form-urlencoded; charset=utf-16' },
    // A resumed sign-in request without its cookie, naming a registered app (oidc-provider's error
    // handler then read parameters it had not parsed yet).
    { ...base, query: [['client_id', '$client_id']], cookies: 'none' },
  ];
}

describe(`bad requests to every OpenID Connect endpoint: never a 5xx, and no code or token from a refusal (${TEST_ENGINE}, seed ${SEED})`, () => {
  let t: TestDb;
  let portal: Portal;
  let server: { url: string; close(): Promise<void> };
  let accountId: string;
  let app: Awaited<ReturnType<typeof testApp>>;
  let publicApp: Awaited<ReturnType<typeof testApp>>;
  let config: client.Configuration;
  /** What failed inside the provider or the guard during the current request. */
  const failures: string[] = [];

  beforeAll(async () => {
    t = await createTestDb();
    ({ accountId } = await freshAccount(t.db, new Date().toISOString()));
    portal = await startPortal(t.db, systemClock);
    (await portal.oidc.provider()).on('server_error', (_ctx, err) => failures.push(`provider server_error: ${err.stack ?? String(err)}`));
    app = await testApp(t.db, new Date());
    publicApp = await testApp(t.db, new Date(), { public: true, name: 'Public App' });
    await allowApp(
      t.db,
      systemClock,
      { accountId, clientId: app.clientId, scopes: ['openid', 'offline_access'] },
      { clientAddress: null, userAgent: null },
    );
    config = await relyingParty(portal, app);
    // As src/server/serve.ts serves it: the request guard, then the provider.
    const guarded = guardedHandler(
      async (req, res) => {
        try {
          await portal.oidc.handle(req, res);
        } catch (err) {
          failures.push(`thrown: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
          throw err;
        }
      },
      { actions: null, log: () => {} },
    );
    server = await startHttp([(req, res) => (portal.oidc.handles(req) ? (guarded(req, res), true) : false)]);
    console.log(`fuzz: ${ENDPOINTS.length} endpoints, ${RUNS * 4} runs each per browser, seed ${SEED} (FUZZ_SEED=${SEED} to repeat)`);
  });
  afterAll(async () => {
    await server?.close();
    await portal?.close();
    await t?.drop();
  });

  /**
   * Fresh live values: a code not yet exchanged, tokens, an ID token, and the browser the requests
   * come from with its own app sign-in in progress (the `$uid` it may go on with).
   */
  async function liveFor(kind: BrowserKind): Promise<{ live: Live; browser: TestBrowser }> {
    const holder = new TestBrowser(portal);
    await holder.signIn(t.db, accountId, new Date());
    const tokens = await exchange(config, await authorize(t.db, holder, config, accountId, OFFLINE));
    const pending = await authorize(t.db, holder, config, accountId, OFFLINE);

    const browser = new TestBrowser(portal);
    if (kind === 'signed in, consent pending') await browser.signIn(t.db, accountId, new Date());
    const begun = await browser.visit((await authorizationRequest(config, { scope: 'openid email profile' })).url);
    const uid = new URL(begun.url).searchParams.get('interaction');
    if (!uid) throw new Error(`no sign-in request began: ${begun.url}`);
    return {
      browser,
      live: {
        $client_id: app.clientId,
        $public_client_id: publicApp.clientId,
        $secret: app.secret!,
        $redirect_uri: REDIRECT_URI,
        $post_logout_redirect_uri: POST_LOGOUT_URI,
        $code: new URL(pending.callback).searchParams.get('code')!,
        $code_verifier: pending.request.verifier,
        $code_challenge: new URL(pending.request.url).searchParams.get('code_challenge')!,
        $refresh_token: tokens.refresh_token!,
        $access_token: tokens.access_token,
        $id_token: tokens.id_token!,
        $uid: uid,
      },
    };
  }

  async function tokenRows(): Promise<Record<string, number>> {
    const rows = await t.db.oidcRecord.groupBy({ by: ['kind'], where: { kind: { in: TOKEN_KINDS } }, _count: { _all: true } });
    return Object.fromEntries(TOKEN_KINDS.map((k) => [k, rows.find((r) => r.kind === k)?._count._all ?? 0]));
  }

  for (const endpoint of ENDPOINTS) {
    for (const kind of BROWSERS) {
      it(`${endpoint.methods.join('/')} ${endpoint.path}, from a browser ${kind}`, async () => {
        const { live, browser } = await liveFor(kind);
        await fc.assert(
          fc.asyncProperty(requestSpec(endpoint.methods), async (spec) => {
            const label = `${spec.method} ${endpoint.path} (${kind})`;
            failures.length = 0;
            const before = await tokenRows();
            const sent = await send(server.url, endpoint.path, spec, live, { browser: browser.header() });
            if (failures.length) throw new Error(`${label}: ${failures.join('\n')}`);
            if (sent.status >= 500) throw new Error(`${label}: HTTP ${sent.status}`);
            const refused = sent.status >= 400 || /[?&#]error=/.test(sent.location ?? '');
            const after = await tokenRows();
            const stored = TOKEN_KINDS.filter((k) => after[k]! > before[k]!);
            if (stored.length && (refused || !ISSUING.has(endpoint.path)))
              throw new Error(`${label}: answered ${sent.status} ${sent.location ?? ''}, yet stored ${stored.join(', ')}`);
          }),
          { numRuns: RUNS * 4, seed: SEED, examples: endpoint.methods.flatMap((m) => examples(m)).map((e) => [e]) },
        );
      }, 120_000);
    }
  }
});
