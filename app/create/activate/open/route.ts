// GET /create/activate/open?token=...: the link in the "Activate your new Apple ID" email lands here.
//
// Like the password-reset link (app/reset/open/route.ts): the token moves into a sealed, HttpOnly
// cookie at once and the browser goes on to /create/activate, so the address bar, the history and
// any Referer hold no token. Nothing is activated here: a GET changes nothing (mail scanners and
// link previews fetch links); the page activates when the holder presses its button (a POST).
import { isWellFormedActivationToken } from '@/src/accounts/sign-up.ts';
import { setActivationToken } from '../activation-cookie.ts';
import { staffRefusal } from '../../../lib/staff-session.ts';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const refused = await staffRefusal(request);
  if (refused) return refused;
  const token = new URL(request.url).searchParams.get('token');
  await setActivationToken(isWellFormedActivationToken(token) ? token : null);
  return new Response(null, {
    status: 303,
    headers: {
      Location: '/create/activate',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
