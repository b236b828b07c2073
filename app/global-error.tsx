'use client';
// The last resort: the root layout itself failed. It replaces the layout, so it draws its own
// <html> and <body> and a plain top bar, in the portal's look. The layout is what knows the
// request's language and hands the page its sentences: without it this page speaks English, from
// the English catalogue, and says so (lang="en").
import './globals.css';
import { NextIntlClientProvider } from 'next-intl';
import clientForms from '../messages/en/clientForms.json';
import { SomethingWentWrong } from './components/something-went-wrong.tsx';

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <NextIntlClientProvider locale="en-US" timeZone="UTC" messages={{ clientForms }}>
          <nav className="topbar">
            <div className="topbar-inner">
              <a className="brand" href="/">
                Two-Step
              </a>
            </div>
          </nav>
          <SomethingWentWrong digest={error.digest} reset={reset} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
