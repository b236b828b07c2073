import { redirect } from 'next/navigation';
import { scopeSentences } from '@/src/oidc/scopes.ts';
import { currentAccount } from '../../lib/session.ts';
import { refuseStaff } from '../../lib/staff-session.ts';
import { appRequest, interactionParam, withInteraction } from '../../lib/app-sign-in.ts';
import { AppRequestEnded } from '../../components/app-request.tsx';
import { AllowForm } from './allow-form.tsx';
import { allowAppAction } from '../../actions/app-sign-in.ts';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Allow an App' };

// Consent (docs/rules.md#other-apps): the first time an app asks, and
// whenever it asks for more than it was allowed, the holder sees its name and exactly what it will
// receive, with the values it will see, and says yes or no. Remembered per app.
export default async function ConsentPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await refuseStaff();
  const uid = interactionParam((await searchParams).interaction);
  const current = await currentAccount();
  if (!current) redirect(withInteraction('/sign-in', uid));
  const request = await appRequest(uid);
  if (!request || request.accountId !== current.account.id) {
    return (
      <main className="narrow">
        <h1>Allow an App</h1>
        <AppRequestEnded />
      </main>
    );
  }
  return (
    <main className="narrow">
      <h1>Allow {request.appName} to use your Apple ID?</h1>
      <p className="lead">
        {request.appName} wants you to sign in to it with your Apple ID, {current.account.appleId}.
      </p>
      <section className="panel" aria-labelledby="receives-heading">
        <h2 id="receives-heading">{request.appName} will receive</h2>
        <ul data-testid="consent-scopes">
          {scopeSentences(request.scopes, current.account).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="muted small">
          It never sees your password or your verification codes. You can stop it from using your Apple ID at any time, under Apps Using
          Your Apple ID on your Password and Security page.
        </p>
        <AllowForm interaction={request.uid} appName={request.appName} allow={allowAppAction.bind(null, request.uid)} />
      </section>
    </main>
  );
}
