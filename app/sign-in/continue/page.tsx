import { getTranslations } from 'next-intl/server';
import { continueUrl } from '@/src/oidc/interactions.ts';
import { appRequest, interactionParam } from '../../lib/app-sign-in.ts';
import { AppRequestEnded } from '../../components/app-request.tsx';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signIn.continue'))('title') };
}

// A step of an app's sign-in posted without scripts ends here (app/lib/app-sign-in.ts, backToApp):
// the page moves on to the bridge by itself, outside the form's redirect chain, so the bridge may
// send the browser to the app's origin. The link does the same for a browser that ignores refresh.
export default async function ContinueToAppPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const uid = interactionParam((await searchParams).interaction);
  const request = await appRequest(uid);
  const t = await getTranslations('signIn.continue');
  if (!uid || !request) {
    return (
      <main className="narrow">
        <h1>{t('heading')}</h1>
        <AppRequestEnded />
      </main>
    );
  }
  const next = continueUrl(uid);
  return (
    <main className="narrow">
      <meta httpEquiv="refresh" content={`0;url=${next}`} />
      <h1>{t('continuing', { appName: request.appName })}</h1>
      <p className="lead">
        {/* A plain link: the bridge answers it, never Next.js's router. */}
        <a href={next}>{t('link', { appName: request.appName })}</a>
      </p>
    </main>
  );
}
