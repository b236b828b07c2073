// The stand-ins' demo apps ("iCloud (demo)", "Store (demo)") against a portal started by
// tests/harness/oidc.ts: the real stand-ins server with the apps mounted, registered by the seed, and
// a browser that walks between the apps and the provider as a person's browser would, stopping at
// each portal page so the test can do what the person does there.
import type { Db } from '../../src/db/client.ts';
import type { Clock } from '../../src/clock.ts';
import type { AuthMethod } from '../../src/sessions/auth-methods.ts';
import { allowApp } from '../../src/oidc/app-authorizations.ts';
import { startStandins, type Standins } from '../../dev/standins/server.ts';
import { seedDemoApps } from '../../dev/seed/demo-apps.ts';
import { DEMO_APPS, demoAppUrl, type DemoAppKey } from '../../dev/standins/demo-apps/registration.ts';
import { SESSION_SECRET, type Portal, type TestBrowser } from './oidc.ts';
import { BROWSER } from './accounts.ts';

export interface DemoApps {
  standins: Standins;
  /** Where an app's home page is, e.g. http://127.0.0.1:PORT/icloud/. */
  url(app: DemoAppKey): string;
  stop(): Promise<void>;
}

/** The stand-ins with the demo apps signing in through `portal`, and the apps registered in its database. */
export async function startDemoApps(db: Db, portal: Portal, now: Date): Promise<DemoApps> {
  const standins = await startStandins({ demoApps: { issuer: portal.url, sessionSecret: SESSION_SECRET } });
  await seedDemoApps(db, { standinsUrl: standins.httpUrl, sessionSecret: SESSION_SECRET }, now);
  return { standins, url: (app) => demoAppUrl(DEMO_APPS[app], standins.httpUrl), stop: () => standins.stop() };
}

/** Where the browser stopped: a page it was shown, or a portal page it was sent to (not loaded). */
export interface Landing {
  status: number;
  url: URL;
  body: string;
  headers: Headers;
}

/**
 * Loads `url` (a POST with `form`, then GETs, as after a 303) and follows every redirect, except to
 * one of the portal's own pages (anything on the portal outside /oidc/): the test acts there.
 */
export async function browse(browser: TestBrowser, url: string, form?: URLSearchParams): Promise<Landing> {
  let current = new URL(url);
  let init: RequestInit = form ? { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {};
  for (let hops = 0; hops < 15; hops++) {
    const res = await browser.request(current.href, init);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location)
      return { status: res.status, url: current, body: await res.text(), headers: res.headers };
    await res.body?.cancel();
    const next = new URL(location, current);
    if (next.origin === browser.portal.url && !next.pathname.startsWith('/oidc/'))
      return { status: res.status, url: next, body: '', headers: res.headers };
    current = next;
    init = {};
  }
  throw new Error('too many redirects');
}

/** Presses the button of the page's form that posts to `action` (its hidden fields, the CSRF token included). */
export async function press(browser: TestBrowser, page: Landing, action: string, extra: Record<string, string> = {}): Promise<Landing> {
  const forms = [...page.body.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0]);
  const form = forms.find((f) => f.includes(`action="${action}"`) || f.includes(`action="${new URL(action, page.url).href}"`));
  if (!form) throw new Error(`no form posting to ${action} on ${page.url.href}`);
  const fields = new URLSearchParams();
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields.set(
      name!,
      value!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))),
    );
  for (const [k, v] of Object.entries(extra)) fields.set(k, v);
  return browse(browser, new URL(action, page.url).href, fields);
}

/** The interaction id of a portal page the browser was sent to (…?interaction=uid). */
export function interactionOf(landing: Landing): string {
  const uid = landing.url.searchParams.get('interaction');
  if (!uid) throw new Error(`not a portal step page: ${landing.url.href}`);
  return uid;
}

/** Goes on with the app's sign-in after a portal page did its part (the bridge decides what comes next). */
export function continueSignIn(browser: TestBrowser, landing: Landing): Promise<Landing> {
  return browse(browser, `${browser.portal.url}/oidc/interaction/${interactionOf(landing)}`);
}

/** "Cancel" on a portal page: the app is told the holder did not go on. */
export function cancelSignIn(browser: TestBrowser, landing: Landing): Promise<Landing> {
  return browse(browser, `${browser.portal.url}/oidc/interaction/${interactionOf(landing)}/cancel`);
}

/**
 * Does on each portal page what a person would (sign in with a second step when `secondStep` is
 * given, confirm it is them, allow the app what it asks), until the browser is back at the app.
 * Answers the landing there and the portal pages passed through, in order.
 */
export async function throughPortal(
  db: Db,
  clock: Clock,
  browser: TestBrowser,
  start: Landing,
  who: { accountId: string; clientId: string; scopes: string[]; secondStep?: AuthMethod },
): Promise<{ landing: Landing; pages: string[] }> {
  const pages: string[] = [];
  let landing = start;
  while (landing.url.origin === browser.portal.url) {
    pages.push(landing.url.pathname);
    if (pages.length > 6) throw new Error(`stuck on the portal: ${pages.join(' → ')}`);
    switch (landing.url.pathname) {
      case '/sign-in':
      case '/sign-in/confirm':
        await browser.signIn(db, who.accountId, clock.now(), who.secondStep ? { secondStep: who.secondStep } : {});
        break;
      case '/sign-in/consent':
        await allowApp(db, clock, { accountId: who.accountId, clientId: who.clientId, scopes: who.scopes }, BROWSER);
        break;
      default:
        return { landing, pages };
    }
    landing = await continueSignIn(browser, landing);
  }
  return { landing, pages };
}
