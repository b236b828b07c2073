// Arbitrary HTTP requests to the OpenID Connect provider, for tests/fuzz/oidc.int.test.ts: any
// method, path segment, query (repeated parameters, malformed percent-encoding, NUL, 100,000
// characters), headers (malformed Basic and Bearer credentials, wrong content types, cookies) and
// body (forms, JSON, text, raw bytes). A request is plain data, so a counterexample prints
// readably; values written `$name` stand for live ones (the registered app's client id and
// redirect URI, a real code, token or sign-in request id), filled in when the request is sent.
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { NASTY_STRINGS } from '../../scripts/lib/nasty-strings.ts';

export const HUGE = 'x'.repeat(100_000);
// A URL's own escapes, and values a parser might read as JSON or a number.
const NASTY = [...NASTY_STRINGS, '%', '%zz', 'constructor', '[]', '{}', 'null', '-1', '1e999', 'NaN'];
/** Live values: filled in from the running portal when the request is sent. */
export const LIVE = [
  '$client_id',
  '$public_client_id',
  '$redirect_uri',
  '$post_logout_redirect_uri',
  '$code',
  '$code_verifier',
  '$code_challenge',
  '$refresh_token',
  '$access_token',
  '$id_token',
  '$uid',
  '$secret',
] as const;
export type Live = Record<(typeof LIVE)[number], string>;
const PARAMS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'prompt',
  'max_age',
  'acr_values',
  'response_mode',
  'id_token_hint',
  'post_logout_redirect_uri',
  'grant_type',
  'code',
  'code_verifier',
  'refresh_token',
  'token',
  'token_type_hint',
  'client_secret',
  'client_assertion',
  'client_assertion_type',
  'access_token',
  'logout',
  'xsrf',
  'claims',
  'request',
  'request_uri',
  'login_hint',
  'ui_locales',
  'resource',
  'registration',
  'display',
  'authorization_details',
  'dpop_jkt',
  'logout_hint',
];
const GOOD = [
  'code',
  'openid',
  'openid offline_access',
  'openid email profile offline_access',
  'S256',
  'plain',
  'consent',
  'login',
  'none',
  'consent login',
  '0',
  '3600',
  'query',
  'form_post',
  'fragment',
  'jwt',
  'authorization_code',
  'refresh_token',
  'client_credentials',
  'yes',
  'access_token',
  'urn:two-step:acr:two-step',
  'urn:two-step:acr:password',
];

const nastyText = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 5 })
  .map((a) => a.join(''));
export const text = fc.oneof(
  { weight: 3, arbitrary: nastyText },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', HUGE, `${HUGE}\u0000`) },
);
const value = fc.oneof(
  { weight: 3, arbitrary: text },
  { weight: 3, arbitrary: fc.constantFrom(...LIVE) },
  { weight: 2, arbitrary: fc.constantFrom(...GOOD) },
);
const param = fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...PARAMS) }, { weight: 1, arbitrary: text }), value);
/** Parameters, often repeated (the same name twice with two values). */
const params = fc.array(param, { maxLength: 8 }).chain((ps) =>
  ps.length
    ? fc.oneof(
        fc.constant(ps),
        fc.nat(ps.length - 1).map((i) => [...ps, [ps[i]![0], ps[i]![1] === '$client_id' ? 'other' : '$client_id'] as [string, string]]),
      )
    : fc.constant(ps),
);

export type Auth = null | 'app' | 'app, wrong secret' | 'public app' | { basic: [string, string] } | { raw: string } | { bearer: string };
const auth: fc.Arbitrary<Auth> = fc.oneof(
  fc.constant(null),
  fc.constantFrom<Auth>('app', 'app, wrong secret', 'public app'),
  fc.tuple(text, text).map(([u, p]): Auth => ({ basic: [u, p] })),
  fc
    .oneof(
      fc.constantFrom('Basic', 'Basic ', 'Basic ====', 'Basic Og==', 'Basic %%%', 'Bearer', 'Bearer ', 'Digest x', 'basic dXNlcg=='),
      fc.string({ unit: 'binary-ascii', maxLength: 40 }),
    )
    .map((raw): Auth => ({ raw })),
  fc.oneof(value, fc.constant('$access_token')).map((bearer): Auth => ({ bearer })),
);

