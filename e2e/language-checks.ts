// What a page in the pseudo-locale (src/i18n/pseudo.ts: every letter of the catalogue accented, each
// sentence 40 % longer) must show: no English left, which there stands out as plain ASCII words, and
// nothing clipped or overflowing, since the longer sentences are what the longest languages need.
import type { Page } from '@playwright/test';
import { expect, test } from './csp-guard.ts';
import { LANGUAGE_COOKIE } from '../src/i18n/language-cookie.ts';
import { LANGUAGE_NAMES } from '../src/i18n/locales.ts';
import { BROWSER_AND_SYSTEM_NAMES } from '../src/security-events/activity.ts';

/**
 * The language the page's next requests are answered in: `language` as a signed-out page's footer
 * chooses it (its cookie, which comes before the browser's Accept-Language), or, with null, the
 * browser's own again. The browser's is Playwright's `locale` option: it sets Accept-Language.
 */
export async function readIn(page: Page, language: string | null) {
  if (language === null) return page.context().clearCookies({ name: LANGUAGE_COOKIE.name });
  await page.context().addCookies([{ name: LANGUAGE_COOKIE.name, value: language, url: test.info().project.use.baseURL! }]);
}

/**
 * Names the same in every language: the product's, each language's in itself ("Pages are in
 * English"), and the browsers' and systems' a holder's activity names ("Chrome on Linux").
 */
const NAMES = ['Two-Step', ...Object.values(LANGUAGE_NAMES), ...BROWSER_AND_SYSTEM_NAMES];

/**
 * The words the server's Intl writes for the pseudo-locale, which formats as US English (months,
 * days, units, regions, time zones): not the catalogue's, so not English left. Taken from this
 * process's Intl (the portal's runtime, where the pages are made), as the browser's may differ.
 */
function intlWords(): string[] {
  const allowed = new Set<string>();
  const allow = (s: string | undefined) => {
    for (const w of (s ?? '').match(/[A-Za-z]+/g) ?? []) allowed.add(w.toLowerCase());
  };
  for (let m = 0; m < 12; m++)
    for (const month of ['long', 'short'] as const)
      allow(new Date(Date.UTC(2024, m, 15)).toLocaleString('en-US', { month, timeZone: 'UTC' }));
  for (let d = 0; d < 7; d++)
    for (const weekday of ['long', 'short'] as const) allow(new Date(Date.UTC(2024, 0, 7 + d)).toLocaleString('en-US', { weekday }));
  for (const unit of ['day', 'hour', 'minute', 'second'])
    for (const n of [1, 2]) allow(new Intl.NumberFormat('en-US', { style: 'unit', unit, unitDisplay: 'long' }).format(n));
  const regions = new Intl.DisplayNames(['en-US'], { type: 'region' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters)
    for (const b of letters) {
      try {
        allow(regions.of(a + b));
      } catch {
        // not a region code
      }
    }
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    allow(zone);
    for (const timeZoneName of ['long', 'longGeneric'] as const)
      for (const at of [new Date(Date.UTC(2027, 0, 15)), new Date(Date.UTC(2027, 6, 15))])
        allow(
          new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName }).formatToParts(at).find((p) => p.type === 'timeZoneName')
            ?.value,
        );
  }
  allow('AM PM UTC GMT');
  return [...allowed];
}
const INTL_WORDS = intlWords();

/**
 * The texts of the page a reader meets (visible text, the names and hints in attributes, the title)
 * that still hold English: a run of four or more plain ASCII letters, once `data` (what the holder
 * typed or was given: names, Apple IDs, keys), addresses and URLs are taken out. What the browser's
 * Intl writes for the pseudo-locale, which formats as US English (month and day names, units,
 * regions, time zones), is not the catalogue's and is let through, as are the NAMES. Text marked as
 * another language (lang="en" on the stand-ins' banner, each language's name in the chooser) is
 * left alone. Every <details> is opened first, so its contents are read too.
 */
