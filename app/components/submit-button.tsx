'use client';
import { useFormStatus } from 'react-dom';

/** A form's main button: disabled, with its own wording, while the form is being sent. */
export function SubmitButton(props: { label: string; pendingLabel: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <div className="actions">
      <button className={props.className ?? 'button'} type="submit" disabled={pending}>
        {pending ? props.pendingLabel : props.label}
      </button>
    </div>
  );
}
