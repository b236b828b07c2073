// A staff member's authenticator app on the staff sign-in pages (app/_kinds/staff-registry.tsx
// lists it): its part of the setup page, where its key is shown, only here and only until its
// first code is accepted; and its code form after the password.
import { runtime } from '@/src/runtime.ts';
import { pendingStaffApp, STAFF_TOTP_ISSUER } from '@/src/kinds/authenticator-app/staff.ts';
import { TOTP_DIGITS, TOTP_STEP_SECONDS } from '@/src/kinds/authenticator-app/totp.ts';
import type { StaffSession } from '@/src/support/staff.ts';
import { beginStaffFactorAction, confirmStaffFactorAction, proveStaffFactorAction } from '../../actions/staff-second-factor.ts';
import { getTranslations } from 'next-intl/server';
import { TotpKey } from './totp-key.tsx';
import type { FormState } from '../../lib/form-state.ts';
import { StaffCodeForm, StartAppForm } from './staff-forms.tsx';

const KIND = 'totp';
type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

export async function AppStaffSetUp({ session }: { session: StaffSession }) {
  const app = await pendingStaffApp(runtime(), session);
  // Without a ceremony, the first step answers with a message or the setup page again: a form's action.
  const start = beginStaffFactorAction.bind(null, KIND) as unknown as FormAction;
  const t = await getTranslations('clientStaffFactors.app');
  return app ? (
    <>
      <p>{t('scan', { digits: TOTP_DIGITS, issuer: STAFF_TOTP_ISSUER, seconds: TOTP_STEP_SECONDS })}</p>
      <TotpKey uri={app.uri} secret={app.secret} note={t('keyNote')} />
      <StaffCodeForm action={confirmStaffFactorAction.bind(null, KIND)} digits={TOTP_DIGITS} issuer={STAFF_TOTP_ISSUER} />
      <StartAppForm again start={start} />
    </>
  ) : (
    <>
      <p>{t('intro', { seconds: TOTP_STEP_SECONDS })}</p>
      <StartAppForm again={false} start={start} />
    </>
  );
}

export function AppStaffVerify() {
  return <StaffCodeForm action={proveStaffFactorAction.bind(null, KIND)} digits={TOTP_DIGITS} issuer={STAFF_TOTP_ISSUER} />;
}
