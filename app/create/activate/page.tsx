import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { runtime } from '@/src/runtime.ts';
import { openActivation } from '@/src/accounts/sign-up.ts';
import { activationToken } from './activation-cookie.ts';
import { ActivateForm } from './activate-form.tsx';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('create.activate'))('title') };
}

export const dynamic = 'force-dynamic';

/** The Apple ID is active (just now, or by this link before): what is left is to sign in. */
async function ActiveSignIn({ said }: { said: string }) {
  const t = await getTranslations('create.activate');
  return (
    <>
      <p className="notice success" role="status">
        {said}
      </p>
      <p>
        <Link className="button" href="/sign-in">
          {t('signIn')}
        </Link>
      </p>
    </>
  );
}

// Where the activation link leads (its token now in the activation cookie, see open/route.ts). The
// page only shows which Apple ID the link is for; the button activates it (a POST), then the page
// says so and sends the holder to sign in with the password.
export default async function ActivatePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('create.activate');
  if ((await searchParams).activated) {
    return (
      <main className="narrow">
        <h1>{t('activeHeading')}</h1>
        <ActiveSignIn said={t('activeSaid')} />
      </main>
    );
  }
  const opened = await openActivation(runtime(), await activationToken());
  return (
    <main className="narrow">
      <h1>{t('heading')}</h1>
      {opened.ok ? (
        <ActivateForm appleId={opened.appleId} />
      ) : opened.code === 'ALREADY_ACTIVE' ? (
        // A link opened again after it made the account: nothing to fill in, only to sign in.
        <ActiveSignIn said={opened.error} />
      ) : (
        <>
          <p className="form-error" role="alert">
            {opened.error}
          </p>
          <p>
            <Link className="button" href="/create">
              {t('createAccount')}
            </Link>
          </p>
        </>
      )}
    </main>
  );
}
