'use client';
// Setting up a staff member's second factor: start an authenticator app (the page then shows its
// key), or set up a passkey or security key with the browser's registration ceremony
// (@simplewebauthn/browser), whose answer opens the console at once.
import { useActionState } from 'react';
import { startRegistration } from '@simplewebauthn/browser';
import { STAFF_CEREMONY_ERRORS } from '@/src/support/staff-ceremony-errors.ts';
import { addStaffPasskeyAction, staffPasskeyRegistrationOptionsAction, startStaffAppAction } from '../../../actions/staff-second-factor.ts';
import { FormMessages } from '../../../components/form-messages.tsx';
import { runCeremony } from '../../../components/passkey-ceremony.ts';
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

const setUpPasskey = (): Promise<FormState> =>
  runCeremony(
    staffPasskeyRegistrationOptionsAction,
    (optionsJSON) => startRegistration({ optionsJSON }),
    addStaffPasskeyAction,
    STAFF_CEREMONY_ERRORS,
  );

export function SetUpPasskeyForm() {
  const [state, action] = useActionState(setUpPasskey, EMPTY_FORM);
  return (
    <form action={action} aria-label="Set up a passkey or security key">
      <FormMessages state={state} />
      <SubmitButton label="Set Up a Passkey or Security Key" pendingLabel="Waiting for your passkey or security key…" />
    </form>
  );
}
