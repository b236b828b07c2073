// The policies proxy.ts puts on every request (the built server is checked in e2e/security-headers.spec.ts).
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  crossOriginRefusal,
  newNonce,
  PERMISSIONS_POLICY,
  responseSecurityHeaders,
} from '../../src/server/security-headers.ts';

const http = { appUrl: 'http://localhost:3000', trustProxy: false };
const https = { appUrl: 'https://portal.example', trustProxy: false };

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
}

describe('Content-Security-Policy', () => {
  it('a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, 'base64').length).toBe(16);
  });

  it("scripts only from self and the nonce, never 'unsafe-inline'; the rest locked down", () => {
    const d = directives(contentSecurityPolicy('abc', http));
    expect(d.get('script-src')).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(d.get('style-src')).toEqual(["'self'", "'nonce-abc'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:']);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.has('upgrade-insecure-requests')).toBe(false); // would break a plain-http local run
    expect(directives(contentSecurityPolicy('abc', https)).has('upgrade-insecure-requests')).toBe(true);
  });

  it("next dev only adds 'unsafe-eval' (React's error stacks) and inline styles", () => {
    const d = directives(contentSecurityPolicy('abc', { ...http, dev: true }));
    expect(d.get('script-src')).toContain("'unsafe-eval'");
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
  });
});

describe('HSTS and Permissions-Policy', () => {
  it('HSTS only with an https APP_URL', () => {
    expect(responseSecurityHeaders(https)['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
    expect(responseSecurityHeaders(http)['Strict-Transport-Security']).toBeUndefined();
  });

  it('camera, microphone, geolocation, payment, usb off; passkeys (publickey-credentials-*) left to self', () => {
    expect(responseSecurityHeaders(http)['Permissions-Policy']).toBe(PERMISSIONS_POLICY);
    for (const f of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(PERMISSIONS_POLICY).toContain(`${f}=()`);
    expect(PERMISSIONS_POLICY).not.toContain('publickey-credentials');
  });
});

describe('crossOriginRefusal', () => {
  const req = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers(headers) });

  it('lets through same-origin POSTs, POSTs without Origin (curl) and every GET', () => {
    expect(crossOriginRefusal(req('POST', { host: 'localhost:3000', origin: 'http://localhost:3000' }), http)).toBeNull();
    expect(crossOriginRefusal(req('POST', { host: 'portal.example', origin: 'https://portal.example' }), https)).toBeNull();
    expect(crossOriginRefusal(req('POST', { host: 'localhost:3000' }), http)).toBeNull();
    expect(crossOriginRefusal(req('GET', { host: 'localhost:3000', origin: 'https://evil.example' }), http)).toBeNull();
  });

  it('refuses a POST (or PUT, DELETE) from another site, a null Origin, or a malformed one', () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'])
      expect(crossOriginRefusal(req(method, { host: 'localhost:3000', origin: 'https://evil.example' }), http)).toMatch(/another site/);
    expect(crossOriginRefusal(req('POST', { host: 'localhost:3000', origin: 'http://localhost:3001' }), http)).toMatch(/another site/);
    expect(crossOriginRefusal(req('POST', { host: 'localhost:3000', origin: 'null' }), http)).toMatch(/null/);
    expect(crossOriginRefusal(req('POST', { host: 'localhost:3000', origin: 'not a url' }), http)).toMatch(/not a URL/);
  });

  it('believes X-Forwarded-Host only with TRUST_PROXY=on', () => {
    const forged = req('POST', { host: 'localhost:3000', 'x-forwarded-host': 'evil.example', origin: 'http://evil.example' });
    expect(crossOriginRefusal(forged, http)).toMatch(/another site/);
    const balanced = req('POST', {
      host: '10.0.0.5:3000',
      'x-forwarded-host': 'portal.example, 10.0.0.1',
      origin: 'https://portal.example',
    });
    expect(crossOriginRefusal(balanced, { appUrl: 'https://other.example', trustProxy: true })).toBeNull();
    expect(crossOriginRefusal(balanced, { appUrl: 'https://other.example', trustProxy: false })).toMatch(/another site/);
  });

  it('an Origin of the same host with another scheme is another site: http:// on the https site', () => {
    expect(crossOriginRefusal(req('POST', { host: 'portal.example', origin: 'http://portal.example' }), https)).toMatch(/another scheme/);
    const balanced = (proto: string, origin: string) =>
      req('POST', { host: '10.0.0.5:3000', 'x-forwarded-host': 'portal.example', 'x-forwarded-proto': proto, origin });
    const behindProxy = { appUrl: 'https://other.example', trustProxy: true };
    expect(crossOriginRefusal(balanced('https', 'https://portal.example'), behindProxy)).toBeNull();
    expect(crossOriginRefusal(balanced('https', 'http://portal.example'), behindProxy)).toMatch(/another scheme/);
    // Without TRUST_PROXY a client's X-Forwarded-Proto changes nothing: the scheme is APP_URL's.
    expect(
      crossOriginRefusal(req('POST', { host: 'localhost:3000', 'x-forwarded-proto': 'https', origin: 'https://localhost:3000' }), http),
    ).toMatch(/another scheme/);
  });

  it("APP_URL's own origin, as the load balancer forwarded it, is this site even without TRUST_PROXY", () => {
    expect(
      crossOriginRefusal(
        req('POST', { host: '127.0.0.1:3000', 'x-forwarded-host': 'portal.example', origin: 'https://portal.example' }),
        https,
      ),
    ).toBeNull();
  });

  it("refuses (403, not Next.js's 500) whatever Next.js would abort: Origin unlike the X-Forwarded-Host it compares with", () => {
    // A client-sent X-Forwarded-Host that differs from the Origin: Next.js compares with it and answers 500.
    expect(
      crossOriginRefusal(
        req('POST', { host: 'localhost:3000', 'x-forwarded-host': 'evil.example', origin: 'http://localhost:3000' }),
        http,
      ),
    ).toMatch(/another site/);
    // A default port written out in Host: Next.js compares the strings as written.
    expect(crossOriginRefusal(req('POST', { host: 'portal.example:443', origin: 'https://portal.example' }), https)).toMatch(
      /another site/,
    );
    // Without a Host at all.
    expect(crossOriginRefusal(req('POST', { origin: 'http://localhost:3000' }), http)).toMatch(/another site/);
  });
});
