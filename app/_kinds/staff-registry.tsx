// Each kind's part of the staff sign-in pages (app/_kinds/<kind>/staff.tsx), listed once in the
// order the setup page offers them (src/kinds/staff-registry.ts STAFF_FACTOR_KINDS): the setup page
// gives each its section under its heading, and the second factor page each factor the staff member
// has its panel. The map has an entry for each kind, or the typecheck fails.
import type { ReactNode } from 'react';
import { STAFF_FACTOR_KINDS, type StaffFactorKind } from '@/src/kinds/staff-registry.ts';
import type { StaffSession } from '@/src/support/staff.ts';
import { AppStaffSetUp, AppStaffVerify } from './authenticator-app/staff.tsx';
import { PasskeyStaffSetUp, PasskeyStaffVerify } from './passkey/staff.tsx';

export interface StaffFactorPages {
  id: StaffFactorKind;
  /** Its section's heading on the setup page. */
  heading: string;
  /** Its section's body on the setup page (a server component). */
  SetUp: (props: { session: StaffSession }) => ReactNode | Promise<ReactNode>;
  /** Its panel after the password. `only`: the staff member has no other factor. */
  Verify: (props: { only: boolean }) => ReactNode;
}

const PAGES: Readonly<Record<StaffFactorKind, Omit<StaffFactorPages, 'id'>>> = {
  totp: { heading: 'Authenticator App', SetUp: AppStaffSetUp, Verify: AppStaffVerify },
  passkey: { heading: 'Passkey or Security Key', SetUp: PasskeyStaffSetUp, Verify: PasskeyStaffVerify },
};

export const STAFF_FACTOR_PAGES: readonly StaffFactorPages[] = STAFF_FACTOR_KINDS.map((id) => ({ id, ...PAGES[id] }));
