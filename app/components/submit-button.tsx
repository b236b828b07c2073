'use client';
import { useFormStatus } from 'react-dom';

/**
 * A submit button with its own wording while its form is being sent. It is not `disabled` then (a
 * disabled button drops the keyboard focus to <body>): it says aria-disabled and ignores presses
 * until the answer comes.
 */
export function PendingButton(props: { label: string; pendingLabel: string; className?: string; ariaLabel?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      className={props.className ?? 'button'}
      aria-disabled={pending ? true : undefined}
      aria-label={props.ariaLabel}
      onClick={(event) => {
        if (pending) event.preventDefault();
      }}
    >
      {pending ? props.pendingLabel : props.label}
    </button>
  );
}

/** A form's main button, in the form's row of actions. */
export function SubmitButton(props: { label: string; pendingLabel: string; className?: string }) {
  return (
    <div className="actions">
      <PendingButton {...props} />
    </div>
  );
}
