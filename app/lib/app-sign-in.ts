// An app's sign-in running through the portal's pages (src/oidc/bridge.ts sends the browser to them
// with ?interaction=<id>): the id travels from page to page and action to action, and when the step
// is done the browser goes back to the bridge, which decides what comes next. Only a well-formed
// id is ever put in an address, and only into the bridge's own path: no open redirect.
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
export function afterSignIn(uid: string | null): string {
  return uid ? continueUrl(uid) : '/account';
}

/** The app's sign-in a page serves (for its name and what it asks), or null when it has ended. */
export async function appRequest(uid: string | null): Promise<InteractionSummary | null> {
  return uid ? interactionSummary(runtime().db, uid) : null;
}
