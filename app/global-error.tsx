'use client';
// The last resort: the root layout itself failed. It replaces the layout, so it draws its own
// <html> and <body> and a plain top bar, in the portal's look. No error message or stack is shown.
import './globals.css';

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <nav className="topbar">
          <div className="topbar-inner">
            {/* A plain link: the app's router may be what failed. */}
            <a className="brand" href="/">
              Two-Step
            </a>
          </div>
        </nav>
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
          {error.digest ? <p className="small muted">Reference: {error.digest}</p> : null}
        </main>
      </body>
    </html>
  );
}
