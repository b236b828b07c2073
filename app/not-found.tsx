import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found' };

// Any address the portal does not have, and every notFound(): a plain page in the portal's look,
// inside the root layout (top bar and all), with a way back.
export default function NotFound() {
  return (
    <main className="narrow">
      <h1>Page not found</h1>
      <p className="lead">The page you asked for isn&apos;t here. The link may be old or mistyped.</p>
      <div className="actions">
        <Link className="button" href="/account">
          Manage your account
        </Link>
        <Link className="button secondary" href="/">
          Home
        </Link>
      </div>
    </main>
  );
}
