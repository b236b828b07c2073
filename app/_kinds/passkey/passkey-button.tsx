'use client';
// "Use a passkey or security key": asks the server for options (a challenge and the account's
// passkeys), runs the browser's WebAuthn ceremony (@simplewebauthn/browser: navigator.credentials
// only), and posts its JSON answer to the flow's server action, which redirects when it is right.
// A cancelled ceremony or a refusal shows in the form's message; the code form beside it stays.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { PROVE_CEREMONY_ERRORS, type CeremonySentences } from '@/src/kinds/passkey/ceremony-errors.ts';
import { runCeremony } from './passkey-ceremony.ts';
import { FormMessages } from '../../components/form-messages.tsx';
import { PendingButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM, type FormState } from '../../lib/form-state.ts';
import type { Options } from '../../lib/signature-options.ts';

export function PasskeyButton({
  options,
  finish,
  label,
  note,
  ceremonyErrors = PROVE_CEREMONY_ERRORS,
  primary = false,
}: {
  options: () => Promise<Options<PublicKeyCredentialRequestOptionsJSON>>;
  finish: (response: string) => Promise<FormState>;
  label?: string;
  note?: string;
  ceremonyErrors?: CeremonySentences;
  /** The page's main button (no code form beside it). */
  primary?: boolean;
}) {
  // The holder's wording by default (clientDevices.kinds.passkey); the staff sign-in gives its own
  // (`label`, `note`, `ceremonyErrors`, and `primary` without an app).
  const t = useTranslations('clientDevices.kinds.passkey');
  const [state, action] = useActionState(
    (): Promise<FormState> => runCeremony(options, (optionsJSON) => startAuthentication({ optionsJSON }), finish, ceremonyErrors),
    EMPTY_FORM,
  );
  return (
    <form action={action} aria-label={label ?? t('use')} data-testid="passkey-step">
      <FormMessages state={state} />
      <p className="small muted">{note ?? t('useNote')}</p>
      <PendingButton className={primary ? 'button' : 'button secondary'} label={label ?? t('use')} pendingLabel={t('waiting')} />
    </form>
  );
}
