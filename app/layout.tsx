import type { Metadata } from 'next';
import { Fragment, type ReactNode } from 'react';
import Link from 'next/link';
import { PendingButton } from './components/submit-button.tsx';
import './globals.css';
import { currentAccount, signingIn } from './lib/session.ts';
import { cancelSignInAction, signOutAction } from './actions/account.ts';
import { config } from '@/src/config.ts';
import { devInboxes } from './_kinds/inbox-registry.ts';
import { listed } from './_kinds/wording.ts';
import { TITLE_TEMPLATE } from './lib/page-title.ts';

// Every page depends on the signed-in session and the environment: render on request, never at build.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  // Every page names itself; an error in a form puts "Error: " before it (app/components/form-messages.tsx).
  title: { template: TITLE_TEMPLATE, default: 'Two-Step — Manage your account' },
  description: 'Two-step verification for your account: password plus a code from a trusted device.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const current = await currentAccount();
  const midSignIn = !current && (await signingIn());
  const standins = config().STANDINS === 'on';
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main-content">
          Skip to main content
        </a>
        {standins ? (
          <div className="dev-banner">
            Local stand-ins are on: {listed(devInboxes().map((i) => i.carries))} go to the{' '}
            {devInboxes().map((inbox, n, all) => (
              <Fragment key={inbox.slug}>
                {n === 0 ? '' : n === all.length - 1 ? ' and ' : ', '}
                <Link href={`/dev/${inbox.slug}`}>{inbox.inbox}</Link>
              </Fragment>
            ))}{' '}
            inboxes, not to real phones.
          </div>
        ) : null}
        <nav className="topbar">
          <div className="topbar-inner">
            <Link className="brand" href="/">
              Two-Step
            </Link>
            <span className="spacer" />
            {current ? (
              <>
                <Link href="/account">Manage your account</Link>
                <form action={signOutAction}>
                  <PendingButton className="" label="Sign Out" pendingLabel="Signing out…" />
                </form>
              </>
            ) : midSignIn ? (
              // The password was right and the code is still to come: signing in or creating another account would be beside the point.
              <form action={cancelSignInAction}>
                <PendingButton className="" label="Cancel Sign-In" pendingLabel="Cancelling…" />
              </form>
            ) : (
              <>
                <Link href="/sign-in">Sign In</Link>
                <Link href="/create">Create Your Account</Link>
              </>
            )}
          </div>
        </nav>
        <div id="main-content" tabIndex={-1}>
          {children}
        </div>
      </body>
    </html>
  );
}
