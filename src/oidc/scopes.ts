// What an app may ask for (OpenID Connect scopes), the claims each gives it, and how the consent
// page and the list of apps say it to the holder. One table: the provider's configuration
// (src/oidc/provider.ts), the consent page and Password and Security all read it.
export const SCOPES = {
  openid: {
    // Who (sub, pairwise), and how and when they proved it: every ID token carries these.
    claims: ['sub', 'auth_time', 'acr', 'amr', 'sid'],
    /** What the holder reads; `account` gives the values the app will see. */
    says: () => 'An identifier for you that only this app gets, and how and when you signed in',
  },
  email: {
    claims: ['email', 'email_verified'],
    says: (account: { appleId: string }) => `Your email address (${account.appleId})`,
  },
  profile: {
    claims: ['name'],
    says: (account: { name: string }) => `Your name (${account.name})`,
  },
  offline_access: {
    claims: [],
    says: () => 'Access while you are not using the app, until you stop it here',
  },
} as const satisfies Record<string, { claims: readonly string[]; says: (account: { appleId: string; name: string }) => string }>;

export type Scope = keyof typeof SCOPES;
export const SCOPE_NAMES = Object.keys(SCOPES) as Scope[];

const isScope = (s: string): s is Scope => Object.hasOwn(SCOPES, s);

/** The scopes of a space-separated scope string that the portal offers, in the table's order. */
export function scopesOf(scope: string | null | undefined): Scope[] {
  const asked = new Set((scope ?? '').split(' ').filter(isScope));
  return SCOPE_NAMES.filter((s) => asked.has(s));
}

/** One line per scope for the holder, with the values the app will receive. */
export function scopeSentences(scopes: readonly Scope[], account: { appleId: string; name: string }): string[] {
  return scopes.map((s) => SCOPES[s].says(account));
}

/** oidc-provider's `claims` configuration: each scope and its claims. */
export function claimsConfiguration(): Record<string, string[]> {
  return Object.fromEntries(SCOPE_NAMES.filter((s) => SCOPES[s].claims.length).map((s) => [s, [...SCOPES[s].claims]]));
}
