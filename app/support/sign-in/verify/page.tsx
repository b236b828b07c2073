import { redirect } from 'next/navigation';
import type { Metadata } from 'next';
import { runtime } from '@/src/runtime.ts';
import { staffFactorKinds } from '@/src/support/staff-factors.ts';
import { STAFF_TOTP_ISSUER } from '@/src/support/staff-totp.ts';
import { STAFF_CEREMONY_ERRORS } from '@/src/support/staff-ceremony-errors.ts';
import { TOTP_DIGITS } from '@/src/kinds/authenticator-app/totp.ts';
import { requireSecondFactorStep, SECOND_FACTOR_SETUP_PAGE } from '../../../lib/staff-session.ts';
import { staffAppCodeAction, staffPasskeyAction, staffPasskeyOptionsAction } from '../../../actions/staff-second-factor.ts';
import { PasskeyButton } from '../../../components/passkey-button.tsx';
import { StaffCodeForm } from '../staff-code-form.tsx';

export const metadata: Metadata = { title: 'Support Sign In: Second Factor' };

// After the password: the staff member's second factor (src/support/staff-factors.ts), the one
// they set up at their first sign-in. Without one, they set one up first.
export default async function StaffSecondFactorPage() {
  const session = await requireSecondFactorStep();
  const kinds = await staffFactorKinds(runtime().db, session.staff.id);
  if (kinds.length === 0) redirect(SECOND_FACTOR_SETUP_PAGE);
  return (
    <main className="narrow">
      <h1>Verify It&apos;s You</h1>
      <p className="lead">Your password is right. The support console also needs your second factor.</p>
      {kinds.includes('totp') ? (
        <div className="panel">
          <StaffCodeForm action={staffAppCodeAction} digits={TOTP_DIGITS} issuer={STAFF_TOTP_ISSUER} />
        </div>
      ) : null}
      {kinds.includes('passkey') ? (
        <div className="panel">
          <PasskeyButton
            options={staffPasskeyOptionsAction}
            finish={staffPasskeyAction}
            label="Use your passkey or security key"
            note="Use the passkey or security key you set up for the support console."
            ceremonyErrors={STAFF_CEREMONY_ERRORS}
            primary={!kinds.includes('totp')}
          />
        </div>
      ) : null}
      <p className="small muted">Lost it? Ask the operator to reset your second factor; you then set up a new one when you sign in.</p>
    </main>
  );
}
