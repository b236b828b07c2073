'use client';
// "Use a passkey or security key": asks the server for options (a challenge and the account's
// passkeys), runs the browser's WebAuthn ceremony (@simplewebauthn/browser: navigator.credentials
// only), and posts its JSON answer to the flow's server action, which redirects when it is right.
// A cancelled ceremony or a refusal shows in the form's message; the code form beside it stays.
import { useActionState } from 'react';
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { ceremonyErrorSentence, type CeremonySentences } from '@/src/passkeys/ceremony-errors.ts';
import { FormMessages } from './form-messages.tsx';
import { PendingButton } from './submit-button.tsx';
import { EMPTY_FORM, type FormState } from '../lib/form-state.ts';

type Options = { options: PublicKeyCredentialRequestOptionsJSON } | { error: string };

/** The holder's wording; the staff sign-in gives its own (`label`, `note`, `ceremonyErrors`). */
const HOLDER = {
  label: 'Use a passkey or security key',
  note: 'Or use a passkey or security key you added as a trusted device: nothing is sent.',
};

export function PasskeyButton({
  options,
  finish,
  label = HOLDER.label,
  note = HOLDER.note,
  ceremonyErrors,
}: {
  options: () => Promise<Options>;
  finish: (response: string) => Promise<FormState>;
  label?: string;
  note?: string;
  ceremonyErrors?: CeremonySentences;
}) {
  const [state, action] = useActionState(async (): Promise<FormState> => {
    const asked = await options();
    if ('error' in asked) return { error: asked.error };
    let answer: unknown;
    try {
      answer = await startAuthentication({ optionsJSON: asked.options });
    } catch (e) {
      return { error: ceremonyErrorSentence(e, ceremonyErrors) };
    }
    return finish(JSON.stringify(answer));
  }, EMPTY_FORM);
  return (
    <form action={action} aria-label={label} data-testid="passkey-step">
      <FormMessages state={state} />
      <p className="small muted">{note}</p>
      <PendingButton className="button secondary" label={label} pendingLabel="Waiting for your passkey or security key…" />
    </form>
  );
}
