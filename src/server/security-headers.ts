// The headers of a security product, as pure functions (proxy.ts applies them to every request):
//
//  - Content-Security-Policy with a fresh nonce per request. Next.js reads the nonce from the
//    request's Content-Security-Policy header and puts it on its own scripts (every page is
//    rendered on request: app/layout.tsx). No 'unsafe-inline' for scripts or styles: the app has
//    no inline script, no <style> and no style attribute of its own.
//  - Strict-Transport-Security, only when APP_URL is https (a plain-http local run must not pin
//    localhost to https in the browser).
//  - Permissions-Policy: every powerful feature off, except public key credentials
//    (publickey-credentials-get and -create keep their default, 'self', for the trusted devices
//    that sign a challenge).
//  - A refusal, before Next.js's server action handler runs, of a state-changing request whose
//    Origin is not this site: Next.js aborts such an action too, but with a 500.

export type SecurityEnv = {
  /** The public URL of the portal (APP_URL). */
  appUrl: string;
  /** X-Forwarded-Host is believed only behind a trusted load balancer (TRUST_PROXY=on). */
  trustProxy: boolean;
  /** next dev needs 'unsafe-eval' (React rebuilds server error stacks with eval) and inline styles. */
  dev?: boolean;
};

/** 128 random bits, base64: unguessable and fresh for every request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function isHttps(appUrl: string): boolean {
  return new URL(appUrl).protocol === 'https:';
}

export function contentSecurityPolicy(nonce: string, env: SecurityEnv): string {
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${env.dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' ${env.dev ? `'unsafe-inline'` : `'nonce-${nonce}'`}`,
    // data: for QR codes drawn as data URLs (setting up a device that scans its secret).
    `img-src 'self' data:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(isHttps(env.appUrl) ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Powerful features this portal never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'bluetooth=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
  'browsing-topics=()',
  // Not listed, so they keep their default 'self': publickey-credentials-get / -create (devices that sign a challenge).
].join(', ');

export const HSTS = 'max-age=63072000; includeSubDomains';

/** The response headers every answer carries besides the CSP. */
export function responseSecurityHeaders(env: SecurityEnv): Record<string, string> {
  return {
    'Permissions-Policy': PERMISSIONS_POLICY,
    ...(isHttps(env.appUrl) ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}

/**
 * The headers of a short text answer made before Next.js (the request guard's 4xx, the health
 * checks): nothing in it may run, be framed or be sniffed as another type. With
 * responseSecurityHeaders for HSTS and Permissions-Policy.
 */
export const PLAIN_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Every header proxy.ts and next.config.js give a page, for an answer made outside Next.js (the
 * OpenID Connect provider's pages and redirects, src/oidc/): with its CSP for this nonce.
 */
export function pageSecurityHeaders(env: SecurityEnv): (nonce: string) => Record<string, string> {
  return (nonce) => ({
    'Content-Security-Policy': contentSecurityPolicy(nonce, env),
    ...responseSecurityHeaders(env),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    // Never the address of a sign-in step (it names the request) to another site.
    'Referrer-Policy': 'no-referrer',
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function firstValue(v: string | null): string | null {
  const first = v?.split(',')[0]?.trim();
  return first ? first : null;
}

/**
 * Why a request must be refused as cross-origin, or null to let it through. A state-changing
 * request (any method but GET, HEAD, OPTIONS: a server action, /dev/clock) from a browser carries
 * Origin; it must name this site: APP_URL's origin, or the host the request was sent to (Host, or
 * the first X-Forwarded-Host behind a trusted load balancer, TRUST_PROXY=on). A request without
 * Origin is not a browser's cross-site form or fetch (curl, the operator) and is let through, as
 * Next.js does; the session cookie is SameSite=Lax, so a cross-site POST would not carry it anyway.
 *
 * Whatever passes here also passes Next.js's own check of server actions (Origin's host equal to
 * the first X-Forwarded-Host, else Host, as written), which answers 500 when it fails: so a
 * request that this check lets through is never one Next.js would abort.
 */
export function crossOriginRefusal(request: { method: string; headers: Headers }, env: SecurityEnv): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const origin = request.headers.get('origin');
  if (origin === null) return null;
  if (origin === 'null') return 'Origin is null (a sandboxed or privacy-sensitive context)';
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return 'Origin is not a URL';
  }
  const host = request.headers.get('host');
  const forwardedHost = firstValue(request.headers.get('x-forwarded-host'));
  // The host Next.js compares Origin with (app-render/action-handler.js, parseHostHeader).
  if (originUrl.host !== (forwardedHost ?? host)) return 'Origin is another site';
  const appUrl = new URL(env.appUrl);
  if (originUrl.origin === appUrl.origin) return null;
  // Not APP_URL: then the host this request was really sent to, with its scheme (an http page of
  // the same host is another origin than the https site). A client's own X-Forwarded-Host and
  // X-Forwarded-Proto are not believed without TRUST_PROXY=on.
  const trustedHost = env.trustProxy ? (forwardedHost ?? host) : host;
  const forwardedProto = env.trustProxy ? firstValue(request.headers.get('x-forwarded-proto')) : null;
  const scheme = forwardedProto ? `${forwardedProto.toLowerCase()}:` : appUrl.protocol;
  if (originUrl.protocol !== scheme) return 'Origin is another site (another scheme)';
  return originUrl.host === trustedHost ? null : 'Origin is another site';
}
