import type { ReactNode } from 'react';
import Link from 'next/link';
import { PendingButton } from '../components/submit-button.tsx';
import './support.css';
import { currentStaff } from '../lib/staff-session.ts';
import { staffSignOutAction } from '../actions/support.ts';

// The support console: its own bar under the site's, saying who is signed in to it. Every page
// under /support checks the staff cookie itself; this bar is only what the staff member sees.
export default async function SupportLayout({ children }: { children: ReactNode }) {
  const session = await currentStaff();
  return (
    <>
      <nav className="support-bar" aria-label="Support console">
        <div className="support-bar-inner">
          <Link href="/support" className="support-title">
            Apple Support console
          </Link>
          <span className="spacer" />
          {session ? (
            <>
              <span data-testid="staff-name">{session.staff.displayName}</span>
              <form action={staffSignOutAction}>
                <PendingButton className="" label="Sign Out" pendingLabel="Signing out…" />
              </form>
            </>
          ) : null}
        </div>
      </nav>
      {children}
    </>
  );
}
