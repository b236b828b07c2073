'use client';
// Moves focus to an element when it appears (a heading with tabIndex={-1}, or the Recovery Key's
// region), so a screen reader announces it and keyboard users start from there.
import { useEffect, useRef, type ReactNode } from 'react';

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
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag id={id} ref={ref} tabIndex={-1} className={className}>
      {children}
    </Tag>
  );
}
