// Runs before every route (Next.js 16 "proxy", formerly middleware), in the Node.js runtime:
//  - refuses a state-changing request from another site with 403 before Next.js's server action
//    handler sees it (Next.js would abort the action with a 500);
//  - gives each request a fresh CSP nonce: on the request (Content-Security-Policy and x-nonce,
//    which Next.js reads to put the nonce on its scripts) and on the response;
//  - adds HSTS (https APP_URL only) and Permissions-Policy;
//  - takes a language chosen from a signed-out page's footer (?lang=fr): stores it in the language
//    cookie and sends the browser to the same address without it.
// The policies themselves are src/server/security-headers.ts.
import { NextResponse, type NextRequest } from 'next/server';
import { knownLocale } from '@/src/i18n/locales.ts';
import { LANGUAGE_COOKIE } from '@/src/i18n/language-cookie.ts';
import { config as appConfig } from '@/src/config.ts';
import { logger } from '@/src/observability/log.ts';
import {
  contentSecurityPolicy,
  crossOriginRefusal,
  newNonce,
  responseSecurityHeaders,
  type SecurityEnv,
} from '@/src/server/security-headers.ts';

function securityEnv(): SecurityEnv {
  const c = appConfig();
  return { appUrl: c.APP_URL, trustProxy: c.TRUST_PROXY === 'on', dev: process.env.NODE_ENV === 'development' };
}

export function proxy(request: NextRequest): NextResponse {
  const env = securityEnv();
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, env);

  const refused = crossOriginRefusal(request, env);
  let response: NextResponse;
  if (refused) {
    logger().warn({ event: 'cross-origin-refused', method: request.method, reason: refused }, 'proxy: refused a cross-origin request');
    response = new NextResponse('Forbidden: this request came from another site.\n', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  } else if (request.method === 'GET' && request.nextUrl.searchParams.has(LANGUAGE_COOKIE.param)) {
    response = languageChosen(request);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(responseSecurityHeaders(env))) response.headers.set(name, value);
  return response;
}

/** The footer's language link: the language kept in the cookie (an unknown one is ignored), the address without it. */
function languageChosen(request: NextRequest): NextResponse {
  const url = request.nextUrl.clone();
  const locale = knownLocale(url.searchParams.get(LANGUAGE_COOKIE.param));
  url.searchParams.delete(LANGUAGE_COOKIE.param);
  // Next.js parses a proxy's Location as an absolute URL (a relative one is a 500), then writes a
  // same-host one back as relative: behind a reverse proxy this server's own host is not the browser's.
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: url.toString(), 'Cache-Control': 'no-store' },
  });
  if (locale) {
    response.cookies.set(LANGUAGE_COOKIE.name, locale, {
      path: '/',
      maxAge: LANGUAGE_COOKIE.maxAgeSeconds,
      sameSite: 'lax',
      httpOnly: true,
      secure: securityEnv().appUrl.startsWith('https:'),
    });
  }
  return response;
}

export const config = {
  // Everything but the build's static files (immutable JS and CSS, no HTML).
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
