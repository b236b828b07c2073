// A masked number is heard as "number ending in 06" in the page's language (the clientDevices
// catalogue), with its last two digits, never bullet by bullet; the rest of a label stays as typed.
import { describe, expect, it } from 'vitest';
import { spokenLabel } from '../../app/components/device-name.tsx';
import { translator } from '../../src/i18n/translate.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

const spokenIn = (locale: (typeof LOCALES)[number]) => {
  const t = translator({ locale, timeZone: null });
  return (lastTwo: string) => t('clientDevices.numberEndingIn', { lastTwo });
};

describe('a masked number, heard', () => {
  it('in English, as before', () => {
    expect(spokenLabel('+1 ••• ••• ••06', spokenIn('en'))).toBe('number ending in 06');
    expect(spokenLabel('Work phone (+1 ••• ••• ••34)', spokenIn('en'))).toBe('Work phone (number ending in 34)');
  });

  it('in every language, with its last two digits and no bullet', () => {
    const heard = LOCALES.map((locale) => spokenLabel('+1 ••• ••• ••06', spokenIn(locale)));
    for (const text of heard) {
      expect(text).toContain('06');
      expect(text).not.toContain('•');
    }
    expect(heard[LOCALES.indexOf('de')]).toBe('Nummer mit den Endziffern 06');
    expect(heard[LOCALES.indexOf('ja')]).toBe('末尾が06の番号');
    // Each language says it its own way.
    expect(new Set(heard).size).toBe(LOCALES.length);
  });

  it('leaves a label without a masked number as typed', () => {
    expect(spokenLabel('Jamie’s iPhone', spokenIn('fr'))).toBe('Jamie’s iPhone');
  });
});