export async function englishLeft(page: Page, data: readonly string[] = []): Promise<string[]> {
  return page.evaluate(
    ([data, NAMES, INTL_WORDS]) => {
      const allowed = new Set(INTL_WORDS);
      // Addresses and URLs first: an Apple ID inside a rescue address ("rescue.nima@…") would leave "rescue".
      const stripped = (text: string) => {
        let s = text.replace(/https?:\/\/\S+/g, ' ').replace(/[^\s@]+@[^\s@]+/g, ' ');
        for (const d of [...data, ...NAMES]) s = s.split(d).join(' ');
        return s;
      };
      const isEnglish = (text: string) => (stripped(text).match(/[A-Za-z]{4,}/g) ?? []).some((w) => !allowed.has(w.toLowerCase()));
      // Marked as written in a language of its own: the stand-ins' banner (English), each language's name
      // in the chooser; and the lists Intl writes whole on the server (countries, time zones), whose
      // names for the pseudo-locale are US English by the runtime's own data.
      const englishOnPurpose = (el: Element) =>
        el.closest('script, style, noscript, template, [lang]:not(html), select[name="countryCode"], select[name="timeZone"]') !== null;
      const seen = (el: Element) => el.checkVisibility({ visibilityProperty: true }) || el.closest('select')?.checkVisibility() === true;

      for (const details of document.querySelectorAll('details')) details.open = true;
      const found: string[] = [];
      const report = (where: string, text: string) => {
        const clean = text.replace(/\s+/g, ' ').trim();
        if (isEnglish(clean)) found.push(`${where}: ${clean.slice(0, 140)}`);
      };
      report('title', document.title);
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent && !englishOnPurpose(parent) && seen(parent)) report(parent.localName, node.textContent ?? '');
      }
      for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
        if (englishOnPurpose(el)) continue;
        for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'])
          if (el.hasAttribute(name)) report(`${el.localName}[${name}]`, el.getAttribute(name)!);
      }
      return [...new Set(found)];
    },
    [data, NAMES, INTL_WORDS] as const,
  );
}

/**
 * What does not fit the page's width: the document wider than the window (a sideways scroll), and
 * every element that hides or clips what overflows it (overflow hidden or clip) while its content is
 * wider or taller than its box. A visually hidden element (1 px, for screen readers) clips on purpose.
 */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    const name = (el: Element) => `${el.localName}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
    const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
    if (root.scrollWidth > window.innerWidth + 1) {
      // Named by the innermost elements that reach past the window's right edge: where the width comes from.
      const past = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
      const innermost = past.filter((el) => !past.some((other) => other !== el && el.contains(other))).slice(0, 3);
      const culprits = innermost.map((el) => `${name(el)} "${text(el)}"`).join(', ');
      found.push(`the document is ${root.scrollWidth} px wide in a ${window.innerWidth} px window, past its edge: ${culprits}`);
    }
    const clips = (v: string) => v === 'hidden' || v === 'clip';
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (!el.checkVisibility({ visibilityProperty: true }) || el.clientWidth <= 1 || el.clientHeight <= 1) continue;
      const style = getComputedStyle(el);
      const wide = clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
      const tall = clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
      if (!wide && !tall) continue;
      const by = wide ? `${el.scrollWidth - el.clientWidth} px wider` : `${el.scrollHeight - el.clientHeight} px taller`;
      found.push(`${name(el)} (${by} than its box): ${text(el)}`);
    }
    return found;
  });
}

/**
 * Checks the page as it is now, named after what it shows: no English left, nothing clipped or
 * overflowing. Soft expectations, so one run reports every page; each page's findings are printed.
 */
export async function fitsInEveryLanguage(page: Page, what: string, data: readonly string[] = []) {
  await page.waitForLoadState('load');
  const english = await englishLeft(page, data);
  const overflow = await overflowing(page);
  const lines = [...english.map((e) => `  English: ${e}`), ...overflow.map((o) => `  Overflow: ${o}`)];
  console.log(
    `pseudo-locale ${what}: ${english.length} English, ${overflow.length} overflowing${lines.length ? `\n${lines.join('\n')}` : ''}`,
  );
  expect.soft(english, `English left on ${what}`).toEqual([]);
  expect.soft(overflow, `text clipped or overflowing on ${what}`).toEqual([]);
}
