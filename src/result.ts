// What a domain function answers: what it did, or a code saying why not. Each capability keeps its
// codes in one map of its own (`errors.ts` in its folder, as better-auth's TWO_FACTOR_ERROR_CODES and
// Kratos's message ids do), saying which facts each code's sentence is built from; the sentences
// themselves live in the catalogue (messages/<locale>/errors.json, one key per code), so a sentence
// is written once per language, and tests assert codes rather than English.
import { inEnglish, type Said } from './i18n/said.ts';
import type { Facts } from './i18n/translate.ts';

export type { Said } from './i18n/said.ts';

/** A code whose sentence is fixed text. */
export interface FixedSentence {
  readonly key: string;
}

/** A code whose sentence is built from facts: what callers give (a wait's ends, a limit), as the catalogue's arguments. */
export interface BuiltSentence<A extends unknown[] = never[]> {
  readonly key: string;
  readonly facts: (...given: A) => Facts;
}

/** A code's sentence: fixed, or built from facts. */
export type Sentence = FixedSentence | BuiltSentence;

/** The codes of one capability and their sentences. */
export type ErrorSentences = Readonly<Record<string, Sentence>>;

/** The facts a code's sentence is built from: none for fixed text. */
export type FactsOf<S> = S extends { facts: (...given: infer A) => Facts } ? A : [];

/** How a map is written: `null` for fixed text, a function from what callers give to the sentence's arguments, or another map's entry. */
type Written = null | ((...given: never[]) => Facts) | Sentence;

type Keyed<W> = W extends Sentence ? W : W extends (...given: infer A) => Facts ? BuiltSentence<A> : FixedSentence;

/**
 * A capability's map: each code's sentence is `errors.<group>.<CODE>` in the catalogue. Entries
 * spread in from another map keep that map's key (a kind's refusals included in the code service's).
 */
export function sentences<const M extends Record<string, Written>>(group: string, written: M): { readonly [C in keyof M]: Keyed<M[C]> } {
  const keyed: Record<string, Sentence> = {};
  for (const [code, w] of Object.entries(written)) {
    const key = `errors.${group}.${code}`;
    keyed[code] = w === null ? { key } : typeof w === 'function' ? { key, facts: w as (...given: unknown[]) => Facts } : w;
  }
  return keyed as { readonly [C in keyof M]: Keyed<M[C]> };
}

/** A refusal: `code` for programs and tests, `error` for people (the code's sentence in English, `said` to say it in theirs). */
export interface Failure<C extends string = string> {
  ok: false;
  code: C;
  error: string;
  /**
   * The sentence of `error`, to say in the reader's language. Not enumerable: a refusal compared or
   * serialised is `{ ok, code, error }` as ever; a copy made by spreading loses it, and the page
   * finds it again from `error` (src/i18n/said.ts, saidOfEnglish).
   */
  readonly said?: Said;
  /**
   * For a refusal that ends by itself (a wait between codes, a pause): how long from now, by the
   * portal's clock, so a page can count the wait down without trusting the browser's clock.
   */
  waitMs?: number;
}

export type Result<T extends object = object, C extends string = string> = ({ ok: true } & T) | Failure<C>;

/** What to say for `code` of `sentences`, built from `facts` when it needs any. */
export function saidOf<M extends ErrorSentences, C extends keyof M & string>(sentences: M, code: C, ...facts: FactsOf<M[C]>): Said {
  const sentence: Sentence = sentences[code];
  return { key: sentence.key, facts: 'facts' in sentence ? (sentence.facts as (...a: unknown[]) => Facts)(...facts) : {} };
}

/** The English sentence of `code` in `sentences`, built from `facts` when it needs any. */
export function sentenceOf<M extends ErrorSentences, C extends keyof M & string>(sentences: M, code: C, ...facts: FactsOf<M[C]>): string {
  return inEnglish(saidOf(sentences, code, ...facts));
}

/** The refusal for `code` in `sentences`, its sentence built from `facts` when it needs any. */
export function failure<M extends ErrorSentences, C extends keyof M & string>(sentences: M, code: C, ...facts: FactsOf<M[C]>): Failure<C> {
  const said = saidOf(sentences, code, ...facts);
  return Object.defineProperty({ ok: false as const, code, error: inEnglish(said) }, 'said', { value: said, enumerable: false });
}

/** `refusal`, which ends at `until`: with the wait from `now` (Failure.waitMs). */
export function endingAt<F extends Failure>(refusal: F, until: Date, now: Date): F {
  return { ...refusal, waitMs: Math.max(0, until.getTime() - now.getTime()) };
}
