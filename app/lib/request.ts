import { headers } from 'next/headers';
import type { RequestContext } from '@/src/security-events/record.ts';

/**
 * The client address and browser of the current request, for security events and throttles.
 * Our server (src/server/serve.ts) sets X-Forwarded-For: to the socket's address, or, behind a
 * trusted load balancer, leaves the balancer's list, whose last entry is the address it saw.
 */
export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  const forwarded = (h.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return { clientAddress: forwarded.at(-1) ?? null, userAgent: h.get('user-agent') };
}
