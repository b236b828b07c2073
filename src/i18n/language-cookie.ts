// The language chosen on a signed-out page (its footer's links): a preference, not a secret, kept a
// year. A signed-in holder's choice is stored on the account instead (src/accounts/language.ts).
export const LANGUAGE_COOKIE = {
  name: 'lang',
  /** The query parameter the footer's links carry: proxy.ts stores it in the cookie and drops it from the URL. */
  param: 'lang',
  maxAgeSeconds: 365 * 24 * 60 * 60,
} as const;
