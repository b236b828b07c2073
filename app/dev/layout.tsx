import Link from 'next/link';
import { Fragment, type ReactNode } from 'react';
import { requireStandins } from './standins.ts';
import { devInboxes } from '../_kinds/inbox-registry.ts';

export const dynamic = 'force-dynamic';

export default function DevLayout({ children }: { children: ReactNode }) {
  requireStandins(); // 404 unless the local stand-ins are on
  // The stand-ins' pages are the developer's, named as the developer knows them: English in every language.
  return (
    <main lang="en">
      <p className="small muted">
        Dev inboxes:{' '}
        {devInboxes().map((inbox, n) => (
          <Fragment key={inbox.slug}>
            {n === 0 ? '' : ' · '}
            <Link href={`/dev/${inbox.slug}`}>{inbox.menu}</Link>
          </Fragment>
        ))}
      </p>
      {children}
    </main>
  );
}
