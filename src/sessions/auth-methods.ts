// How a session's sign-in was proven, named as RFC 8176 names authentication methods ("amr"
// values): what an app signed in through the portal is told (src/oidc/authentication.ts). Kept
// beside the sessions that record it; each kind of trusted device says which is its own
// (src/kinds/<kind>/kind.ts, its `method`).
export type AuthMethod = 'pwd' | 'sms' | 'mca' | 'otp' | 'hwk' | 'swk' | 'mfa';

const METHODS: readonly string[] = ['pwd', 'sms', 'mca', 'otp', 'hwk', 'swk', 'mfa'] satisfies AuthMethod[];

/** A method read back from a session row: anything else (an older row, a bug) is no method. */
export function authMethodOf(stored: string | null): AuthMethod | null {
  return stored !== null && METHODS.includes(stored) ? (stored as AuthMethod) : null;
}
