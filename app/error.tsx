'use client';
// What a page shows when something failed on the server while drawing it (a Client Component, as
// Next.js requires of error.tsx).
import { SomethingWentWrong } from './components/something-went-wrong.tsx';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SomethingWentWrong digest={error.digest} reset={reset} />;
}
