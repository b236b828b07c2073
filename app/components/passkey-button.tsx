'use client';
// "Use a passkey or security key": asks the server for options (a challenge and the account's
// passkeys), runs the browser's WebAuthn ceremony (@simplewebauthn/browser: navigator.credentials
// only), and posts its JSON answer to the flow's server action, which redirects when it is right.
// A cancelled ceremony or a refusal shows in the form's message; the code form beside it stays.
import { useActionState } from 'react';
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { ceremonyErrorSentence } from '@/src/passkeys/ceremony-errors.ts';
import { FormMessages } from './form-messages.tsx';
import { PendingButton } from './submit-button.tsx';
import { EMPTY_FORM, type FormState } from '../lib/form-state.ts';

type Options = { options: PublicKeyCredentialRequestOptionsJSON } | { error: string };

export function PasskeyButton({ options, finish }: { options: () => Promise<Options>; finish: (response: string) => Promise<FormState> }) {
  const [state, action] = useActionState(async (): Promise<FormState> => {
    const asked = await options();
    if ('error' in asked) return { error: asked.error };
    let answer: unknown;
    try {
      answer = await startAuthentication({ optionsJSON: asked.options });
    } catch (e) {
      return { error: ceremonyErrorSentence(e) };
    }
    return finish(JSON.stringify(answer));
  }, EMPTY_FORM);
  return (
    <form action={action} aria-label="Use a passkey or security key" data-testid="passkey-step">
      <FormMessages state={state} />
      <p className="small muted">Or use a passkey or security key you added as a trusted device: nothing is sent.</p>
      <PendingButton className="button secondary" label="Use a passkey or security key" pendingLabel="Waiting for your passkey or security key…" />
    </form>
  );
}
