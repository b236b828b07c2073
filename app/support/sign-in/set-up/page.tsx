import { redirect } from 'next/navigation';
import type { Metadata } from 'next';
import { runtime } from '@/src/runtime.ts';
import { staffFactorKinds } from '@/src/support/staff-factors.ts';
import { pendingStaffApp, STAFF_TOTP_ISSUER } from '@/src/support/staff-totp.ts';
import { TOTP_DIGITS, TOTP_STEP_SECONDS } from '@/src/kinds/authenticator-app/totp.ts';
import { requireSecondFactorStep, SECOND_FACTOR_PAGE } from '../../../lib/staff-session.ts';
import { confirmStaffAppAction } from '../../../actions/staff-second-factor.ts';
import { TotpKey } from '../../../components/totp-key.tsx';
import { StaffCodeForm } from '../staff-code-form.tsx';
import { SetUpPasskeyForm, StartAppForm } from './setup-forms.tsx';

export const metadata: Metadata = { title: 'Support Sign In: Set Up a Second Factor' };

// The first sign-in (or the first after the operator reset the factor): the password was right,
// and the staff member sets up the second factor they will use at every sign-in, then proves it
// once (src/support/staff-factors.ts). The key of an authenticator app is shown only here, only
// until its first code is accepted.
export default async function StaffSetUpPage() {
  const session = await requireSecondFactorStep();
  const rt = runtime();
  if ((await staffFactorKinds(rt.db, session.staff.id)).length > 0) redirect(SECOND_FACTOR_PAGE);
  const app = await pendingStaffApp(rt, session);
  return (
    <main className="narrow">
      <h1>Set Up a Second Factor</h1>
      <p className="lead">
        The support console shows the security settings of every account, so signing in to it takes your password and a second factor. Set
        one up now; you will use it every time you sign in.
      </p>
      <section className="panel" aria-labelledby="app-heading">
        <h2 id="app-heading">Authenticator App</h2>
        {app ? (
          <>
            <p>
              Scan this QR code with your authenticator app (or type the key), then enter the {TOTP_DIGITS}-digit code it shows for “
              {STAFF_TOTP_ISSUER}”. It makes a new code every {TOTP_STEP_SECONDS} seconds.
            </p>
            <TotpKey
              uri={app.uri}
              secret={app.secret}
              note="Keep this key to yourself. It is shown only until your first code is accepted."
            />
            <StaffCodeForm action={confirmStaffAppAction} digits={TOTP_DIGITS} issuer={STAFF_TOTP_ISSUER} />
            <StartAppForm again />
          </>
        ) : (
          <>
            <p>
              An app on your phone, such as Google Authenticator, Microsoft Authenticator or 1Password, makes a new code every{' '}
              {TOTP_STEP_SECONDS} seconds.
            </p>
            <StartAppForm again={false} />
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="passkey-heading">
        <h2 id="passkey-heading">Passkey or Security Key</h2>
        <p>A passkey on this computer or your phone, or a security key such as a YubiKey: nothing to type, and it can&apos;t be phished.</p>
        <SetUpPasskeyForm />
      </section>
    </main>
  );
}
