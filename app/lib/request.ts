import { headers } from 'next/headers';
import type { RequestContext } from '@/src/security-events/record.ts';
import { clientAddressOf } from '@/src/server/client-address.ts';
import { knownBrowsers } from './known-browser.ts';

/**
 * The client address and browser of the current request, and the accounts the browser signed in
 * to before (its device cookie), for security events and throttles.
 * Our server sets X-Forwarded-For first (src/server/client-address.ts).
 */
export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  return { clientAddress: clientAddressOf(h.get('x-forwarded-for')), userAgent: h.get('user-agent'), knownBrowsers: await knownBrowsers() };
}
