// GET /api/app/whoami: the stand-in for an app that cannot ask for a verification code (a mail
// client, say) signing in with HTTP Basic (RFC 7617): "Apple ID:password". With two-step on only an
// app-specific password works (src/app-passwords/app-passwords.ts). Answers 200 { name }, 401 with
// a WWW-Authenticate challenge and { error }, 429 with Retry-After while a lockout lasts, or 503
// with Retry-After when the hashing line has no place for it (src/accounts/hashing-line.ts).
import { z } from 'zod';
import { runtime } from '@/src/runtime.ts';
import { authenticateApp, appCredentialsSchema, APP_SIGN_IN_FAILED } from '@/src/app-passwords/app-passwords.ts';
import { clientAddressOf } from '@/src/server/client-address.ts';
import type { RequestContext } from '@/src/security-events/record.ts';
import { staffRefusal } from '@/app/lib/staff-session.ts';

export const dynamic = 'force-dynamic';

const CHALLENGE = 'Basic realm="Two-Step"';

// "Basic <base64>" (scheme case-insensitive), then "appleId:password" split at the FIRST colon: an
// Apple ID (an email address we accept) has none, a password may.
const basicHeader = z
  .string()
  .max(4096)
  .regex(/^basic [A-Za-z0-9+/]+={0,2}$/i)
  .transform((h) => Buffer.from(h.slice(6), 'base64').toString('utf8'))
  .refine((s) => s.includes(':'))
  .transform((s) => ({ appleId: s.slice(0, s.indexOf(':')), password: s.slice(s.indexOf(':') + 1) }))
  .pipe(appCredentialsSchema);

function json(status: number, body: object, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

export async function GET(request: Request): Promise<Response> {
  const refused = await staffRefusal(request);
  if (refused) return refused;
  const credentials = basicHeader.safeParse(request.headers.get('authorization') ?? '');
  if (!credentials.success) {
    return json(
      401,
      { error: `${APP_SIGN_IN_FAILED} Sign in with your Apple ID and password (HTTP Basic).` },
      { 'WWW-Authenticate': CHALLENGE },
    );
  }
  const ctx: RequestContext = {
    clientAddress: clientAddressOf(request.headers.get('x-forwarded-for')),
    userAgent: request.headers.get('user-agent'),
  };
  const result = await authenticateApp(runtime(), credentials.data, ctx);
  if (result.ok) return json(200, { name: result.name });
  if (result.status === 429 || result.status === 503)
    return json(result.status, { error: result.error }, { 'Retry-After': String(result.retryAfterSeconds) });
  return json(401, { error: result.error }, { 'WWW-Authenticate': CHALLENGE });
}
