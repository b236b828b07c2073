'use client';
// What both error pages say (app/error.tsx, app/global-error.tsx): never the error itself (no
// message, no stack, nothing an attacker could read), only a reference the operator finds in the
// server log. Plain links: the app's router may be what failed.
import { useEffect } from 'react';

export function SomethingWentWrong({ digest, reset }: { digest?: string; reset: () => void }) {
  // A client component cannot export metadata: the title is set here (the layout's template).
  useEffect(() => {
    document.title = 'Something went wrong — Two-Step';
  }, []);
  return (
    <main className="narrow">
      <h1>Something went wrong</h1>
      <p className="lead">We couldn&apos;t show this page just now. Try again, or go back to your account.</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => reset()}>
          Try Again
        </button>
        <a className="button secondary" href="/account">
          Manage your account
        </a>
      </div>
      {digest ? <p className="small muted">Reference: {digest}</p> : null}
    </main>
  );
}
