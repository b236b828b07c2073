'use client';
// Copy for what is shown once and typed or read elsewhere (a support PIN, a Recovery Key, an
// app-specific password). The button says nothing about the outcome itself: the status beside it,
// a polite live region that is on the page from the start, says whether the browser allowed it.
import { useState } from 'react';

export function CopyButton({
  text,
  label,
  copied,
  refused,
  className = 'button secondary',
}: {
  /** Exactly what goes on the clipboard (the digits or letters, without the spaces shown for reading). */
  text: string;
  /** The button's own word ("Copy", "Copy PIN"), in the page's language. */
  label: string;
  /** Said once copied. */
  copied: string;
  /** Said when the browser refused, with what to do instead. */
  refused: string;
  className?: string;
}) {
  const [said, setSaid] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setSaid(copied);
    } catch {
      setSaid(refused);
    }
  }

  return (
    <>
      <button type="button" className={className} onClick={() => void copy() /* copy() says itself whether it worked */}>
        {label}
      </button>
      <span className="copy-status small muted" role="status">
        {said}
      </span>
    </>
  );
}
