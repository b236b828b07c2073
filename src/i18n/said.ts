// What the domain says to a person, before it is said in a language: a sentence of the catalogue
// (its key) and the facts it is built from. The domain keeps its English text (logs, tests and
// programs read English) and hands this back beside it; a page says it in its reader's language.
import { translator, type Facts, type Reader, type Translate } from './translate.ts';
import { DEFAULT_LOCALE } from './locales.ts';

/** A sentence to say: its catalogue key ("errors.codes.CODE_WRONG") and the facts it takes. */
export interface Said {
  key: string;
  facts: Facts;
}

let englishTranslator: Translate | undefined;

// Every English sentence said, with what it says: a message that reached a page as text (a zod
// issue next to a field, a refusal passed up as `{ code, error }`) can still be said in the
// reader's language. The sentences built from no request's facts (fixed text, and the fields'
// messages built from rule constants) are a closed list, kept for good; those built from a
// request's facts (a wait, a device's label) are kept for the latest BUILT_KEPT only.
const fixedSentences = new Map<string, Said>();
const builtSentences = new Map<string, Said>();
const BUILT_KEPT = 10_000;

function remember(english: string, said: Said, fixed: boolean): void {
  if (fixed) {
    if (!fixedSentences.has(english)) fixedSentences.set(english, said);
    return;
  }
  builtSentences.delete(english); // the latest at the end
  builtSentences.set(english, said);
  if (builtSentences.size > BUILT_KEPT) builtSentences.delete(builtSentences.keys().next().value!);
}

function render(said: Said): string {
  englishTranslator ??= translator({ locale: DEFAULT_LOCALE, timeZone: null });
  return englishTranslator(said.key, said.facts);
}

/** `said` in English (times in UTC, named): the text the domain keeps beside the key. */
export function inEnglish(said: Said): string {
  const english = render(said);
  remember(english, said, Object.keys(said.facts).length === 0);
  return english;
}

/** `said` in English, its facts a rule's constants (never a request's): kept for good, as fixed text is. */
export function fixedEnglish(said: Said): string {
  const english = render(said);
  remember(english, said, true);
  return english;
}

/** What an English sentence of the catalogue says: none for text that is no such sentence (or one said long ago). */
export const saidOfEnglish = (english: string): Said | undefined => fixedSentences.get(english) ?? builtSentences.get(english);

/** `said` for `reader`. */
export function sayTo(reader: Reader, said: Said): string {
  return translator(reader)(said.key, said.facts);
}

/** The fact of a wait from `now` until `until` ("3 minutes" in the reader's language). */
export const waitFrom = (until: Date, now: Date): Facts => ({ wait: { wait: until.getTime() - now.getTime() } });

/** The English of the notice `notices.<key>` (what a change did), kept so a page can say it in its reader's language. */
export const noticeText = (key: string, facts: Facts = {}): string => inEnglish({ key: `notices.${key}`, facts });
