'use client';
// A form that changes what the page is about in place ("Check your email" after Create Account)
// names the page anew, so the title and the tab say where the holder is, as a new page would.
import { useEffect } from 'react';
import { pageTitle } from '../lib/page-title.ts';

/** Titles the page `name` while `on`; gives the title back after. */
export function usePageTitle(name: string, on: boolean) {
  useEffect(() => {
    if (!on) return;
    const before = document.title;
    document.title = pageTitle(name);
    return () => {
      document.title = before;
    };
  }, [name, on]);
}
