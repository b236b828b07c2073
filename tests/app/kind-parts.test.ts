// Each kind of trusted device brings its own part of the holder's pages (app/_kinds/<kind>/, listed
// by app/_kinds/*registry.tsx by the kind's id): every kind of src/kinds/registry.ts has one, and
// the pages' sentences made of the kinds' words (app/_kinds/wording.ts) read as they did when the
// pages named each kind.
import { describe, expect, it } from 'vitest';
import { allKinds } from '../../src/kinds/registry.ts';
import { kindPage, kindUiOf, kindUis } from '../../app/_kinds/registry.tsx';
import { signStepOf } from '../../app/_kinds/proof-registry.tsx';
import { kindHelp } from '../../app/_kinds/help-registry.tsx';
import { devInboxes, inboxPage } from '../../app/_kinds/inbox-registry.ts';
import { besidePanel, codeOrSignature, listed, waysToConfirm, type KindWords } from '../../app/_kinds/wording.ts';
import { formattingLocale, translator } from '../../src/i18n/translate.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import { QUESTIONS } from '../../app/help/two-step/question.tsx';

describe("the kinds' parts of the holder's pages", () => {
  it('every kind has its part of the Trusted Devices page and its help question, in the kinds’ order', () => {
    const ids = allKinds().map((k) => k.id);
    expect(kindUis().map((u) => u.id)).toEqual(ids);
    expect(kindHelp().map((h) => h.id)).toEqual(ids);
    for (const id of ids) expect(kindUiOf(id)?.id).toBe(id);
    expect(kindUiOf('no-such-kind')).toBeUndefined();
  });

  it('every kind that signs has its second-step button, and no other kind has one', () => {
    for (const kind of allKinds()) expect(Boolean(signStepOf(kind.id)), kind.id).toBe(kind.proof.by === 'signature');
  });

  it('a kind that makes its own codes has a way back to finish its setup; one we send codes to is finished by its code', () => {
    for (const ui of kindUis()) {
      const by = allKinds().find((k) => k.id === ui.id)!.proof.by;
      if (by === 'own-code') expect(ui.finishSetup?.('dev 1'), ui.id).toBe('/account/security/devices/authenticator?id=dev%201');
      if (by === 'sent-code') expect(ui.finishSetup, ui.id).toBeUndefined();
    }
  });

  it("a kind's own page is found by its slug, and no other name", () => {
    expect(kindPage('authenticator')?.titleKey).toBe('totp.page.title');
    for (const slug of ['', 'sms', 'passkey', 'Authenticator', '..']) expect(kindPage(slug), slug).toBeUndefined();
  });

  it('the stand-in inboxes are the ones the banner and the dev menu named, and /dev/[inbox] serves only the kinds’', () => {
    expect(devInboxes().map((i) => [i.slug, i.carries, i.inbox, i.menu])).toEqual([
      ['sms', 'texts', 'SMS', 'SMS'],
      ['mail', 'emails', 'mail', 'Mail'],
      ['devices', 'pushes', 'device', 'Devices'],
    ]);
    expect(inboxPage('sms')?.page?.metadata).toEqual({ title: 'SMS Inbox' });
    expect(inboxPage('devices')?.page?.metadata).toEqual({ title: 'Simulated Devices' });
    // The mail's inbox has its own route (app/dev/mail/); anything else is not found.
    for (const slug of ['mail', 'clock', 'push', '']) expect(inboxPage(slug), slug).toBeUndefined();
  });
});

describe("the pages' sentences made of the kinds' words", () => {
  it('lists with "and", or with ", or"', () => {
    expect(listed([])).toBe('');
    expect(listed(['texts'])).toBe('texts');
    expect(listed(['texts', 'emails', 'pushes'])).toBe('texts, emails and pushes');
    expect(listed(['a', 'b'], 'or')).toBe('a, or b');
  });

  it('the Trusted Devices page names every way to confirm', () => {
    expect(waysToConfirm(kindUis(), 6, wordsIn('en'))).toBe(
      'a 6-digit code we send to a phone number or iOS device, a code from an authenticator app, or a passkey',
    );
  });

  it('the two-step page offers a code or a signature', () => {
    expect(codeOrSignature(kindUis(), wordsIn('en'))).toBe('a code from it or a passkey');
  });

  it("in another language, the kinds' words and its way of listing them", () => {
    expect(waysToConfirm(kindUis(), 6, wordsIn('de'))).toBe(
      'einen 6-stelligen Code, den wir an eine Telefonnummer oder ein iOS-Gerät senden, einen Code aus einer Authentifizierungs-App oder einen Passkey',
    );
    const beside = kindUis().flatMap((u) => ('beside' in u.adding ? [{ id: u.id, ...u.adding.beside }] : []));
    expect(besidePanel(beside, wordsIn('de')).heading).toBe('Authentifizierungs-Apps und Passkeys');
  });

  it('the panel of the kinds beside the phone numbers', () => {
    const beside = kindUis().flatMap((u) => ('beside' in u.adding ? [{ id: u.id, ...u.adding.beside }] : []));
    const words = wordsIn('en');
    expect(besidePanel(beside, words)).toEqual({
      heading: 'Authenticator Apps and Passkeys',
      hint:
        'An authenticator app on your phone keeps making new codes, even without a signal. A passkey or security key proves it' +
        "'s you without a code, and can't be tricked by a fake website. Both work next to your phone number, not instead of it.",
    });
    expect(besidePanel(beside.slice(0, 1), words).hint).toMatch(/ It works next to your phone number/);
  });

  it("the help page's questions, the kinds' in their place", () => {
    const t = translator({ locale: 'en', timeZone: null });
    expect(Object.entries(QUESTIONS).map(([id, key]) => [id, t(key)])).toEqual([
      ['what', 'What does it protect?'],
      ['two-factor', 'Is it the same as two-factor authentication?'],
      ['set-up', 'How do I set it up?'],
      ['how', 'How does signing in work with it on?'],
      ['questions', 'Do I still need my security questions?'],
      ['numbers', 'Which phone numbers should I add?'],
      ['find-my', 'Can an iPhone or iPad get codes as notifications?'],
      ['authenticator', 'Can I use an authenticator app?'],
      ['passkeys', 'Can I use a passkey or security key?'],
      ['keep-key', 'Where should I keep my Recovery Key?'],
      ['apps', "What about apps that can't ask for a code?"],
      ['remember', 'What am I responsible for?'],
      ['lost', 'What if I lose my key, my password or a device?'],
      ['wait', 'Why do I have to wait before setting it up?'],
      ['off', 'How do I turn it off?'],
      ['where', 'Is it offered where I live?'],
    ]);
  });
});

/** The kinds' words of a language, as a page of that language reads them. */
function wordsIn(locale: Locale): KindWords {
  const t = translator({ locale, timeZone: null });
  return { t: (key, values) => t(`kinds.${key}`, values), locale: formattingLocale(locale) };
}
