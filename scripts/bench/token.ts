// The token endpoint: authorization-code exchanges per second against /sign-in (a page that reads
// no data), side by side in interleaved rounds at 10 and 50 connections, as pages.ts measures
// pages. The codes are minted before each round (token-codes.ts: they live 60 s, as the server's
// codes do), each request takes the next unused one (client_secret_basic, its PKCE verifier), and
// every answer is checked: 200, JSON with an access token and an ID token that carries the nonce
// of the code it was exchanged for. A wrong answer stops the bench.
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type autocannon from 'autocannon';
import type { Db } from '../../src/db/client.ts';
import { ROUTES } from '../../src/oidc/paths.ts';
import { TTL } from '../../src/oidc/provider.ts';
import { ID_TOKEN_TTL_S } from '../../src/oidc/signing-keys.ts';
import { pairwiseSubject } from '../../src/oidc/subjects.ts';
import type { Server } from './harness.ts';
import { interleaved, type CustomRound, type LoadResult, type Target } from './load.ts';
import { checkPage, FLOOR, type PageOptions } from './pages.ts';
import { BENCH_REDIRECT_URI, BENCH_SCOPE, tokenFixtures, type Holder, type MintedCode, type TokenFixtures } from './token-codes.ts';
import { addRow, ms, note, perS } from './table.ts';

const HEADERS = (fx: TokenFixtures) => ({
  authorization: fx.basic,
  'content-type': 'application/x-www-form-urlencoded',
  accept: 'application/json',
});
const bodyOf = (c: Pick<MintedCode, 'code' | 'verifier'>) =>
  new URLSearchParams({
    grant_type: 'authorization_code',
    code: c.code,
    redirect_uri: BENCH_REDIRECT_URI,
    code_verifier: c.verifier,
  }).toString();
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;

/** Why an answer to the exchange of `code` is not the real thing, or undefined when it is. */
function wrongAnswer(status: number, body: string, code: MintedCode): string | undefined {
  if (status !== 200) return `${status} ${body.slice(0, 200)}`;
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    if (typeof json.access_token !== 'string' || typeof json.id_token !== 'string' || json.token_type !== 'Bearer')
      return `not tokens: ${body.slice(0, 200)}`;
    // No offline_access was asked for: a refresh token would mean the scope was not the one minted.
    if ('refresh_token' in json) return 'a refresh token without offline_access';
    if (claimsOf(json.id_token).nonce !== code.nonce) return 'an ID token for another code';
  } catch (e) {
    return `not JSON: ${(e as Error).message}`;
  }
  return undefined;
}

async function exchange(server: Server, fx: TokenFixtures, c: MintedCode): Promise<{ status: number; body: string }> {
  const res = await fetch(`${server.base}${ROUTES.token}`, { method: 'POST', headers: HEADERS(fx), body: bodyOf(c) });
  return { status: res.status, body: await res.text() };
}

/**
 * One exchange checked in full (the ID token's RS256 signature against the JWKS, its claims, the
 * code's stored lifetime), then the same code again: refused, and its tokens revoked with the grant.
 */