export type Body = null | { form: Array<[string, string]> } | { json: unknown } | { text: string } | { bytes: number[] };
const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 5, arbitrary: params.map((form): Body => ({ form })) },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.json(), fc.dictionary(fc.constantFrom(...PARAMS), value, { maxKeys: 4 })).map((json): Body => ({ json })),
  },
  { weight: 1, arbitrary: text.map((t): Body => ({ text: t })) },
  { weight: 1, arbitrary: fc.array(fc.nat(255), { maxLength: 64 }).map((bytes): Body => ({ bytes })) },
);

/** Percent-encoded as UTF-8; a lone surrogate (which has no UTF-8) becomes U+FFFD, as a browser sends it. */
const encode = (s: string) => encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8'));

/** A path segment: text percent-encoded, a live sign-in request id, or a raw shape that once tripped a parser. */
const segment = fc.oneof(
  { weight: 3, arbitrary: text.map(encode) },
  { weight: 3, arbitrary: fc.constant('$uid') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '..',
      '.',
      '',
      '%',
      '%zz',
      '%00',
      '%ff%fe',
      'AAAAAAAAAA',
      'x'.repeat(65),
      '$uid/extra',
      '$uid/cancel/x',
      '$uid%2Fcancel',
      'cancel',
    ),
  },
);

/**
 * Every parameter a request to some endpoint needs, right: what `base` requests start from, so a
 * fuzzed value meets the checks after the first.
 */
export const NEARLY_RIGHT: Array<[string, string]> = [
  ['client_id', '$client_id'],
  ['redirect_uri', '$redirect_uri'],
  ['response_type', 'code'],
  ['scope', 'openid offline_access'],
  ['prompt', 'consent'],
  ['code_challenge', '$code_challenge'],
  ['code_challenge_method', 'S256'],
  ['state', 's'],
  ['nonce', 'n'],
  ['grant_type', 'authorization_code'],
  ['code', '$code'],
  ['code_verifier', '$code_verifier'],
  ['token', '$refresh_token'],
  ['id_token_hint', '$id_token'],
  ['post_logout_redirect_uri', '$post_logout_redirect_uri'],
];

export interface RequestSpec {
  method: string;
  /** The query and a form body start from NEARLY_RIGHT; each fuzzed parameter replaces its first value there, a repeat is added. */
  base: boolean;
  /** `{seg}` in the endpoint's path is replaced by `segment`. */
  segment: string;
  query: Array<[string, string]>;
  /** Appended to the query as it is: malformed escapes and all. */
  rawQuery: string;
  auth: Auth;
  contentType: string | null;
  cookies: 'browser' | 'none' | 'garbage';
  /** Next.js's router header (the provider answers it 204). */
  rsc: boolean;
  body: Body;
}

export function requestSpec(methods: readonly string[]): fc.Arbitrary<RequestSpec> {
  return fc.record({
    method: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...methods) },
      { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD') },
    ),
    base: fc.boolean(),
    segment,
    query: params,
    rawQuery: fc.oneof(
      { weight: 4, arbitrary: fc.constant('') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '&',
          '&&=&',
          '%',
          '%zz=1',
          'a=%00',
          '%ff%fe=%c0%af',
          'response_mode=form_post',
          'scope=openid&scope=openid',
          'client_id',
          '=x',
          'a[b]=1&a[c]=2',
        ),
      },
    ),
    auth,
    contentType: fc.constantFrom(
      null,
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=utf-16',
      'application/json',
      'text/plain',
      'multipart/form-data; boundary=x',
      'multipart/form-data',
      'application/jwt',
      '*/*',
      ';;;',
      'application/x-www-form-urlencoded\u0000',
    ),
    cookies: fc.constantFrom('browser', 'browser', 'none', 'garbage'),
    rsc: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    body,
  });
}

