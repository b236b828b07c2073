// Each kind's part of the staff sign-in pages (app/_kinds/<kind>/staff.tsx), listed once in the
// order the setup page offers them (src/kinds/staff-registry.ts STAFF_FACTOR_KINDS): the setup page
// gives each its section under its heading, and the second factor page each factor the staff member
// has its panel. The map has an entry for each kind, or the typecheck fails.
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { STAFF_FACTOR_KINDS, type StaffFactorKind } from '@/src/kinds/staff-registry.ts';
import type { StaffSession } from '@/src/support/staff.ts';
import { AppStaffSetUp, AppStaffVerify } from './authenticator-app/staff.tsx';
import { PasskeyStaffSetUp, PasskeyStaffVerify } from './passkey/staff.tsx';

export interface StaffFactorPages {
  id: StaffFactorKind;
  /** Its section's heading on the setup page, in the reader's language. */
  heading: ReactNode;
  /** The heading's key in the clientStaffFactors catalogue. */
  headingKey: HeadingKey;
  /** Its section's body on the setup page (a server component). */
  SetUp: (props: { session: StaffSession }) => ReactNode | Promise<ReactNode>;
  /** Its panel after the password. `only`: the staff member has no other factor. */
  Verify: (props: { only: boolean }) => ReactNode;
}

type HeadingKey = 'app.heading' | 'passkey.heading';

/** A factor's heading from the clientStaffFactors catalogue. */
function Heading({ k }: { k: HeadingKey }) {
  return useTranslations('clientStaffFactors')(k);
}

const factor = (headingKey: HeadingKey, parts: Pick<StaffFactorPages, 'SetUp' | 'Verify'>) => ({
  heading: <Heading k={headingKey} />,
  headingKey,
  ...parts,
});

const PAGES: Readonly<Record<StaffFactorKind, Omit<StaffFactorPages, 'id'>>> = {
  totp: factor('app.heading', { SetUp: AppStaffSetUp, Verify: AppStaffVerify }),
  passkey: factor('passkey.heading', { SetUp: PasskeyStaffSetUp, Verify: PasskeyStaffVerify }),
};

export const STAFF_FACTOR_PAGES: readonly StaffFactorPages[] = STAFF_FACTOR_KINDS.map((id) => ({ id, ...PAGES[id] }));
