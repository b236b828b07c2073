'use client';
// Setting up a staff member's second factor: start an authenticator app (the page then shows its
// key), or set up a passkey or security key with the browser's registration ceremony
// (@simplewebauthn/browser), whose answer opens the console at once.
import { useActionState } from 'react';
import { startRegistration } from '@simplewebauthn/browser';
import { ceremonyErrorSentence } from '@/src/passkeys/ceremony-errors.ts';
import { STAFF_CEREMONY_ERRORS } from '@/src/support/staff-ceremony-errors.ts';
import { addStaffPasskeyAction, staffPasskeyRegistrationOptionsAction, startStaffAppAction } from '../../../actions/staff-second-factor.ts';
import { FormMessages } from '../../../components/form-messages.tsx';
import { SubmitButton } from '../../../components/submit-button.tsx';
import { EMPTY_FORM, type FormState } from '../../../lib/form-state.ts';

export function StartAppForm({ again }: { again: boolean }) {
  const [state, action] = useActionState(startStaffAppAction, EMPTY_FORM);
  return (
    <form action={action} aria-label="Set up an authenticator app">
      <FormMessages state={state} />
      <SubmitButton
        label={again ? 'Start Again with a New Key' : 'Set Up an Authenticator App'}
        pendingLabel="Making a key…"
        className={again ? 'button secondary' : undefined}
      />
    </form>
  );
}

async function setUpPasskey(): Promise<FormState> {
  const asked = await staffPasskeyRegistrationOptionsAction();
  if ('error' in asked) return { error: asked.error };
  let answer: unknown;
  try {
    answer = await startRegistration({ optionsJSON: asked.options });
  } catch (e) {
    return { error: ceremonyErrorSentence(e, STAFF_CEREMONY_ERRORS) };
  }
  return addStaffPasskeyAction(JSON.stringify(answer));
}

export function SetUpPasskeyForm() {
  const [state, action] = useActionState(setUpPasskey, EMPTY_FORM);
  return (
    <form action={action} aria-label="Set up a passkey or security key">
      <FormMessages state={state} />
      <SubmitButton label="Set Up a Passkey or Security Key" pendingLabel="Waiting for your passkey or security key…" />
    </form>
  );
}
