// The two demo apps of the local stand-ins, as the portal registers them (dev/seed/demo-apps.ts) and
// as they present themselves to it (./index.ts). Their client ids are fixed and the iCloud secret is
// derived from SESSION_SECRET, so the seed and the stand-ins agree without a file between them:
// acceptable only because these apps exist only where the stand-ins run (dev, tests).
import { createHmac } from 'node:crypto';

export interface DemoApp {
  clientId: string;
  name: string;
  /** Where the app is mounted on the stand-ins' HTTP server, with its trailing slash. */
  path: string;
  /** A confidential app (a server with a secret, client_secret_basic) or a public one (PKCE only). */
  confidential: boolean;
}

export const DEMO_APPS = {
  icloud: { clientId: 'icloud-demo', name: 'iCloud (demo)', path: '/icloud/', confidential: true },
  store: { clientId: 'store-demo', name: 'Store (demo)', path: '/store/', confidential: false },
} as const satisfies Record<string, DemoApp>;

export type DemoAppKey = keyof typeof DEMO_APPS;

/** The demo app's client secret (null for a public app): HMAC-SHA-256 of its client id under SESSION_SECRET. */
export function demoClientSecret(app: DemoApp, sessionSecret: string): string | null {
  if (!app.confidential) return null;
  return createHmac('sha256', sessionSecret).update(`two-step demo app client secret\u0000${app.clientId}`).digest('base64url');
}

/** Where a demo app lives on the stand-ins at `standinsUrl`. */
export function demoAppUrl(app: DemoApp, standinsUrl: string): string {
  return `${standinsUrl.replace(/\/+$/, '')}${app.path}`;
}

/** Its redirect URI, and where the portal sends the browser back after signing out. */
export function demoAppUris(app: DemoApp, standinsUrl: string): { redirectUris: string[]; postLogoutRedirectUris: string[] } {
  const home = demoAppUrl(app, standinsUrl);
  return { redirectUris: [`${home}callback`], postLogoutRedirectUris: [home] };
}

/** The addresses of the demo apps on the stand-ins at `standinsUrl`, for printing. */
export function demoAppLinks(standinsUrl: string): { name: string; url: string }[] {
  return Object.values(DEMO_APPS).map((app) => ({ name: app.name, url: demoAppUrl(app, standinsUrl) }));
}
