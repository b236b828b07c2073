'use client';
// What a page shows when something failed on the server while drawing it (a Client Component, as
// Next.js requires of error.tsx). It never shows the error itself: no message, no stack, nothing an
// attacker could read. The operator finds the details in the server log under the same reference.
import Link from 'next/link';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="narrow">
      <h1>Something went wrong</h1>
      <p className="lead">We couldn&apos;t show this page just now. Try again, or go back to your account.</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => reset()}>
          Try Again
        </button>
        <Link className="button secondary" href="/account">
          Manage your account
        </Link>
      </div>
      {error.digest ? <p className="small muted">Reference: {error.digest}</p> : null}
    </main>
  );
}
