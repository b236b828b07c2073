// The sentences the holder's pages make of the kinds (./registry.tsx): each kind's words are the
// catalogue's (`kinds.<kind>`, ./kind-key.ts), and these put them together as whole sentences of
// the page's language, lists joined the language's way (Intl.ListFormat: "a, b, or c", "a, b oder c").
// Kept here, apart from the pages, so a test reads them as the pages show them.
import { kindOf } from '@/src/kinds/registry.ts';
import type { Adding, KindUi } from './kind-ui.ts';
import { kindKey } from './kind-key.ts';

/** The `kinds` catalogue of the page's language, and the locale its lists are joined in. */
export interface KindWords {
  t: (key: string, values?: Record<string, string | number>) => string;
  locale: string;
}

/** "a", "a and b", "a, b and c" (`last`: "or" for "a, b, or c", with the comma before it). English only: the dev pages' banner. */
export function listed(parts: string[], last: 'and' | 'or' = 'and'): string {
  if (parts.length < 2) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')}${last === 'or' ? ',' : ''} ${last} ${parts.at(-1)}`;
}

/** `parts` as one list of the language: "and" (conjunction) or "or" (disjunction). */
export function listIn(locale: string, parts: string[], type: 'conjunction' | 'disjunction'): string {
  return new Intl.ListFormat(locale, { style: 'long', type }).format(parts);
}

const sendsCodes = (u: KindUi) => kindOf(u.id).proof.by === 'sent-code';
const way = (words: KindWords, u: KindUi) => words.t(`${kindKey(u.id)}.way`);

/** The Trusted Devices page's ways to confirm: "a 6-digit code we send to a phone number or iOS device, a code from ..., or ...". */
export function waysToConfirm(uis: KindUi[], digits: number, words: KindWords): string {
  const sent = uis.filter(sendsCodes).map((u) => way(words, u));
  return listIn(
    words.locale,
    [
      ...(sent.length > 0 ? [words.t('sentCode', { digits, devices: listIn(words.locale, sent, 'disjunction') })] : []),
      ...uis.filter((u) => !sendsCodes(u)).map((u) => way(words, u)),
    ],
    'disjunction',
  );
}

/** The two-step page's ways to confirm with a trusted device: a code from it, or the ways of the kinds that sign. */
export function codeOrSignature(uis: KindUi[], words: KindWords): string {
  return listIn(
    words.locale,
    [words.t('codeFromIt'), ...uis.filter((u) => kindOf(u.id).proof.by === 'signature').map((u) => way(words, u))],
    'disjunction',
  );
}

/** A kind that comes beside the phone numbers, with its id (its title and hint are `kinds.<kind>.besideTitle`/`besideHint`). */
export type Beside = Extract<Adding, { beside: unknown }>['beside'] & { id: string };

/** The kinds that come beside the phone numbers, in one panel: its heading and its hint. */
export function besidePanel(kinds: Beside[], words: KindWords): { heading: string; hint: string } {
  return {
    heading: listIn(
      words.locale,
      kinds.map((k) => words.t(`${kindKey(k.id)}.besideTitle`)),
      'conjunction',
    ),
    hint: [...kinds.map((k) => words.t(`${kindKey(k.id)}.besideHint`)), words.t('besideTogether', { count: kinds.length })].join(' '),
  };
}
