// The demo apps that sign in through the portal, mounted on the stand-ins' HTTP server
// (dev/standins/server.ts): "iCloud (demo)" under /icloud/ and "Store (demo)" under /store/. They
// are served on 127.0.0.1 while the portal is at localhost, so their cookies and the portal's never
// meet. The seed registers them (dev/seed/demo-apps.ts); nothing in src/ or app/ knows of them.
import type { StandinHandler } from '../http.ts';
import { DEMO_APPS, demoClientSecret } from './registration.ts';
import { relyingParty } from './relying-party.ts';
import { icloudApp } from './icloud.ts';
import { storeApp } from './store.ts';

export interface DemoAppsOptions {
  /** The portal's APP_URL: the issuer (behind a load balancer, its public address). */
  issuer: string;
  /** SESSION_SECRET, which the iCloud demo's client secret is derived from (as the seed derives it). */
  sessionSecret: string;
}

/** Both apps' handlers, for the stand-ins served at `selfUrl`. */
export function demoAppsHandler(opts: DemoAppsOptions & { selfUrl: string }): StandinHandler {
  const rp = (app: (typeof DEMO_APPS)[keyof typeof DEMO_APPS]) =>
    relyingParty({ issuer: opts.issuer, clientId: app.clientId, clientSecret: demoClientSecret(app, opts.sessionSecret) });
  const handlers = [
    icloudApp({ rp: rp(DEMO_APPS.icloud), selfUrl: opts.selfUrl }),
    storeApp({ rp: rp(DEMO_APPS.store), selfUrl: opts.selfUrl }),
  ];
  return async (req, res) => {
    for (const handle of handlers) if (await handle(req, res)) return true;
    return false;
  };
}
