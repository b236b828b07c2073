import { headers } from 'next/headers';
import type { RequestContext } from '@/src/security-events/record.ts';
import { clientAddressOf } from '@/src/server/client-address.ts';

/**
 * The client address and browser of the current request, for security events and throttles.
 * Our server sets X-Forwarded-For first (src/server/client-address.ts).
 */
export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  return { clientAddress: clientAddressOf(h.get('x-forwarded-for')), userAgent: h.get('user-agent') };
}
