import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentAccount } from '../../lib/session.ts';
import { refuseStaff } from '../../lib/staff-session.ts';
import { appRequest, interactionParam, withInteraction } from '../../lib/app-sign-in.ts';
import { AppRequestEnded } from '../../components/app-request.tsx';
import { AllowForm } from './allow-form.tsx';
import { allowAppAction } from '../../actions/app-sign-in.ts';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signIn.consent'))('title') };
}

// Consent (docs/rules.md#other-apps): the first time an app asks, and
// whenever it asks for more than it was allowed, the holder sees its name and exactly what it will
// receive, with the values it will see, and says yes or no. Remembered per app.
export default async function ConsentPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await refuseStaff();
  const uid = interactionParam((await searchParams).interaction);
  const current = await currentAccount();
  if (!current) redirect(withInteraction('/sign-in', uid));
  const request = await appRequest(uid);
  const t = await getTranslations('signIn.consent');
  if (!request || request.accountId !== current.account.id) {
    return (
      <main className="narrow">
        <h1>{t('heading')}</h1>
        <AppRequestEnded />
      </main>
    );
  }
  return (
    <main className="narrow">
      <h1>{t('question', { appName: request.appName })}</h1>
      <p className="lead">{t('wants', { appName: request.appName, appleId: current.account.appleId })}</p>
      <section className="panel" aria-labelledby="receives-heading">
        <h2 id="receives-heading">{t('receives', { appName: request.appName })}</h2>
        <ul data-testid="consent-scopes">
          {request.scopes.map((scope) => (
            <li key={scope}>{t(`scopes.${scope}`, { appleId: current.account.appleId, name: current.account.name })}</li>
          ))}
        </ul>
        <p className="muted small">{t('never')}</p>
        <AllowForm interaction={request.uid} appName={request.appName} allow={allowAppAction.bind(null, request.uid)} />
      </section>
    </main>
  );
}
