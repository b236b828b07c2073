// How a session's sign-in was proven, named as RFC 8176 names authentication methods ("amr"
// values): what an app signed in through the portal is told (src/oidc/authentication.ts). Kept
// beside the sessions that record it: the password ('pwd') and the two steps together ('mfa') are
// the portal's; each kind of trusted device declares the methods of its proofs
// (src/kinds/<kind>/method.ts, listed in src/kinds/method-registry.ts) and names its own (its `method`).
import { KIND_METHODS, type KindMethod } from '../kinds/method-registry.ts';

export type AuthMethod = 'pwd' | 'mfa' | KindMethod;

const METHODS: readonly string[] = ['pwd', 'mfa', ...KIND_METHODS] satisfies AuthMethod[];

/** A method read back from a session row: anything else (an older row, a bug) is no method. */
export function authMethodOf(stored: string | null): AuthMethod | null {
  return stored !== null && METHODS.includes(stored) ? (stored as AuthMethod) : null;
}