// ---- Sending ---------------------------------------------------------------------------------

/** A header value Node.js will send: the characters HTTP allows, the rest replaced. */
const headerSafe = (s: string) => s.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');
/** A path or query Node.js will send (it refuses control characters, spaces and anything above U+00FF). */
const pathSafe = (s: string) => s.replace(/[^\x21-\xff]/gu, encode);

/** The parameters as sent: live values filled in, on top of NEARLY_RIGHT for a `base` request. */
function parameters(pairs: Array<[string, string]>, base: boolean, live: Live): URLSearchParams {
  const out = new URLSearchParams(base ? NEARLY_RIGHT.map(([k, v]) => [k, fill(v, live)]) : []);
  const seen = new Set<string>();
  for (const [k, v] of pairs.map(([k, v]) => [fill(k, live), fill(v, live)] as const)) {
    if (seen.has(k)) out.append(k, v);
    else out.set(k, v);
    seen.add(k);
  }
  return out;
}

export function fill(s: string, live: Live): string {
  return (LIVE as readonly string[]).includes(s) ? live[s as keyof Live] : s.replace(/\$uid/g, live.$uid);
}

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${encode(user)}:${encode(pass)}`).toString('base64')}`;

export interface Sent {
  status: number;
  location: string | null;
}

/** Sends the request to the portal; answers its status and redirect. */
export function send(base: string, path: string, spec: RequestSpec, live: Live, cookies: { browser: string }): Promise<Sent> {
  const query = parameters(spec.query, spec.base, live).toString();
  const fullPath =
    pathSafe(path.replace('{seg}', fill(spec.segment, live))) +
    (query || spec.rawQuery ? `?${query}${query && spec.rawQuery ? '&' : ''}${pathSafe(spec.rawQuery)}` : '');
  const headers: Record<string, string> = {};
  const a = spec.auth;
  if (a === 'app') headers.authorization = basic(live.$client_id, live.$secret);
  else if (a === 'app, wrong secret') headers.authorization = basic(live.$client_id, `${live.$secret}x`);
  else if (a === 'public app') headers.authorization = basic(live.$public_client_id, '');
  else if (a && 'basic' in a) headers.authorization = basic(fill(a.basic[0], live), fill(a.basic[1], live));
  else if (a && 'raw' in a) headers.authorization = headerSafe(a.raw);
  else if (a && 'bearer' in a) headers.authorization = headerSafe(`Bearer ${fill(a.bearer, live)}`);
  if (spec.contentType) headers['content-type'] = headerSafe(spec.contentType);
  if (spec.cookies === 'browser' && cookies.browser) headers.cookie = cookies.browser;
  if (spec.cookies === 'garbage')
    headers.cookie = 'two_step_oidc=%00; two_step_oidc.sig=x; two_step_oidc_interaction=..; two_step_session="; a';
  if (spec.rsc) headers.rsc = '1';
  let payload: Buffer | null = null;
  const b = spec.body;
  if (b && 'form' in b) payload = Buffer.from(parameters(b.form, spec.base, live).toString());
  else if (b && 'json' in b)
    payload = Buffer.from(JSON.stringify(b.json, (_k, v: unknown) => (typeof v === 'string' ? fill(v, live) : v)) ?? 'null');
  else if (b && 'text' in b) payload = Buffer.from(fill(b.text, live));
  else if (b && 'bytes' in b) payload = Buffer.from(b.bytes);
  if (payload) headers['content-length'] = String(payload.length);
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method: spec.method, path: fullPath, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null }));
    });
    req.on('error', reject);
    req.end(payload ?? undefined);
  });
}
