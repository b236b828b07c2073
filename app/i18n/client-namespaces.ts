// The catalogue's namespaces that components running in the browser read (useTranslations in a
// 'use client' file): those whose name starts with "client" (messages/<locale>/clientCodeStep.json).
// Only these travel with each page, not every page's sentences; a server component passes its own
// sentences to a client one as props where that is simpler.
import type { Messages } from '@/src/i18n/catalogue.ts';

export const CLIENT_NAMESPACE_PREFIX = 'client';

/** The namespaces of `messages` the browser needs. */
export function clientMessages(messages: Messages): Messages {
  return Object.fromEntries(Object.entries(messages).filter(([name]) => name.startsWith(CLIENT_NAMESPACE_PREFIX)));
}
