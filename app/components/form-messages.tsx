// The message at the top of a form: an error, or the confirmation of a change that went through.
import type { FormState } from '../lib/form-state.ts';

export function FormMessages({ state }: { state: FormState }) {
  if (state.error) {
    return (
      <p className="form-error" role="alert">
        {state.error}
      </p>
    );
  }
  if (state.notice) {
    return (
      <p className="notice success" role="status">
        {state.notice}
      </p>
    );
  }
  return null;
}
