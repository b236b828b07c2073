// Each kind's staff second factor (src/kinds/<kind>/staff.ts, what src/support/staff-factor-kind.ts
// says a kind offers), listed once, above src/support/: the staff sign-in pages and their actions
// find a factor here by its StaffFactor.kind value and ask it. Which kinds there are, and what
// src/support/ says of them, is ./staff-kinds-registry.ts, in the layer of what a kind is; the map
// below has an entry for each of those, or the typecheck fails.
import type { KindOfStaffFactor } from '../support/staff-factor-kind.ts';
import { appStaffFactor, type StaffTotpDeps } from './authenticator-app/staff.ts';
import { passkeyStaffFactor, type StaffPasskeyDeps } from './passkey/staff.ts';
import { isStaffFactorKind, STAFF_FACTOR_KINDS, type StaffFactorKind } from './staff-kinds-registry.ts';

export { isStaffFactorKind, STAFF_FACTOR_KINDS, type StaffFactorKind };

/** What the factors need between them: the runtime gives it all. */
export type StaffFactorDeps = StaffTotpDeps & StaffPasskeyDeps;

const FACTORS: Readonly<Record<StaffFactorKind, KindOfStaffFactor<StaffFactorDeps>>> = {
  totp: appStaffFactor,
  passkey: passkeyStaffFactor,
};

/** The factor of a kind, or null for anything else (the kind arrives from the browser). */
export function staffFactorOf(kind: unknown): KindOfStaffFactor<StaffFactorDeps> | null {
  return isStaffFactorKind(kind) ? FACTORS[kind] : null;
}
