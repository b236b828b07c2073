// Mounts a demo app's routes under its path on the stand-ins' HTTP server: its session, the form of
// a POST (refused without the session's CSRF token), and one page for a portal that does not answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, type StandinHandler } from '../http.ts';
import type { DemoApp } from './registration.ts';
import { csrfMatches, unreachable, type Session, type Sessions } from './relying-party.ts';
import { escapeHtml, page, sendPage } from './html.ts';

export interface RouteContext<P extends string> {
  req: IncomingMessage;
  res: ServerResponse;
  session: Session<P>;
  /** The request's address on the stand-ins' public URL (what the app registered), query included. */
  url: URL;
  form: URLSearchParams;
}

export type Routes<P extends string> = Record<string, { method: 'GET' | 'POST'; run(c: RouteContext<P>): Promise<void> }>;

export function mount<P extends string>(opts: {
  app: DemoApp;
  selfUrl: string;
  issuer: string;
  sessions: Sessions<P>;
  routes: Routes<P>;
}): StandinHandler {
  const { app, issuer } = opts;
  const base = app.path.slice(0, -1);
  return async (req, res) => {
    const url = new URL(req.url ?? '/', opts.selfUrl);
    if (url.pathname !== base && !url.pathname.startsWith(app.path)) return false;
    const show = (status: number, title: string, html: string) => {
      sendPage(res, status, page(app.name, title, `<h1>${escapeHtml(title)}</h1>${html}`), issuer);
      return true;
    };
    const back = `<p><a href="${app.path}">Back to ${escapeHtml(app.name)}</a></p>`;
    if (url.pathname === base) {
      res.writeHead(308, { Location: app.path }).end();
      return true;
    }
    const route = opts.routes[url.pathname.slice(app.path.length)];
    if (!route) return show(404, 'Not found', back);
    if (req.method !== route.method) {
      res.setHeader('Allow', route.method);
      return show(405, 'Not allowed', back);
    }
    const session = opts.sessions.open(req, res);
    const form = route.method === 'POST' ? new URLSearchParams(await readBody(req)) : new URLSearchParams();
    if (route.method === 'POST' && !csrfMatches(session, form)) {
      return show(403, 'This form has expired', `<p>Go back to <a href="${app.path}">${escapeHtml(app.name)}</a> and try again.</p>`);
    }
    try {
      await route.run({ req, res, session, url, form });
    } catch (e) {
      if (res.headersSent) throw e;
      if (unreachable(e)) {
        show(
          503,
          'The Apple ID portal isn\u2019t answering',
          `<p>${escapeHtml(app.name)} signs you in with the portal at ${escapeHtml(issuer)}, which isn\u2019t answering. Start it (npm start), then <a href="${app.path}">try again</a>.</p>`,
        );
      } else {
        // openid-client's checks (a signature, a nonce, an issuer): their messages name the check, never a token.
        show(502, 'The portal\u2019s answer could not be used', `<p>${escapeHtml(e instanceof Error ? e.message : String(e))}</p>${back}`);
      }
    }
    return true;
  };
}
