// GET /reset/open?token=...: the link in the password-reset email lands here.
//
// The token is moved into a sealed, HttpOnly cookie at once and the browser is sent on to /reset.
// A secret in a URL leaks: it stays in the address bar (shoulder surfing, screen sharing), in the
// browser history and its sync, and it is sent in the Referer header to whatever the next page
// loads or links to. After this redirect the address bar and history hold only /reset, and the
// token is sent back only to /reset, in a cookie no script can read.
//
// A missing or malformed token is not stored (an earlier one is forgotten): /reset then shows the
// message for a link that does not work.
import { isWellFormedResetToken } from '@/src/password-reset/by-link.ts';
import { setResetToken } from '../../lib/reset-cookie.ts';
import { staffRefusal } from '../../lib/staff-session.ts';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const refused = await staffRefusal(request);
  if (refused) return refused;
  const token = new URL(request.url).searchParams.get('token');
  await setResetToken(isWellFormedResetToken(token) ? token : null);
  return new Response(null, {
    status: 303,
    headers: {
      Location: '/reset',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