async function checkExchange(db: Db, server: Server, fx: TokenFixtures, holder: Holder): Promise<void> {
  const [c] = await fx.mint(1, [holder]);
  const stored = await db.oidcRecord.findUniqueOrThrow({ where: { kind_id: { kind: 'AuthorizationCode', id: c!.code } } });
  const { iat, exp } = JSON.parse(stored.payload) as { iat: number; exp: number };
  if (exp - iat !== TTL.AuthorizationCode || exp < c!.exp)
    throw new Error(
      `token: the minted code lives ${exp - iat} s (expected ${TTL.AuthorizationCode}), exp ${exp} (expected at least ${c!.exp})`,
    );
  const first = await exchange(server, fx, c!);
  const why = wrongAnswer(first.status, first.body, c!);
  if (why) throw new Error(`token: the first exchange failed: ${why}`);
  const tokens = JSON.parse(first.body) as { access_token: string; id_token: string; expires_in: number; scope: string };
  const [header, payload, signature] = tokens.id_token.split('.') as [string, string, string];
  const { alg, kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg: string; kid: string };
  const { keys } = (await (await fetch(`${server.base}${ROUTES.jwks}`)).json()) as { keys: Array<JsonWebKey & { kid: string }> };
  const jwk = keys.find((k) => k.kid === kid);
  if (
    alg !== 'RS256' ||
    !jwk ||
    !verify(
      'RSA-SHA256',
      Buffer.from(`${header}.${payload}`),
      createPublicKey({ key: jwk, format: 'jwk' }),
      Buffer.from(signature, 'base64url'),
    )
  ) {
    throw new Error(`token: the ID token is not RS256-signed by a key of the JWKS (alg ${alg}, kid ${kid})`);
  }
  const account = await db.account.findUniqueOrThrow({ where: { id: holder.accountId }, select: { appleId: true, name: true } });
  const claims = claimsOf(tokens.id_token);
  const expected: Record<string, unknown> = {
    iss: server.base,
    aud: fx.clientId,
    sub: pairwiseSubject(fx.salt, fx.clientId, holder.accountId),
    nonce: c!.nonce,
    auth_time: holder.loginTs,
    acr: 'urn:two-step:acr:two-step',
    amr: 'pwd,sms,mfa',
    email: account.appleId,
    email_verified: true,
    name: account.name,
    lifetime: ID_TOKEN_TTL_S,
  };
  const actual = { ...claims, amr: String(claims.amr), lifetime: Number(claims.exp) - Number(claims.iat) };
  const off = Object.keys(expected).filter((k) => actual[k as keyof typeof actual] !== expected[k]);
  if (off.length || tokens.scope !== BENCH_SCOPE || tokens.expires_in !== TTL.AccessToken)
    throw new Error(
      `token: the ID token or the answer is not as expected (${off.join(', ')}; scope ${tokens.scope}): ${JSON.stringify(claims)}`,
    );
  const userinfo = () =>
    fetch(`${server.base}${ROUTES.userinfo}`, { headers: { authorization: `Bearer ${tokens.access_token}` } }).then((r) => r.status);
  if ((await userinfo()) !== 200) throw new Error('token: userinfo refused the new access token');
  const again = await exchange(server, fx, c!);
  if (again.status !== 400 || !again.body.includes('invalid_grant'))
    throw new Error(`token: a code exchanged twice answered ${again.status} ${again.body.slice(0, 200)}`);
  if ((await userinfo()) !== 401) throw new Error('token: the access token of a code exchanged twice still works');
}

/** The token endpoint as a load target: each round's codes minted before it, each used once. */
function exchangeTarget(fx: TokenFixtures, holders: Holder[]): Target & { rate: number } {
  const target = {
    name: 'token endpoint',
    path: ROUTES.token,
    mustContain: '"id_token"',
    /** The best rate seen yet (exchanges/s): a round gets three times what it could use. */
    rate: 0,
    async round(connections: number, seconds: number): Promise<CustomRound> {
      const count = Math.ceil(target.rate * seconds * 3) + 4 * connections;
      const codes = await fx.mint(count, holders);
      // Codes live 60 s from their save: the round must end before the first one expires.
      const left = codes[0]!.exp - Math.floor(Date.now() / 1000);
      if (left < seconds + 5)
        throw new Error(`token: ${count} codes took too long to mint (the first expires in ${left} s, the round lasts ${seconds} s)`);
      let next = 0;
      let bad = 0;
      let firstFailure: string | undefined;
      const answered = new Set<string>();
      const request: autocannon.Request = {
        method: 'POST',
        headers: HEADERS(fx),
        setupRequest: (req: autocannon.Request, context: { code?: MintedCode }) => {
          const c = codes[next++];
          context.code = c;
          // Out of codes: a code that does not exist, so the answer counts as wrong and stops the bench.
          return { ...req, body: bodyOf(c ?? { code: 'the-round-ran-out-of-codes', verifier: 'x'.repeat(43) }) };
        },
        onResponse: (status: number, body: string, context: { code?: MintedCode }) => {
          const c = context.code;
          const why = !c
            ? `the round ran out of codes (${count} minted)`
            : answered.has(c.code)
              ? 'two answers for one code'
              : wrongAnswer(status, body, c);
          if (c) answered.add(c.code);
          if (why) {
            bad++;
            firstFailure ??= why;
          }
        },
      } as autocannon.Request;
      const started = performance.now();
      return {
        request,
        done: () => {
          target.rate = Math.max(target.rate, Math.min(next, codes.length) / ((performance.now() - started) / 1000));
          return { bad, firstFailure };
        },
      };
    },
  };
  return target;
}

