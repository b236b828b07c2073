// An app's sign-in running through the portal's pages (src/oidc/bridge.ts sends the browser to them
// with ?interaction=<id>): the id travels from page to page and action to action, and when the step
// is done the browser goes back to the bridge, which decides what comes next. Only a well-formed
// id is ever put in an address, and only into the bridge's own path: no open redirect.
import { headers } from 'next/headers';
import { continueUrl, interactionId, interactionSummary, type InteractionSummary } from '@/src/oidc/interactions.ts';
import { runtime } from '@/src/runtime.ts';

/** The interaction id of a page's query or a bound action argument, or null. */
export function interactionParam(value: unknown): string | null {
  const parsed = interactionId.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : null;
}

/** `path` with the app's sign-in carried along (unchanged without one). */
export function withInteraction(path: string, uid: string | null): string {
  return uid ? `${path}${path.includes('?') ? '&' : '?'}interaction=${encodeURIComponent(uid)}` : path;
}

/** Where a completed sign-in goes: back to the app's sign-in, or the account page. */
export async function afterSignIn(uid: string | null): Promise<string> {
  return uid ? backToApp(uid) : '/account';
}

/** The page that goes on to the bridge without a form's redirect chain (app/sign-in/continue). */
export const CONTINUE_PAGE = '/sign-in/continue';

/**
 * Where a step of an app's sign-in goes when it is done: the bridge, which may send the browser on
 * to the app. When scripts run, the step's action or page is fetched by React and the browser then
 * navigates there itself. Without them, the step is a form posted natively, and the browser holds
 * every redirect of that post to the page's CSP form-action ('self'): the bridge's last redirect,
 * to the app's own origin, would be blocked. Such a post goes by a page of ours that moves on by
 * itself (a meta refresh is a navigation, not a form), so the chain ends on the portal.
 */
export async function backToApp(uid: string): Promise<string> {
  const asked = await headers();
  const byScript = asked.has('next-action') || asked.has('rsc');
  return byScript ? continueUrl(uid) : withInteraction(CONTINUE_PAGE, uid);
}

/** The app's sign-in a page serves (for its name and what it asks), or null when it has ended. */
export async function appRequest(uid: string | null): Promise<InteractionSummary | null> {
  return uid ? interactionSummary(runtime().db, uid) : null;
}
