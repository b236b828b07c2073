// What a domain function answers: what it did, or a code saying why not. Each capability keeps its
// codes and their sentences in one map of its own (`errors.ts` in its folder, as better-auth's
// TWO_FACTOR_ERROR_CODES and Kratos's message ids do), so a sentence is written once, ready for
// translation, and tests assert codes rather than English.

/** A code's sentence: fixed text, or text built from the facts it needs (a wait, a limit). */
export type Sentence = string | ((...facts: never[]) => string);

/** The codes of one capability and their sentences. */
export type ErrorSentences = Readonly<Record<string, Sentence>>;

/** The facts a code's sentence is built from: none for fixed text. */
export type FactsOf<S> = S extends (...facts: infer A) => string ? A : [];

/** A refusal: `code` for programs and tests, `error` for people (the code's sentence). */
export interface Failure<C extends string = string> {
  ok: false;
  code: C;
  error: string;
  /**
   * For a refusal that ends by itself (a wait between codes, a pause): how long from now, by the
   * portal's clock, so a page can count the wait down without trusting the browser's clock.
   */
  waitMs?: number;
}

export type Result<T extends object = object, C extends string = string> = ({ ok: true } & T) | Failure<C>;

/** The sentence of `code` in `sentences`, built from `facts` when it needs any. */
export function sentenceOf<M extends ErrorSentences, C extends keyof M & string>(sentences: M, code: C, ...facts: FactsOf<M[C]>): string {
  const sentence: Sentence = sentences[code];
  return typeof sentence === 'function' ? (sentence as (...a: unknown[]) => string)(...facts) : sentence;
}

/** The refusal for `code` in `sentences`, its sentence built from `facts` when it needs any. */
export function failure<M extends ErrorSentences, C extends keyof M & string>(sentences: M, code: C, ...facts: FactsOf<M[C]>): Failure<C> {
  return { ok: false, code, error: sentenceOf(sentences, code, ...facts) };
}

/** `refusal`, which ends at `until`: with the wait from `now` (Failure.waitMs). */
export function endingAt<F extends Failure>(refusal: F, until: Date, now: Date): F {
  return { ...refusal, waitMs: Math.max(0, until.getTime() - now.getTime()) };
}
