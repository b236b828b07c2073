// The activity labels in the reader's language: one sentence per kind in every catalogue, the names
// the holder or the app gave kept as they are, and the English labels the same sentences.
import { describe, expect, it } from 'vitest';
import { activityLabel, activitySaid, browserSaid } from '../../src/security-events/activity.ts';
import { SECURITY_EVENT_KINDS } from '../../src/security-events/record.ts';
import { translator } from '../../src/i18n/translate.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

const say = (locale: (typeof LOCALES)[number], said: { key: string; facts: Record<string, string> }) =>
  translator({ locale, timeZone: null })(said.key, said.facts);

describe('activity in every language', () => {
  it('says every kind, for the holder and for the agent, with no key or argument left showing', () => {
    const details = JSON.stringify({ staffName: 'Sam Staff', title: 'Phone (+1 ••• ••34)', app: 'iCloud (demo)' });
    for (const locale of LOCALES) {
      for (const kind of [...SECURITY_EVENT_KINDS, 'from-a-newer-version']) {
        for (const reader of ['holder', 'agent'] as const) {
          for (const d of [null, details]) {
            const text = say(locale, activitySaid(kind, d, reader));
            expect(text, `${locale} ${kind} ${reader}`).not.toMatch(/[{}]|changes\./);
            if (locale === 'en') expect(text).toBe(activityLabel(kind, d, reader));
          }
        }
      }
    }
  });

  it('keeps what was named as it was typed, in the sentence of the language', () => {
    const device = activitySaid('trusted-device-added', JSON.stringify({ title: 'Telefon von Oma' }));
    expect(say('de', device)).toBe('Telefon von Oma hinzugefügt');
    expect(say('fr', activitySaid('support-looked-up', JSON.stringify({ staffName: 'Sam Staff' }), 'agent'))).toBe(
      'Sam Staff a consulté ce compte',
    );
    expect(say('ja', browserSaid(null))).toBe('不明なブラウザ');
    const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
    expect(say('es', browserSaid(chrome))).toBe('Chrome en Linux');
  });
});
