import { headers } from 'next/headers';
import type { RequestContext } from '@/src/security-events/record.ts';
import { clientAddressOf } from '@/src/server/client-address.ts';
import { knownBrowsers } from './known-browser.ts';
import { browserLocale } from '../i18n/locale.ts';

/**
 * The client address and browser of the current request, for security events and throttles.
 * Our server sets X-Forwarded-For first (src/server/client-address.ts). Reads no database: the
 * browser counts as unknown (no knownBrowsers), which is all a request that counts no guess needs.
 */
export async function requestContext(): Promise<RequestContext> {
  const [h, browserLanguage] = await Promise.all([headers(), browserLocale()]);
  return { clientAddress: clientAddressOf(h.get('x-forwarded-for')), userAgent: h.get('user-agent'), browserLanguage };
}

/**
 * The same, with the accounts the browser is known to (its device cookie, the entries whose record
 * exists: one indexed query). For the actions that count a guess at a secret (password, Recovery
 * Key, code, signature) or send a code: a known browser has its own budgets there
 * (src/throttle/known-browsers.ts, src/codes/limits.ts).
 */
export async function guessingRequestContext(): Promise<RequestContext> {
  const [ctx, browsers] = await Promise.all([requestContext(), knownBrowsers()]);
  return { ...ctx, knownBrowsers: browsers };
}
