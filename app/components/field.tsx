// One labelled form field with its error message beside it (linked for screen readers).
import type { ReactNode } from 'react';

export function Field(props: { name: string; label: ReactNode; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className={`field${props.error ? ' invalid' : ''}`}>
      <label htmlFor={props.name}>{props.label}</label>
      {props.children}
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      {props.error ? (
        <p className="field-error" id={`${props.name}-error`} role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** Attributes that tie an input to its Field's error message. */
export function errorProps(name: string, error?: string) {
  return { id: name, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${name}-error` : undefined };
}
