// Which language a browser gets from its Accept-Language (RFC 9110 quality values), and the pseudo-locale.
import { describe, expect, it } from 'vitest';
import { knownLocale, negotiateLocale, offeredLocale, PSEUDO_LOCALE } from '@/src/i18n/locales.ts';
import { pseudoSentence } from '@/src/i18n/pseudo.ts';

describe('negotiateLocale', () => {
  it.each([
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-AT', 'de'],
    ['en-GB,en;q=0.9', 'en'],
    ['pt-PT,pt;q=0.9', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['ja-JP', 'ja'],
    ['nl-BE;q=0.5,it;q=0.9', 'it'],
    ['zh-CN,ko;q=0.9', 'en'],
    ['zh-CN,es;q=0.1', 'es'],
    ['', 'en'],
    ['*', 'en'],
    ['not a language!!, ;q=x', 'en'],
    [PSEUDO_LOCALE, PSEUDO_LOCALE],
  ])('%j → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it('answers English with no header', () => {
    expect(negotiateLocale(null)).toBe('en');
  });
});

describe('knownLocale and offeredLocale', () => {
  it('knows the languages offered and the pseudo-locale, and nothing else', () => {
    expect(knownLocale('ja')).toBe('ja');
    expect(knownLocale(PSEUDO_LOCALE)).toBe(PSEUDO_LOCALE);
    expect(knownLocale('xx')).toBeNull();
    expect(knownLocale(['fr'])).toBeNull();
    expect(offeredLocale(PSEUDO_LOCALE)).toBeNull();
    expect(offeredLocale('pt-BR')).toBe('pt-BR');
  });
});

describe('the pseudo-locale', () => {
  it('accents every letter, keeps arguments and makes the sentence 40 % longer', () => {
    const en = 'Wait {wait} before asking for another code.';
    const pseudo = pseudoSentence(en);
    expect(pseudo).toContain('{wait}');
    expect(pseudo.replace('{wait}', '')).not.toMatch(/[A-Za-z]/);
    expect(pseudo.length).toBeGreaterThanOrEqual(en.length * 1.4);
  });

  it('keeps plural forms and accents inside them', () => {
    const pseudo = pseudoSentence('{n, plural, one {# try} other {# tries}}');
    expect(pseudo).toContain('{n,plural,one{# ţŕý} other{# ţŕíéš}}');
  });
});
