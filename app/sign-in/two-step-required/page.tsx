import Link from 'next/link';
import { redirect } from 'next/navigation';
import { cancelUrl } from '@/src/oidc/paths.ts';
import { currentAccount } from '../../lib/session.ts';
import { refuseStaff } from '../../lib/staff-session.ts';
import { appRequest, interactionParam, withInteraction } from '../../lib/app-sign-in.ts';
import { AppRequestEnded } from '../../components/app-request.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Two-Step Verification Needed' };

// An app that accepts only sign-ins with a trusted device (its acr_values), for a holder who has
// two-step verification off: told why here, with the way to turn it on; going back tells the app
// (unmet_authentication_requirements).
export default async function TwoStepRequiredPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await refuseStaff();
  const uid = interactionParam((await searchParams).interaction);
  const current = await currentAccount();
  if (!current) redirect(withInteraction('/sign-in', uid));
  const request = await appRequest(uid);
  const app = request?.appName ?? 'This app';
  return (
    <main className="narrow">
      <h1>Two-Step Verification Needed</h1>
      {request ? null : <AppRequestEnded />}
      <div className="panel">
        <p>
          {app} accepts only Apple IDs protected by two-step verification: a password and a code from one of your trusted devices. Two-step
          verification is off for {current.account.appleId}, so you can&apos;t sign in to {app} yet.
        </p>
        <p>Turn it on from your Password and Security page, then sign in to {app} again.</p>
        <div className="actions">
          <Link className="button" href="/account/security">
            Set up two-step verification
          </Link>
          {request ? (
            <a className="button secondary" href={cancelUrl(request.uid)}>
              Go back to {request.appName}
            </a>
          ) : null}
        </div>
      </div>
    </main>
  );
}
