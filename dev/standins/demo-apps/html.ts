// The demo apps' pages: plain server-rendered HTML, one <style> carrying the response's CSP nonce,
// no script, nothing remote. Everything shown is escaped.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
:root { font-family: -apple-system, BlinkMacSystemFont, "Helvetica Neue", "Segoe UI", Roboto, Arial, sans-serif; color: #1d1d1f; background: #fbfbfd; }
body { margin: 0; line-height: 1.47; font-size: 17px; }
header { background: #1d1d1f; color: #f5f5f7; }
header p { max-width: 760px; margin: 0 auto; padding: 12px 22px; font-weight: 600; }
main { max-width: 760px; margin: 0 auto; padding: 32px 22px 80px; }
h1 { font-size: 32px; line-height: 1.15; margin: 0 0 16px; }
h2 { font-size: 22px; margin: 32px 0 8px; }
.panel { background: #fff; border: 1px solid #d2d2d7; border-radius: 14px; padding: 20px 24px; margin: 16px 0; }
.panel > :first-child { margin-top: 0; }
.panel > :last-child { margin-bottom: 0; }
.status { border-color: #1d7a35; }
.alert { border-color: #b3261e; }
.muted { color: #5f5f64; font-size: 15px; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0 0 8px; }
th, td { text-align: left; vertical-align: top; padding: 6px 12px 6px 0; border-bottom: 1px solid #e5e5ea; }
th { white-space: nowrap; }
td { overflow-wrap: anywhere; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 15px; }
.actions { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 16px; }
form { margin: 0; }
a { color: #0058b0; }
.button, button { display: inline-block; font: inherit; font-size: 17px; padding: 10px 22px; border-radius: 980px; border: 1px solid #0058b0; cursor: pointer; background: #fff; color: #0058b0; text-decoration: none; }
.primary { background: #0058b0; color: #fff; }
a:focus-visible, button:focus-visible { outline: 3px solid #0058b0; outline-offset: 3px; }
`;

export interface Notice {
  kind: 'status' | 'alert';
  html: string;
}

export function noticeHtml(n: Notice | undefined): string {
  return n ? `<div class="panel ${n.kind}" role="${n.kind}">${n.html}</div>` : '';
}

/** A whole page. `title` and `appName` are plain text; `main` is HTML built with escapeHtml. */
export function page(appName: string, title: string, main: string): (nonce: string) => string {
  return (nonce) => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} \u2013 ${escapeHtml(appName)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header><p>${escapeHtml(appName)}</p></header>
<main>
${main}
</main>
</body>
</html>
`;
}

/**
 * Sends a page under a CSP of its own: nothing but its styles, and forms that post to the app (whose
 * answer may redirect to the portal: form-action covers that redirect too).
 */
export function sendPage(res: ServerResponse, status: number, render: (nonce: string) => string, issuer: string): void {
  const nonce = randomBytes(16).toString('base64');
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self' ${new URL(issuer).origin}; frame-ancestors 'none'; base-uri 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(render(nonce));
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location, 'Cache-Control': 'no-store', 'Content-Length': '0' });
  res.end();
}

/** A form that posts to the app with the session's CSRF token. */
export function postButton(action: string, csrf: string, label: string, primary = false): string {
  return `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}"><button type="submit"${primary ? ' class="primary"' : ''}>${escapeHtml(label)}</button></form>`;
}
