// The keys ID tokens are signed with: RSA 2048 (RS256, the algorithm every OpenID Connect client
// must support, OIDC Core 15.1), private JWKs sealed with AES-256-GCM under OIDC_KEY_ENCRYPTION_KEY
// (src/secret-box.ts, the key id as associated data) in OidcSigningKey. The first
// instance to start on an empty database makes one; the operator rotates them with
// `npm run apps -- rotate-keys`.
//
// Rotation without a moment where some instance or app cannot check a token (oidc-provider's own
// advice: publish first, sign later):
//  - a new key is published in the JWKS at once, and signs only KEY_PUBLISH_LEAD_MS after it was
//    made: by then every instance has read it (each reads the table every KEY_RELOAD_MS), so an app
//    that fetched the JWKS from any instance knows it before it sees a token signed with it;
//  - the key it replaces stays published for as long as a token it signed can be checked (the ID
//    token's lifetime, and the clock tolerance), then leaves the JWKS; the next rotation deletes it.
import { generateKeyPairSync, randomBytes, type JsonWebKey } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { MINUTE } from '../clock.ts';
import { open, seal } from '../secret-box.ts';

/** How long after it is made a new key starts to sign: longer than KEY_RELOAD_MS, so every instance publishes it first. */
export const KEY_PUBLISH_LEAD_MS = 5 * MINUTE;
/** How often an instance reads the key table (and rebuilds its provider when the schedule changed). */
export const KEY_RELOAD_MS = MINUTE;
/** The ID token's lifetime (oidc-provider ttl.IdToken), seconds. */
export const ID_TOKEN_TTL_S = 60 * 60;
/** oidc-provider's clock tolerance, seconds: a token is still checked this long past its expiry. */
export const CLOCK_TOLERANCE_S = 15;
/** How long a replaced key stays published after its successor began to sign. */
export const RETIRED_KEY_PUBLISHED_MS = (ID_TOKEN_TTL_S + CLOCK_TOLERANCE_S) * 1000 + MINUTE;

export const SIGNING_ALG = 'RS256';

type KeyRow = { kid: string; sealedJwk: string; createdAt: Date };
export type PrivateJwk = JsonWebKey & { kid: string; alg: string; use: 'sig' };

const boundTo = (kid: string) => `oidc-signing-key:${kid}`;

function newKey(encryptionKey: Buffer, now: Date): KeyRow {
  const kid = randomBytes(12).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk: PrivateJwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: SIGNING_ALG, use: 'sig' };
  return { kid, sealedJwk: seal(encryptionKey, JSON.stringify(jwk), boundTo(kid)), createdAt: now };
}

/** When a key starts to sign: the first key at once (a new portal must sign), any later one after the lead. */
function signsFrom(row: KeyRow, index: number): number {
  return row.createdAt.getTime() + (index === 0 ? 0 : KEY_PUBLISH_LEAD_MS);
}

/**
 * Which keys are published at `now`, the signing key first (oidc-provider signs with the first key
 * of its JWKS that fits), and which are no longer needed at all.
 */
export function keySchedule(rows: readonly KeyRow[], now: Date): { published: KeyRow[]; expired: KeyRow[] } {
  const sorted = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.kid.localeCompare(b.kid));
  const t = now.getTime();
  let signer = 0;
  sorted.forEach((row, i) => {
    if (signsFrom(row, i) <= t) signer = i;
  });
  const published: KeyRow[] = [];
  const expired: KeyRow[] = [];
  sorted.forEach((row, i) => {
    if (i === signer) return;
    // A later key is still on its way in; an earlier one stays while its tokens can be checked.
    const keep = i > signer || signsFrom(sorted[i + 1]!, i + 1) + RETIRED_KEY_PUBLISHED_MS > t;
    (keep ? published : expired).push(row);
  });
  return { published: sorted.length ? [sorted[signer]!, ...published.reverse()] : [], expired };
}

async function keyRows(db: Db): Promise<KeyRow[]> {
  return db.oidcSigningKey.findMany({ select: { kid: true, sealedJwk: true, createdAt: true } });
}

/**
 * Makes the first key when there is none. Instances starting at once on an empty database may make
 * one each: the schedule then signs with the oldest and publishes the others, which is harmless.
 */
export async function ensureSigningKey(db: Db, encryptionKey: Buffer, now: Date): Promise<void> {
  if ((await db.oidcSigningKey.count()) > 0) return;
  await db.oidcSigningKey.create({ data: newKey(encryptionKey, now) });
}

/**
 * The operator's rotation: a new key (signing after the lead) and the removal of keys no longer
 * published. The new key is dated after every key there is, whatever the clock of the machine that
 * rotates says: the schedule orders keys by their date and lets the oldest sign at once, so a key
 * dated at or before the signing key (the same millisecond, a clock behind) would sign without
 * the lead, and hand signing back to the key it replaced once the lead had passed.
 */
export async function rotateSigningKeys(
  db: Db,
  encryptionKey: Buffer,
  now: Date,
): Promise<{ added: string; removed: string[]; signsAt: Date }> {
  const newest = await db.oidcSigningKey.findFirst({ orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
  const made = newest && newest.createdAt.getTime() >= now.getTime() ? new Date(newest.createdAt.getTime() + 1) : now;
  const row = newKey(encryptionKey, made);
  await db.oidcSigningKey.create({ data: row });
  const { expired } = keySchedule(await keyRows(db), now);
  if (expired.length) await db.oidcSigningKey.deleteMany({ where: { kid: { in: expired.map((k) => k.kid) } } });
  return { added: row.kid, removed: expired.map((k) => k.kid), signsAt: new Date(made.getTime() + KEY_PUBLISH_LEAD_MS) };
}

/**
 * The private JWKs to hand oidc-provider at `now`, the signing key first. A key that does not open
 * under this encryption key stops the start.
 */
export async function publishedKeys(db: Db, encryptionKey: Buffer, now: Date): Promise<PrivateJwk[]> {
  return keySchedule(await keyRows(db), now).published.map((row) => {
    const json = open(encryptionKey, row.sealedJwk, boundTo(row.kid));
    if (json === null)
      throw new Error(
        `The OpenID Connect signing key ${row.kid} does not open with OIDC_KEY_ENCRYPTION_KEY: the key changed. Restore it (every instance needs the same one).`,
      );
    return JSON.parse(json) as PrivateJwk;
  });
}

/** What the schedule is at `now`, in the order it publishes: an instance rebuilds its provider when this changes. */
export function scheduleFingerprint(keys: readonly { kid: string }[]): string {
  return keys.map((k) => k.kid).join(',');
}
