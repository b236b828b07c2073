'use client';
// The one form for entering a code, wherever a code is asked for (the code step of signing in, a
// fresh code, the Recovery Key reset and the support PIN; a device being added, of any kind; a
// staff member's app): the field with its message at it, GOV.UK's error summary taking the focus
// and "Error: " in the title after a wrong code, and the button that checks it. Its parent owns the
// action's state, so it can take away its other messages when this form answers.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { Field } from './field.tsx';
import { FormMessages } from './form-messages.tsx';
import { CodeInput } from './code-input.tsx';
import { SubmitButton } from './submit-button.tsx';

export function CodeForm(props: {
  action: (formData: FormData) => void;
  /** The latest refusal to show at the field (none before an answer, or after a newer answer elsewhere). */
  error: string | undefined;
  label: ReactNode;
  hint: ReactNode;
  digits: number;
  /** The field's id: "code" unless the page holds more than one code field. */
  id?: string;
  /** Hidden fields the check needs (the device the code is for). */
  hidden?: Record<string, string>;
  verifyLabel?: string;
  ariaLabel?: string;
  /** On a page whose only question is the code: the field takes the focus when it appears. */
  focusOnMount?: boolean;
  className?: string;
}) {
  const t = useTranslations('clientCodeStep');
  const { id = 'code', hidden = {}, verifyLabel = t('verify'), ariaLabel = t('enterTheCode'), focusOnMount = false } = props;
  const field = useRef<HTMLDivElement>(null);
  // Only as the form first appears: after a refusal the error summary takes the focus (FormMessages).
  const refusedAtFirst = useRef(Boolean(props.error));
  useEffect(() => {
    if (focusOnMount && !refusedAtFirst.current) field.current?.querySelector('input')?.focus();
  }, [focusOnMount]);
  return (
    <form action={props.action} noValidate aria-label={ariaLabel} className={props.className}>
      <FormMessages state={{ error: props.error }} errorFor={id} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div ref={field}>
        <Field name={id} label={props.label} hint={props.hint}>
          <CodeInput id={id} digits={props.digits} error={Boolean(props.error)} />
        </Field>
      </div>
      <SubmitButton label={verifyLabel} pendingLabel={t('checking')} />
    </form>
  );
}
