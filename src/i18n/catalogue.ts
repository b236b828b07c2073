// The message catalogues: messages/<locale>/<namespace>.json, one file per part of the product
// (so that two people translating two parts never touch one file), ICU MessageFormat sentences
// whose numbers and dates are arguments: a sentence built from a rule's constant takes the constant
// as an argument and never spells it. Read once per process from the repository's messages/ folder,
// which every entry point runs from (npm start, next build, vitest, the e2e servers).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LOCALE, PSEUDO_LOCALE, type AnyLocale, type Locale } from './locales.ts';
import { pseudoMessages } from './pseudo.ts';
import type { Messages } from './messages.ts';

export { flatten, type Messages } from './messages.ts';

// Read at run time from the working folder, not traced into the build's output (turbopackIgnore).
export const MESSAGES_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), 'messages');

const loaded = new Map<AnyLocale, Messages>();

/** The catalogue of one language as written: every namespace file of messages/<locale>/. */
export function readCatalogue(locale: Locale, dir = MESSAGES_DIR): Messages {
  const folder = path.join(dir, locale);
  const messages: Messages = {};
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    messages[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Messages;
  }
  return messages;
}

/** The catalogue a page or an email of `locale` is written from (the pseudo-locale's is made from English's). */
export function messagesFor(locale: AnyLocale): Messages {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = locale === PSEUDO_LOCALE ? pseudoMessages(readCatalogue(DEFAULT_LOCALE)) : readCatalogue(locale);
    loaded.set(locale, messages);
  }
  return messages;
}
