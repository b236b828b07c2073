// The kinds a support staff member's second factor can be, listed once, in the layer of what a kind
// is: src/support/ (below the factors themselves) takes from here what it says of them. Each is
// the holders' kind of the same id (its noun, src/kinds/registry.ts), and its StaffFactor.kind and
// StaffSession.secondFactor value. The factors themselves (src/kinds/<kind>/staff.ts) sit above
// src/support/, whose shared rules they use, and ./staff-registry.ts lists them.
import type { DbTx } from '../db/client.ts';
import { STAFF_APP_ERRORS } from './authenticator-app/errors.ts';
import { STAFF_PASSKEY_ERRORS } from './passkey/errors.ts';
import { forgetStaffChallenges } from './passkey/forget-challenges.ts';

/** In the order the setup page offers them. */
export const STAFF_FACTOR_KINDS = ['totp', 'passkey'] as const;
export type StaffFactorKind = (typeof STAFF_FACTOR_KINDS)[number];

export const isStaffFactorKind = (id: unknown): id is StaffFactorKind => (STAFF_FACTOR_KINDS as readonly unknown[]).includes(id);

/** The kinds' own refusals: the support console's map (src/support/errors.ts) includes them. */
export const STAFF_FACTOR_ERRORS = { ...STAFF_APP_ERRORS, ...STAFF_PASSKEY_ERRORS } as const;

/** What the operator's reset removes beside the factors themselves, kind by kind: a passkey's challenges in flight. */
export const STAFF_RESET_EXTRAS: ReadonlyArray<(tx: DbTx, staffUserId: string) => Promise<void>> = [forgetStaffChallenges];
