// One JSON line per HTTP request, and its duration in the request histogram. Wraps the server's
// handler (src/server/serve.ts):
//  - a request id: the load balancer's X-Request-Id when TRUST_PROXY=on and it is well formed
//    (nginx sets it), else a random one; echoed in the X-Request-Id response header, and carried
//    into every line logged while the request is handled (src/observability/log.ts);
//  - the client address as TRUST_PROXY decides (client-address.ts);
//  - the ROUTE PATTERN, never the path: a password-reset link carries its token in the URL, and
//    paths are unbounded where metric labels must not be. Static files are one route each kind.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { logger, runWithLogContext, type Logger } from '../observability/log.ts';
import { metrics } from '../observability/metrics.ts';
import { clientAddressOf, setClientAddress } from './client-address.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** What a path is grouped under when no route of the app matches it. */
export const UNMATCHED = '(unmatched)';
/** Next.js's own files, grouped: /_next/static/chunks/abc.js is "/_next/static/*". */
const NEXT_PREFIXES = ['/_next/static/', '/_next/image', '/_next/data/', '/_next/'] as const;

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** A well-formed request id from a proxy: what nginx's $request_id and common tracers produce. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * A function from a URL path (with or without its query) to the app's route pattern that serves
 * it: "/account/security" stays, "/reset/open?token=…" is "/reset/open", a dynamic segment
 * "/items/42" is "/items/[id]"; anything else is UNMATCHED.
 */
export function routeMatcher(patterns: readonly string[]): (url: string) => string {
  const exact = new Set<string>();
  const dynamic: { pattern: string; regex: RegExp }[] = [];
  for (const pattern of patterns) {
    if (pattern.includes('[')) dynamic.push({ pattern, regex: patternRegex(pattern) });
    else exact.add(pattern);
  }
  return (url) => {
    let path = url.split(/[?#]/, 1)[0] ?? '';
    for (const prefix of NEXT_PREFIXES) if (path.startsWith(prefix)) return prefix.endsWith('/') ? `${prefix}*` : prefix;
    if (path.length > 1) path = path.replace(/\/+$/, '');
    if (exact.has(path)) return path;
    return dynamic.find((d) => d.regex.test(path))?.pattern ?? UNMATCHED;
  };
}

function patternRegex(pattern: string): RegExp {
  const segments = pattern
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      if (/^\[\[\.\.\..+\]\]$/.test(segment)) return '(?:/.*)?';
      if (/^\[\.\.\..+\]$/.test(segment)) return '/.+';
      if (/^\[.+\]$/.test(segment)) return '/[^/]+';
      return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
    });
  return new RegExp(`^${segments.join('') || '/'}$`);
}

/** The route patterns of the build in `dir` (its app-path-routes-manifest), without Next.js's internal pages. */
export function appRoutes(dir: string, distDir = '.next'): string[] {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, distDir, 'app-path-routes-manifest.json'), 'utf8')) as Record<string, string>;
    return [...new Set(Object.values(manifest))].filter((r) => !r.startsWith('/_'));
  } catch {
    return [];
  }
}

/** The request id for this request (see the top of this file). */
export function requestIdOf(req: Pick<IncomingMessage, 'headers'>, trustProxy: boolean): string {
  const incoming = req.headers['x-request-id'];
  return trustProxy && typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** `handle` with the request's id, client address, log line and histogram sample. */
export function withRequestLog(
  handle: Handler,
  opts: { trustProxy: boolean; routeOf: (url: string) => string; log?: () => Logger },
): Handler {
  const log = opts.log ?? logger;
  return (req, res) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req, opts.trustProxy);
    setClientAddress(req, opts.trustProxy);
    req.headers['x-request-id'] = requestId;
    res.setHeader('X-Request-Id', requestId);
    const route = opts.routeOf(req.url ?? '/');
    const method = METHODS.has(req.method ?? '') ? req.method! : 'OTHER';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.statusCode;
      metrics.httpRequestDuration.observe({ route, method, status: String(status) }, seconds);
      const line = {
        reqId: requestId,
        method,
        route,
        status,
        durationMs: Math.round(seconds * 1e4) / 10,
        clientAddress: clientAddressOf(String(req.headers['x-forwarded-for'] ?? '')),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      // Static files at debug: a page load fetches a dozen.
      const level = status >= 500 ? 'error' : route.startsWith('/_next/') ? 'debug' : 'info';
      log()[level](line, 'request');
    };
    res.once('finish', finish);
    res.once('close', finish);
    runWithLogContext({ requestId }, () => handle(req, res));
  };
}
