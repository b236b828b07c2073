// The few pages the provider draws itself, outside Next.js: an error it cannot send back to the app
// (a redirect URI it does not know, an unknown app, a sign-in request that ended), and RP-initiated
// logout. Plain HTML in the portal's look, styled by one <style> carrying the response's CSP nonce:
// no script, no inline style attribute, nothing remote. Everything shown is escaped.
import { sentenceOf } from '../result.ts';
import { protocolErrorCode, PROTOCOL_ERROR_SENTENCES } from './errors.ts';

const STYLE = `
:root { font-family: -apple-system, BlinkMacSystemFont, "Helvetica Neue", "Segoe UI", Roboto, Arial, sans-serif; color: #1d1d1f; background: #f5f5f7; }
body { margin: 0; line-height: 1.47; font-size: 17px; }
.topbar { background: rgba(29, 29, 31, 0.92); color: #f5f5f7; }
.topbar div { max-width: 980px; margin: 0 auto; padding: 0 22px; height: 48px; display: flex; align-items: center; font-weight: 600; }
.topbar a { color: #f5f5f7; text-decoration: none; }
main { max-width: 520px; margin: 0 auto; padding: 40px 22px 80px; }
h1 { font-size: 32px; line-height: 1.15; letter-spacing: -0.02em; margin: 0 0 12px; }
.panel { background: #fff; border-radius: 18px; padding: 24px 28px; margin: 20px 0; }
.muted { color: #68686d; font-size: 14px; overflow-wrap: anywhere; }
a { color: #0066cc; }
a:focus-visible, button:focus-visible { outline: 3px solid #0066cc; outline-offset: 3px; }
form { margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 20px; }
button { font: inherit; font-size: 17px; padding: 11px 22px; border-radius: 980px; border: 1px solid #0066cc; cursor: pointer; }
button.primary { background: #0066cc; color: #fff; }
button.secondary { background: #fff; color: #0066cc; }
`;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function document(nonce: string, title: string, main: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} — Two-Step</title>
<style nonce="${escapeHtml(nonce)}">${STYLE}</style>
</head>
<body>
<nav class="topbar" aria-label="Two-Step"><div><a href="/">Two-Step</a></div></nav>
<main>
${main}
</main>
</body>
</html>`;
}

/**
 * An error the provider shows instead of redirecting (RFC 6749 4.1.2.1): what happened in words
 * (errors.ts), the protocol's own words in small print for the app's developer, and a way on.
 */
export function errorPage(out: Record<string, string | undefined>, requestEnded: boolean): (nonce: string) => string {
  const code = requestEnded ? 'session_not_found' : (out.error ?? 'server_error');
  const sentence = sentenceOf(PROTOCOL_ERROR_SENTENCES, protocolErrorCode(code));
  const technical = [out.error, out.error_description].filter(Boolean).join(': ');
  return (nonce) =>
    document(
      nonce,
      'Error: This sign-in can’t continue',
      `<h1>This sign-in can’t continue</h1>
<div class="panel" role="alert">
<p>${escapeHtml(sentence)}</p>
<p><a href="/account">Go to your account</a></p>
</div>
<p class="muted">For the app’s developer: ${escapeHtml(technical)}</p>`,
    );
}

/** RP-initiated logout: the app asked to sign the person out; they choose. `form` is oidc-provider's (its xsrf token). */
export function logoutPage(form: string, appName: string | undefined): (nonce: string) => string {
  const who = appName ? escapeHtml(appName) : 'An app';
  return (nonce) =>
    document(
      nonce,
      'Sign Out',
      `<h1>Sign out?</h1>
<div class="panel">
${form}
<p>${who} is signing you out. Do you also want to sign out of your Apple ID on this browser?</p>
<div class="actions">
<button class="primary" type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Sign Out</button>
<button class="secondary" type="submit" form="op.logoutForm">Stay Signed In</button>
</div>
</div>`,
    );
}

export function signedOutPage(appName: string | undefined): (nonce: string) => string {
  return (nonce) =>
    document(
      nonce,
      'Signed Out',
      `<h1>You’re signed out</h1>
<div class="panel" role="status">
<p>${appName ? `${escapeHtml(appName)} signed you out.` : 'You signed out.'} You can close this window.</p>
<p><a href="/sign-in">Sign in to manage your account</a></p>
</div>`,
    );
}
