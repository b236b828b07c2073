// The portal session of the browser behind a request to the provider or the bridge (plain Node
// requests, before Next.js): its sealed cookies read as the pages read them
// (src/sessions/browser-cookies.ts), the session row as the pages resolve it. The one source of
// "who is signed in here" for an app's sign-in: the provider keeps no sign-in of its own.
import type { IncomingMessage } from 'node:http';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { readBrowserCookies, type CookieEnv } from '../sessions/browser-cookies.ts';
import { resolveSessionWithAccount, type LiveSession } from '../sessions/sessions.ts';
import { liveKnownBrowsers } from '../sessions/known-browsers.ts';
import type { PortalSession } from './authentication.ts';

export interface PortalDeps {
  db: Db;
  clock: Clock;
  cookies: CookieEnv & { secret: string };
}

export interface BrowserState {
  /** The live portal session of the browser, and its account. */
  live: LiveSession | null;
  /** The facts an app's sign-in is decided on. */
  session: PortalSession | null;
  /** This browser's id for the session's account (its device cookie), when that entry counts (its record exists). */
  browserId: string | null;
}

export async function browserState(deps: PortalDeps, req: Pick<IncomingMessage, 'headers'>): Promise<BrowserState> {
  const { sessionToken, deviceEntries } = await readBrowserCookies(req.headers.cookie, deps.cookies);
  const now = deps.clock.now();
  const live = sessionToken ? await resolveSessionWithAccount(deps.db, sessionToken, now) : null;
  if (!live) return { live: null, session: null, browserId: null };
  // Only the session's account matters here: its entry, if the cookie has one, is looked up (one
  // indexed query); a browser without one asks nothing of the database.
  const [known] = await liveKnownBrowsers(
    deps.db,
    deviceEntries.filter((b) => b.accountId === live.account.id),
    now,
  );
  const browserId = known?.id ?? null;
  return {
    live,
    browserId,
    session: {
      accountId: live.account.id,
      stage: live.session.stage,
      twoStepOn: live.account.twoStepEnabledAt !== null,
      signedInAt: live.session.createdAt,
      codeVerifiedAt: live.session.codeVerifiedAt,
      secondStep: live.session.secondStep,
      knownBrowser: browserId !== null,
    },
  };
}
