'use client';
// What appears in place of what the holder acted on (a heading, a password, a PIN, a confirmation)
// takes focus when it appears: a screen reader reads it out, and keyboard users go on from there
// rather than from the top of the page or from a button that is gone.
import { useEffect, useRef, type ReactNode } from 'react';

/** A ref that moves focus to its element when it appears, and again whenever `key` changes. */
export function useFocusOnMount<T extends HTMLElement>(key?: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}

/** A heading that takes focus (tabIndex -1: focusable by script, not a Tab stop). */
export function FocusHeading({
  id,
  children,
  className,
  level = 1,
}: {
  id: string;
  children: ReactNode;
  className?: string;
  level?: 1 | 2;
}) {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag id={id} ref={ref} tabIndex={-1} className={className}>
      {children}
    </Tag>
  );
}

/**
 * What an in-place change left: it takes focus, and it is a polite live region (role="status"), so
 * the change is said even where focus alone is not read out.
 */
export function ChangedNotice({ children, className, testId }: { children: ReactNode; className?: string; testId?: string }) {
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div ref={ref} tabIndex={-1} role="status" className={className} data-testid={testId}>
      {children}
    </div>
  );
}
