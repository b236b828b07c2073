import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireStandins } from './standins.ts';

export const dynamic = 'force-dynamic';

export default function DevLayout({ children }: { children: ReactNode }) {
  requireStandins(); // 404 unless the local stand-ins are on
  return (
    <main>
      <p className="small muted">
        Dev inboxes: <Link href="/dev/sms">SMS</Link> · <Link href="/dev/mail">Mail</Link> · <Link href="/dev/devices">Devices</Link>
      </p>
      {children}
    </main>
  );
}
