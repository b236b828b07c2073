'use client';
// The one field for a code or PIN of digits, in every form that asks for one: it takes what people
// paste ("12 34", "Your code: 1234", "1234 ") and keeps only the digits, at most `digits` of them.
// The server does the same (src/codes/codes.ts codeDigitsOf), for a browser without JavaScript.
import type { ChangeEvent } from 'react';

export function onlyDigits(typed: string, digits: number): string {
  return typed.replace(/[^0-9]/g, '').slice(0, digits);
}

export function CodeInput(props: {
  id: string;
  name?: string;
  digits: number;
  error?: boolean;
  describedBy?: string;
  className?: string;
  autoComplete?: string;
}) {
  const keepDigits = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const kept = onlyDigits(input.value, props.digits);
    if (kept !== input.value) input.value = kept;
  };
  return (
    <input
      type="text"
      id={props.id}
      name={props.name ?? 'code'}
      className={props.className ? `code-input ${props.className}` : 'code-input'}
      inputMode="numeric"
      autoComplete={props.autoComplete ?? 'one-time-code'}
      spellCheck={false}
      onChange={keepDigits}
      aria-invalid={props.error ? true : undefined}
      aria-describedby={props.error ? (props.describedBy ?? `${props.id}-error`) : undefined}
    />
  );
}
