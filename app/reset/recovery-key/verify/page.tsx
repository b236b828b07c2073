import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { runtime } from '@/src/runtime.ts';
import { keyResetState } from '@/src/password-reset/by-recovery-key.ts';
import { resetToken } from '../../../lib/reset-cookie.ts';
import { ProofStep } from '../../../components/proof-step.tsx';
import { NewPasswordForm } from '../key-forms.tsx';
import type { Metadata } from 'next';

/** Each step's title (reset.verify). */
const STEP_TITLES = {
  code: 'titleCode',
  password: 'titlePassword',
  expired: 'titleExpired',
} as const;

/** The title says which step the page shows: after the code, the new password (the code is done). */
export async function generateMetadata(): Promise<Metadata> {
  const state = await keyResetState(runtime(), await resetToken());
  return { title: (await getTranslations('reset.verify'))(STEP_TITLES[state.step]) };
}

// After the Recovery Key: a code from a trusted device, then the new password.
export default async function KeyResetVerifyPage() {
  const rt = runtime();
  const state = await keyResetState(rt, await resetToken());
  const t = await getTranslations('reset.verify');
  return (
    <main className="narrow">
      <h1>{t('heading')}</h1>
      {state.step === 'code' ? (
        <>
          <p className="lead">{t('keyRight')}</p>
          <ProofStep devices={state.devices} digits={rt.codeDigits} purpose="recovery-key-reset" noDevice={t('noDevice')} />
        </>
      ) : state.step === 'password' ? (
        <>
          <p className="lead">{t('choosePassword', { appleId: state.appleId })}</p>
          <div className="panel">
            <NewPasswordForm />
          </div>
        </>
      ) : (
        <>
          <p className="form-error" role="alert">
            {t('expired')}
          </p>
          <p>
            <Link className="button" href="/reset/recovery-key">
              {t('startAgain')}
            </Link>
          </p>
        </>
      )}
    </main>
  );
}
