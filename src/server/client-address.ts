import type { IncomingMessage } from 'node:http';

/**
 * Next.js keeps a client-sent X-Forwarded-For, which anyone can forge. Without a trusted load
 * balancer in front, the client address is the socket's; behind one (TRUST_PROXY=on), the
 * balancer's list is kept and its last entry, added by the balancer, is used
 * (app/lib/request.ts reads the last entry).
 */
export function setClientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustProxy: boolean): void {
  if (!trustProxy || !req.headers['x-forwarded-for']) req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
}

/** The client address recorded for a request whose X-Forwarded-For was set as above. */
export function clientAddressOf(forwardedFor: string | null): string | null {
  return (
    (forwardedFor ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1) ?? null
  );
}