/** A warm-up at this many connections, not measured: compiled code, the pools; and one latency of each. */
async function warmUp(
  server: Server,
  fx: TokenFixtures,
  holders: Holder[],
  floor: Target,
  token: Target & { rate: number },
  connections: number,
  opts: PageOptions,
) {
  const each = 4;
  const codes = await fx.mint(connections * each, holders);
  let start = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, w) => {
      for (let i = w; i < codes.length; i += connections) {
        const r = await exchange(server, fx, codes[i]!);
        const why = wrongAnswer(r.status, r.body, codes[i]!);
        if (why) throw new Error(`token warm-up: ${why}`);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  token.rate = Math.max(token.rate, codes.length / elapsed);
  // A round lasts at least 4 latencies (at most 30 s), as in pages.ts.
  token.seconds = Math.min(30, Math.max(opts.seconds, Math.ceil((4 * elapsed) / each)));
  start = performance.now();
  await Promise.all(Array.from({ length: connections }, () => checkPage(server, floor.path, undefined, floor.mustContain)));
  floor.seconds = Math.min(30, Math.max(opts.seconds, Math.ceil(4 * ((performance.now() - start) / 1000))));
}

const figure = (r: LoadResult, unit: string) => `${perS(r.rps, unit)}, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}`;

export async function benchToken(db: Db, server: Server, accountIds: string[], opts: PageOptions): Promise<void> {
  const label = opts.engineLabel;
  const fx = await tokenFixtures(db, server, accountIds);
  // The first holder's grant is revoked by the reuse check: the rounds use the others.
  const [checked, ...holders] = fx.holders;
  await checkExchange(db, server, fx, checked!);
  const token = exchangeTarget(fx, holders);
  let exchanges = 0;
  for (const connections of [10, 50]) {
    const floor: Target = { ...FLOOR };
    await checkPage(server, floor.path, undefined, floor.mustContain);
    await warmUp(server, fx, holders, floor, token, connections, opts);
    const results = await interleaved(server, [floor, token], connections, opts.seconds, opts.rounds);
    const f = results.get(floor.name)!;
    const t = results.get(token.name)!;
    exchanges += t.requests;
    addRow({
      what: `${label} ${floor.name}, ${connections} conn.`,
      figure: figure(f, 'req/s'),
      limit: `rounds of ${floor.seconds} s, token ${token.seconds} s`,
    });
    addRow({
      what: `${label} token endpoint: code exchanges/s, ${connections} conn.`,
      figure: figure(t, 'exchanges/s'),
      limit: `${perS(f.rps)} /sign-in`,
      ratio: t.rps / f.rps,
    });
    if (connections === 10)
      addRow({
        what: `${label} server CPU per code exchange`,
        figure: ms(t.cpuMsPerRequest),
        limit: `${ms(f.cpuMsPerRequest)} per /sign-in`,
        ratio: t.cpuMsPerRequest / f.cpuMsPerRequest,
      });
  }
  note(
    `${label}: ${exchanges.toLocaleString('en')} authorization codes exchanged (scope "${BENCH_SCOPE}": access token and RS256 ID token, no refresh token), ` +
      `${holders.length} holders, client_secret_basic + PKCE S256; every answer checked (200, tokens, the ID token of its own code), no code sent twice; ` +
      'one ID token verified against the JWKS, and its code refused when sent again.',
  );
}
