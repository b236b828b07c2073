// The pseudo-locale (locales.ts, PSEUDO_LOCALE): every literal letter of the English catalogue
// accented ("Recovery Key" → "Ŕéçöṽéŕý Ķéý"), each sentence padded to 140 % of its length, and
// bracketed, so that on a page English left outside the catalogues stands out, and text that
// would clip or overflow in a longer language does so here. The ICU structure (arguments, plurals,
// selects, tags) is kept: only the literal text changes, through the parser's own tree.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import type { Messages } from './messages.ts';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'áƀçđéƒĝĥíĵķĺɱñöƥʠŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÖƤɊŔŠŢÚṼŴẊÝŽ'][i]!,
  ]),
);

/** How much longer every sentence is made: translations run up to 40 % longer than English. */
export const PSEUDO_EXPANSION = 0.4;

const accent = (s: string) => s.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c);

function literalLength(elements: MessageFormatElement[]): number {
  return elements.reduce((n, e) => n + (e.type === TYPE.literal ? e.value.length : 0), 0);
}

function accentAll(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((e) => {
    if (e.type === TYPE.literal) return { ...e, value: accent(e.value) };
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      return { ...e, options: Object.fromEntries(Object.entries(e.options).map(([k, o]) => [k, { ...o, value: accentAll(o.value) }])) };
    }
    if (e.type === TYPE.tag) return { ...e, children: accentAll(e.children) };
    return e;
  });
}

/** One sentence in the pseudo-locale. */
export function pseudoSentence(sentence: string): string {
  const elements = parse(sentence, { ignoreTag: false });
  const padding = '~'.repeat(Math.ceil(Math.max(literalLength(elements), sentence.length / 2) * PSEUDO_EXPANSION));
  return `[${printAST(accentAll(elements))} ${padding}]`;
}

/** A whole catalogue in the pseudo-locale. */
export function pseudoMessages(messages: Messages): Messages {
  return Object.fromEntries(
    Object.entries(messages).map(([key, value]) => [key, typeof value === 'string' ? pseudoSentence(value) : pseudoMessages(value)]),
  );
}
