// The one rule for free text a person types that is stored and shown back (on pages, in emails, in
// the support console): account names, registered device names, app-specific password labels,
// staff display names. One line of plain, visible text:
//
// - refused: control characters (Unicode Cc: NUL, tab, newline, DEL, C1), line and paragraph
//   separators (U+2028, U+2029), lone surrogates, and the bidirectional formatting characters
//   (U+202A-U+202E embeddings and overrides, U+2066-U+2069 isolates, U+200E/U+200F marks, U+061C
//   Arabic letter mark), which can make "moc.elppa" read as "apple.com" (Trojan Source, CVE-2021-42574);
// - refused as empty: text with no visible character, e.g. only zero-width spaces or joiners
//   (U+200B-U+200D, U+2060, U+FEFF), Hangul fillers, the Braille blank, combining marks alone;
// - kept: zero-width joiners and non-joiners inside visible text (emoji sequences, Persian names);
// - stored trimmed of surrounding white space and in Unicode NFC, so that the same name typed on
//   two keyboards is the same text.
import { z } from 'zod';
import { fieldMessage } from '../forms/field-messages.ts';

/** What the form says next to the field when the text holds something that is not plain text. */
export const DISPLAY_TEXT_MESSAGE = fieldMessage('displayText');

// \p{Cc}: C0 and C1 controls and DEL. \p{Cs} matches only lone surrogates under the u flag.
const FORBIDDEN = /[\p{Cc}\p{Cs}\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

// Characters that show nothing on their own: Unicode's default-ignorable code points (zero-width
// spaces and joiners, word joiner, BOM, soft hyphen, variation selectors, Hangul fillers, tags),
// white space, combining marks with no base, and the Braille pattern blank.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{White_Space}\p{M}\u2800]/gu;

/** Whether the text may be stored as a name or label (before trimming and length). */
export function isPlainText(s: string): boolean {
  return !FORBIDDEN.test(s);
}

/** Whether at least one character of the text can be seen. */
export function hasVisibleText(s: string): boolean {
  return s.replace(INVISIBLE, '').length > 0;
}

/**
 * A zod field for a name or label: a string, plain text (DISPLAY_TEXT_MESSAGE otherwise), NFC,
 * trimmed, with at least one visible character (`empty` otherwise) and at most `max` UTF-16 units
 * after normalising (`tooLong` otherwise). Anything that is not a string counts as empty.
 */
export function displayText(max: number, messages: { empty: string; tooLong: string }) {
  return z.unknown().transform((raw, ctx): string => {
    const fail = (message: string) => {
      ctx.issues.push({ code: 'custom', message, input: raw });
      return z.NEVER;
    };
    if (typeof raw !== 'string') return fail(messages.empty);
    if (!isPlainText(raw)) return fail(DISPLAY_TEXT_MESSAGE);
    const text = raw.normalize('NFC').trim();
    if (!hasVisibleText(text)) return fail(messages.empty);
    if (text.length > max) return fail(messages.tooLong);
    return text;
  });
}
