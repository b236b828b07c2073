'use client';
// The last resort: the root layout itself failed. It replaces the layout, so it draws its own
// <html> and <body> and a plain top bar, in the portal's look.
import './globals.css';
import { SomethingWentWrong } from './components/something-went-wrong.tsx';

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <nav className="topbar">
          <div className="topbar-inner">
            <a className="brand" href="/">
              Two-Step
            </a>
          </div>
        </nav>
        <SomethingWentWrong digest={error.digest} reset={reset} />
      </body>
    </html>
  );
}
