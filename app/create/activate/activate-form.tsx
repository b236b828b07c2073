'use client';
import { useActionState } from 'react';
import { activateAccountAction } from '../../actions/sign-up.ts';
import { FormMessages, useKeptValues } from '../../components/form-messages.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';
import { SubmitButton } from '../../components/submit-button.tsx';

export function ActivateForm(props: { appleId: string }) {
  const [state, action] = useActionState(activateAccountAction, EMPTY_FORM);
  const kept = useKeptValues(state);
  return (
    <form key={kept.key} action={action} onSubmit={kept.onSubmit} className="panel" noValidate>
      <FormMessages state={state} />
      <p className="lead">
        This link confirms that <strong>{props.appleId}</strong> is your email address. Activate the Apple ID to sign in with it.
      </p>
      <p className="muted small">If you did not ask for an Apple ID with this address, close this page: nothing will be created.</p>
      <SubmitButton label="Activate my Apple ID" pendingLabel="Activating…" />
    </form>
  );
}
