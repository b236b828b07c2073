// The language switch of signed-out pages: one link per language offered, each named in its own
// language and marked as such (lang, hreflang), so a visitor who cannot read the current page finds
// theirs. A link keeps the page and its parameters (./language-link.tsx; proxy.ts keeps the choice in a cookie).
// Signed in, the choice is on Password and Security and stored on the account.
import { LANGUAGE_NAMES, LOCALES, type AnyLocale } from '@/src/i18n/locales.ts';
import { LanguageLink } from './language-link.tsx';

export function LanguageLinks({ current, label }: { current: AnyLocale; label: string }) {
  return (
    <footer className="language-links">
      <nav aria-label={label}>
        <ul>
          {LOCALES.map((locale) => (
            <li key={locale}>
              {locale === current ? (
                <span lang={locale} aria-current="true">
                  {LANGUAGE_NAMES[locale]}
                </span>
              ) : (
                <LanguageLink locale={locale}>{LANGUAGE_NAMES[locale]}</LanguageLink>
              )}
            </li>
          ))}
        </ul>
      </nav>
    </footer>
  );
}
