'use client';
import type { MouseEvent } from 'react';
import { useFormStatus } from 'react-dom';

/**
 * A form's main button, with its own wording while the form is being sent. It is not `disabled`
 * then (a disabled button drops the keyboard focus to <body>): it says aria-disabled and ignores
 * presses until the answer comes.
 */
export function SubmitButton(props: { label: string; pendingLabel: string; className?: string }) {
  const { pending } = useFormStatus();
  const ignoreWhilePending = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) event.preventDefault();
  };
  return (
    <div className="actions">
      <button className={props.className ?? 'button'} type="submit" aria-disabled={pending ? true : undefined} onClick={ignoreWhilePending}>
        {pending ? props.pendingLabel : props.label}
      </button>
    </div>
  );
}
