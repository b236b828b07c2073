// Sample facts for every code of the error maps (src/**/errors.ts), so a test can say every sentence:
// a wait of 25 seconds for a code that takes `until, now`, and a plausible value for the others.
import { failure, sentenceOf, type ErrorSentences, type FactsOf, type Sentence } from '../../src/result.ts';

export const NOW = new Date('2026-01-01T12:00:00Z');
export const IN_25S = new Date(NOW.getTime() + 25_000);

/** The facts callers give, by the code's catalogue key, for the codes that take something other than a wait. */
const GIVEN: Record<string, unknown[]> = {
  'errors.appPasswords.TOO_MANY_APP_PASSWORDS': [10],
  'errors.codes.CODE_MALFORMED': [6],
  'errors.codes.CODE_WRONG': [3],
  'errors.codes.TOO_MANY_TO_DESTINATION': ['sms', IN_25S, NOW],
  'errors.devices.TOO_MANY_DEVICES': [10],
  'errors.iosDevice.TOO_MANY_REGISTERED': [10],
  'errors.staffApp.STAFF_CODE_FORMAT': [6],
  'errors.staffApp.STAFF_CODE_USED': [30],
  'errors.support.STAFF_PASSWORD_TOO_SHORT': [15],
  'errors.support.PIN_FORMAT': [6],
  'errors.support.PIN_REFUSED': [30 * 60_000, 5],
  'errors.passwordReset.LINK_DIED': [failure({ W: { key: 'errors.accounts.WRONG_ANSWERS' } }, 'W')],
};

/** What a caller of `sentence` could give: a wait's ends, or the sample above, or a word. */
export function sampleFacts(sentence: Sentence): unknown[] {
  if (!('facts' in sentence)) return [];
  const given = GIVEN[sentence.key];
  if (given) return given;
  if (sentence.facts.length === 2) return [IN_25S, NOW];
  return Array.from({ length: sentence.facts.length }, () => 'Sample');
}

/** Every code of `map` with its English sentence, built from sample facts. */
export function everySentence<M extends ErrorSentences>(map: M): [keyof M & string, string][] {
  return Object.entries(map).map(([code, s]) => [code, sentenceOf(map, code, ...(sampleFacts(s) as FactsOf<M[string]>))]);
}
