import type { ReactNode } from 'react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PendingButton } from '../components/submit-button.tsx';
import './support.css';
import { currentStaff } from '../lib/staff-session.ts';
import { staffSignOutAction } from '../actions/support.ts';

// The support console: its own bar under the site's, saying who is signed in to it. Every page
// under /support checks the staff cookie itself; this bar is only what the staff member sees.
// Staff read the console in the request's language (their browser's, or the footer's choice);
// what the holder typed is shown as typed.
export default async function SupportLayout({ children }: { children: ReactNode }) {
  const session = await currentStaff();
  const t = await getTranslations('support.bar');
  return (
    <>
      <nav className="support-bar" aria-label={t('label')}>
        <div className="support-bar-inner">
          <Link href="/support" className="support-title">
            {t('title')}
          </Link>
          <span className="spacer" />
          {session ? (
            <>
              <span data-testid="staff-name">{session.staff.displayName}</span>
              <form action={staffSignOutAction}>
                <PendingButton className="" label={t('signOut')} pendingLabel={t('signingOut')} />
              </form>
            </>
          ) : null}
        </div>
      </nav>
      {children}
    </>
  );
}
