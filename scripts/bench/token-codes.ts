// What the token part exchanges, made in the bench process with oidc-provider's own models on the
// server's database: a provider built by startOidc with the server's OIDC_KEY_ENCRYPTION_KEY, as
// a second instance of the portal would build it. Then a confidential app, each holder's consent
// to it, the provider session and the grant an authorization leaves behind, and authorization
// codes stored exactly as the authorization endpoint stores them (oidc-provider's codeHandler in
// lib/helpers/process_response_types.js: the same fields, and the 60-second lifetime of
// TTL.AuthorizationCode). An exchange then does all the work a real one does: client
// authentication, the code and its session binding, the grant, PKCE, the single-use consume, the
// account, an access token and an RS256 ID token, and the app's last use.
import { createHash, randomBytes } from 'node:crypto';
import type Provider from 'oidc-provider';
import type { Db } from '../../src/db/client.ts';
import { systemClock } from '../../src/clock.ts';
import { registerApp } from '../../src/oidc/apps.ts';
import { ACR } from '../../src/oidc/authentication.ts';
import { startOidc } from '../../src/oidc/http.ts';
import { TTL } from '../../src/oidc/provider.ts';
import { pairwiseSalt } from '../../src/oidc/subjects.ts';
import type { Server } from './harness.ts';

/** What an app typically asks for: who, the email and the name; no offline_access, so no refresh token. */
export const BENCH_SCOPE = 'openid email profile';
export const BENCH_REDIRECT_URI = 'https://app.bench.test/callback';
/** How the bench's holders signed in: password and a code texted to their trusted phone. */
const LOGIN = { acr: ACR.twoStep, amr: ['pwd', 'sms', 'mfa'] };

export interface Holder {
  accountId: string;
  grantId: string;
  sessionUid: string;
  loginTs: number;
}

export interface MintedCode {
  code: string;
  verifier: string;
  nonce: string;
  holder: Holder;
  /** The code's expiry (epoch seconds) as stored: what the server checks. */
  exp: number;
}

export interface TokenFixtures {
  clientId: string;
  /** The Authorization header of the app (client_secret_basic). */
  basic: string;
  holders: Holder[];
  /** The pairwise salt, to check the ID token's sub. */
  salt: Buffer;
  /** `count` fresh codes, spread over the holders in turn. */
  mint(count: number, holders?: Holder[]): Promise<MintedCode[]>;
}

const base64url = (b: Buffer) => b.toString('base64url');
const epoch = () => Math.floor(Date.now() / 1000);

export async function tokenFixtures(db: Db, server: Server, accountIds: string[]): Promise<TokenFixtures> {
  const now = new Date();
  const made = await registerApp(db, { name: 'Bench App', redirectUris: [BENCH_REDIRECT_URI], confidential: true }, now);
  if (!made.ok) throw new Error(`bench app: ${made.error} ${made.problems?.join('; ') ?? ''}`);
  const { clientId, secret } = made;
  // What the consent page records (allowApp), without its security event: the server updates its last use at each exchange.
  await db.appAuthorization.createMany({
    data: accountIds.map((accountId) => ({ accountId, clientId, scope: BENCH_SCOPE, createdAt: now, allowedAt: now, lastUsedAt: now })),
  });

  const keyEncryptionKey = Buffer.from(server.env.OIDC_KEY_ENCRYPTION_KEY!, 'base64url');
  const oidc = await startOidc({
    db,
    clock: systemClock,
    appUrl: server.base,
    nodeEnv: 'production',
    trustProxy: true,
    sessionSecret: server.env.SESSION_SECRET!,
    keyEncryptionKey,
    pageHeaders: () => ({}),
    warn: () => {},
  });
  const provider: Provider = await oidc.provider();
  const client = await provider.Client.find(clientId);
  if (!client) throw new Error('the bench provider does not find the bench app');

  // Each holder signed in once and allowed the app: the provider session mirroring the portal
  // session (src/oidc/provider.ts, mirror) holds the grant loadExistingGrant made for the app.
  const holders: Holder[] = [];
  for (const accountId of accountIds) {
    const grant = new provider.Grant({ accountId, clientId });
    grant.addOIDCScope(BENCH_SCOPE);
    const grantId = await grant.save();
    const loginTs = epoch();
    const session = new provider.Session();
    session.loginAccount({ accountId, loginTs, ...LOGIN, transient: true });
    session.ensureClientContainer(clientId);
    session.grantIdFor(clientId, grantId);
    await session.save(TTL.Session);
    holders.push({ accountId, grantId, sessionUid: session.uid, loginTs });
  }

  let turn = 0;
  async function mintOne(holder: Holder): Promise<MintedCode> {
    const verifier = base64url(randomBytes(32));
    const nonce = base64url(randomBytes(16));
    const code = new provider.AuthorizationCode({
      accountId: holder.accountId,
      ...LOGIN,
      authTime: holder.loginTs,
      client,
      codeChallenge: base64url(createHash('sha256').update(verifier).digest()),
      codeChallengeMethod: 'S256',
      grantId: holder.grantId,
      nonce,
      redirectUri: BENCH_REDIRECT_URI,
      scope: BENCH_SCOPE,
      sessionUid: holder.sessionUid,
      // oidc-provider's default expiresWithSession: true without offline_access (the exchange then reads the session).
      expiresWithSession: true,
    } as unknown as ConstructorParameters<Provider['AuthorizationCode']>[0]);
    // The stored exp is the time of the save plus the code's lifetime: never earlier than this.
    const exp = epoch() + code.expiration;
    const value = await code.save();
    return { code: value, verifier, nonce, holder, exp };
  }

  return {
    clientId,
    basic: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret!)}`).toString('base64')}`,
    holders,
    salt: await pairwiseSalt(db, keyEncryptionKey, now),
    async mint(count, from = holders) {
      const out: MintedCode[] = [];
      // A few saves in flight: the database, not this loop, sets the pace.
      for (let i = 0; i < count; i += 16) {
        const batch = Array.from({ length: Math.min(16, count - i) }, () => from[turn++ % from.length]!);
        out.push(...(await Promise.all(batch.map(mintOne))));
      }
      return out;
    },
  };
}
