'use client';
// One link of the signed-out footer's language switch: the same page with the language chosen
// (?lang=, which proxy.ts keeps in the cookie and drops), its other parameters kept, so that
// choosing a language in the middle of an app's sign-in (?interaction=) does not lose the app.
import type { ReactNode } from 'react';
import { useSearchParams } from 'next/navigation';
import { LANGUAGE_COOKIE } from '@/src/i18n/language-cookie.ts';

export function LanguageLink({ locale, children }: { locale: string; children: ReactNode }) {
  const query = new URLSearchParams(useSearchParams());
  query.set(LANGUAGE_COOKIE.param, locale);
  return (
    <a href={`?${query.toString()}`} lang={locale} hrefLang={locale}>
      {children}
    </a>
  );
}
