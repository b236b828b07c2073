// The line at the top of every page of an app's sign-in: which app the holder is signing in to,
// and a way back to it without going on (the app is told they did not).
import { getTranslations } from 'next-intl/server';
import { cancelUrl } from '@/src/oidc/paths.ts';
import type { InteractionSummary } from '@/src/oidc/interactions.ts';

/** What the page asks of the holder before the app gets them back: one whole sentence each, with the app's name. */
export type AppRequestDoing = 'signIn' | 'passwordAgain' | 'confirm' | 'confirmWithDevice';

export async function AppRequestBanner({ request, doing }: { request: InteractionSummary; doing: AppRequestDoing }) {
  const t = await getTranslations('signIn.appRequest');
  return (
    <div className="notice app-request" data-testid="app-request">
      <p>{t.rich(doing, { appName: request.appName, strong: (text) => <strong>{text}</strong> })}</p>
      <p className="small">
        {/* A plain link: the bridge answers it, never Next.js's router. */}
        <a href={cancelUrl(request.uid)}>{t('cancel', { appName: request.appName })}</a>
      </p>
    </div>
  );
}

/** When the app's sign-in ended (an hour passed, or it finished in another tab). */
export async function AppRequestEnded() {
  const t = await getTranslations('signIn.appRequest');
  return (
    <p className="notice" role="status" data-testid="app-request-ended">
      {t('ended')}
    </p>
  );
}
