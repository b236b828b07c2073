'use client';
// The message at the top of a form: after an error, GOV.UK's error summary ("There is a problem",
// the form's message, a link to each field with an error), focused so the view and a screen reader
// go to it, with "Error: " before the page title while it shows; after a change that went through,
// its confirmation, focused too.
import { useEffect, useId, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { useTranslations } from 'next-intl';
import { formValues, type FormState } from '../lib/form-state.ts';

/** Puts "Error: " (`withError` of the title, in the page's language) before the page's title while `on`; takes it away after. */
function useErrorTitle(on: boolean, withError: (title: string) => string) {
  useEffect(() => {
    if (!on) return;
    // The title may already say so (a second error in a row): the words around a marker are the prefix and suffix.
    const [before = '', after = ''] = withError('\u0000').split('\u0000');
    const title = document.title;
    const marked = title.startsWith(before) && title.endsWith(after) && title.length >= before.length + after.length;
    const base = marked ? title.slice(before.length, title.length - after.length) : title;
    const titled = withError(base);
    document.title = titled;
    return () => {
      if (document.title === titled) document.title = base;
    };
    // Not on withError: it is made anew with each render, and says the same while the page's language stays.
  }, [on]);
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  // The label (or the group's legend) comes into view with the field, as GOV.UK's summary does.
  const label = field.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? field;
  label.scrollIntoView({ block: 'start' });
  field.focus({ preventScroll: true });
}

/**
 * `errorFor` names the field a form-wide error is about (the code, the Recovery Key), so the
 * summary links to it.
 */
export function FormMessages({ state, errorFor }: { state: FormState; errorFor?: string }) {
  const t = useTranslations('clientForms');
  const titleId = useId();
  const box = useRef<HTMLDivElement & HTMLParagraphElement>(null);
  const fieldErrors = Object.entries(state.fieldErrors ?? {}).filter((e): e is [string, string] => Boolean(e[1]));
  const hasError = Boolean(state.error) || fieldErrors.length > 0;
  useErrorTitle(hasError, (title) => t('errorTitle', { title }));
  useEffect(() => {
    if (hasError || state.notice) box.current?.focus();
  }, [state, hasError]);

  if (hasError) {
    return (
      <div className="error-summary" ref={box} tabIndex={-1} aria-labelledby={titleId} data-testid="error-summary">
        <h2 className="error-summary-title" id={titleId}>
          {t('errorSummaryTitle')}
        </h2>
        {state.error ? (
          <p className="form-error" role="alert" id={errorFor ? `${errorFor}-error` : undefined}>
            {errorFor ? (
              <a href={`#${errorFor}`} onClick={(e) => focusField(e, errorFor)}>
                {state.error}
              </a>
            ) : (
              state.error
            )}
          </p>
        ) : null}
        {fieldErrors.length > 0 ? (
          <ul className="error-summary-list">
            {fieldErrors.map(([name, message]) => (
              <li key={name}>
                <a href={`#${name}`} onClick={(e) => focusField(e, name)}>
                  {message}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  if (state.notice) {
    return (
      <p className="notice success" role="status" ref={box} tabIndex={-1}>
        {state.notice}
      </p>
    );
  }
  return null;
}

/**
 * A key for a form that changes with every answer of its action, so the form is made anew with the
 * values the answer sent back as its defaults. (React resets a form after its action, and puts a
 * <select> back on its first option rather than on its default value.)
 */
export function useAnswerKey(state: unknown): number {
  const [seen, setSeen] = useState({ state, n: 0 });
  if (seen.state === state) return seen.n;
  setSeen({ state, n: seen.n + 1 });
  return seen.n + 1;
}

/**
 * What a form needs to give back what was typed after an error: a `key` that makes the form anew
 * with every answer, an `onSubmit` that keeps what was sent (in this browser only; passwords, codes
 * and PINs left out, as formValues does on the server), and the `values` to use as defaults: what
 * was typed, then what the answer sent back; none after a change went through (`done`).
 */
export function useKeptValues(state: FormState) {
  const [typed, setTyped] = useState<Record<string, string>>({});
  const key = useAnswerKey(state);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => setTyped(formValues(new FormData(event.currentTarget)));
  const values: Record<string, string> = state.done ? {} : { ...typed, ...state.values };
  return { key, onSubmit, values };
}
