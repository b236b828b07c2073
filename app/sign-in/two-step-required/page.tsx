import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { cancelUrl } from '@/src/oidc/paths.ts';
import { currentAccount } from '../../lib/session.ts';
import { refuseStaff } from '../../lib/staff-session.ts';
import { appRequest, interactionParam, withInteraction } from '../../lib/app-sign-in.ts';
import { AppRequestEnded } from '../../components/app-request.tsx';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signIn.twoStepRequired'))('title') };
}

// An app that accepts only sign-ins with a trusted device (its acr_values), for a holder who has
// two-step verification off: told why here, with the way to turn it on; going back tells the app
// (unmet_authentication_requirements).
export default async function TwoStepRequiredPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await refuseStaff();
  const uid = interactionParam((await searchParams).interaction);
  const current = await currentAccount();
  if (!current) redirect(withInteraction('/sign-in', uid));
  const request = await appRequest(uid);
  const t = await getTranslations('signIn.twoStepRequired');
  const app = request?.appName ?? t('thisApp');
  return (
    <main className="narrow">
      <h1>{t('heading')}</h1>
      {request ? null : <AppRequestEnded />}
      <div className="panel">
        <p>{t('why', { app, appleId: current.account.appleId })}</p>
        <p>{t('turnOn', { app })}</p>
        <div className="actions">
          <Link className="button" href="/account/security">
            {t('setUp')}
          </Link>
          {request ? (
            <a className="button secondary" href={cancelUrl(request.uid)}>
              {t('goBack', { appName: request.appName })}
            </a>
          ) : null}
        </div>
      </div>
    </main>
  );
}
