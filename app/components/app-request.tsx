// The line at the top of every page of an app's sign-in: which app the holder is signing in to,
// and a way back to it without going on (the app is told they did not).
import { cancelUrl } from '@/src/oidc/paths.ts';
import type { InteractionSummary } from '@/src/oidc/interactions.ts';

export function AppRequestBanner({ request, doing }: { request: InteractionSummary; doing: string }) {
  return (
    <div className="notice app-request" data-testid="app-request">
      <p>
        {doing} to continue to <strong>{request.appName}</strong>.
      </p>
      <p className="small">
        {/* A plain link: the bridge answers it, never Next.js's router. */}
        <a href={cancelUrl(request.uid)}>Cancel and go back to {request.appName}</a>
      </p>
    </div>
  );
}

/** When the app's sign-in ended (an hour passed, or it finished in another tab). */
export function AppRequestEnded() {
  return (
    <p className="notice" role="status" data-testid="app-request-ended">
      The app&apos;s sign-in request has ended. Go back to the app and sign in again from there.
    </p>
  );
}
