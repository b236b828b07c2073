// Every email the portal sends, as it is sent (composeEmail over each template): the support
// footer, no URL joined to punctuation, and an HTML part rendered from the same text. The kinds are
// the templates' modules' exports; a template added without a sample here fails the first test.
import { describe, expect, it } from 'vitest';
import * as mailTemplates from '../../src/mail/templates.ts';
import * as eligibilityEmails from '../../src/eligibility/emails.ts';
import { composeEmail, emailHtml, URL_IN_TEXT } from '../../src/mail/compose.ts';
import type { EmailContent } from '../../src/mail/templates.ts';

const APP_URL = 'https://two-step.test/';
const SUPPORT_URL = 'https://two-step.test/contact-support';
const at = new Date('2026-11-23T10:00:00Z');
const later = new Date('2026-11-26T10:00:00Z');
const NASTY = '<script>alert("x")</script> & Co';
// In a zone: the dates of every template are written in it (templates.test.ts checks the words).
const person = { name: `Jane ${NASTY}`, appleId: 'jane@example.com', timeZone: 'America/Los_Angeles', language: 'en' as const };
const link = 'https://two-step.test/reset/open?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** One or more samples of each template, by its export's name: every variant that words it differently. */
const SAMPLES: Record<string, () => EmailContent[]> = {
  welcomeEmail: () => [mailTemplates.welcomeEmail({ ...person, appUrl: APP_URL })],
  countryOfferedEmail: () => [mailTemplates.countryOfferedEmail({ ...person, country: 'Nepal', appUrl: APP_URL })],
  accountChangedEmail: () => [mailTemplates.accountChangedEmail({ ...person, change: 'password-changed', at })],
  appUsedFromNewBrowserEmail: () => [
    mailTemplates.appUsedFromNewBrowserEmail({ ...person, app: `iCloud ${NASTY}`, browser: 'Firefox on Linux', at, appUrl: APP_URL }),
  ],
  passwordResetLinkEmail: () => [mailTemplates.passwordResetLinkEmail({ ...person, link, expiresAt: later })],
  trustedDeviceEmail: () =>
    [true, false].map((added) =>
      mailTemplates.trustedDeviceEmail({ ...person, device: 'the phone number +1 ••• ••• ••34', uses: 'It can receive codes.', added, at }),
    ),
  wrongCodesAlertEmail: () => [
    mailTemplates.wrongCodesAlertEmail({
      ...person,
      at,
      wrongCodes: 5,
      sources: [
        { clientAddress: '203.0.113.7', userAgent: `Mozilla/5.0 ${NASTY}`, attempts: 4, lastAt: at },
        { clientAddress: null, userAgent: null, attempts: 1, lastAt: at },
      ],
    }),
  ],
  appPasswordEmail: () => [
    mailTemplates.appPasswordEmail({ ...person, label: `Mail ${NASTY}`, created: true, at }),
    mailTemplates.appPasswordEmail({ ...person, label: 'Mail', created: false, at }),
    mailTemplates.appPasswordEmail({ ...person, label: '', created: false, at, count: 3 }),
  ],
  twoStepOnEmail: () => [mailTemplates.twoStepOnEmail({ ...person, at, appUrl: APP_URL })],
  recoveryKeyReplacedEmail: () => [mailTemplates.recoveryKeyReplacedEmail({ ...person, at })],
  twoStepOffEmail: () => [mailTemplates.twoStepOffEmail({ ...person, at, appUrl: APP_URL, waitingPeriodMs: 3 * 86_400_000 })],
  resetWithRecoveryKeyEmail: () => [mailTemplates.resetWithRecoveryKeyEmail({ ...person, appUrl: APP_URL })],
  activateAccountEmail: () => [
    mailTemplates.activateAccountEmail({ appleId: 'jane@example.com', link, expiresAt: later, timeZone: null, language: 'en' as const }),
  ],
  accountExistsEmail: () => [mailTemplates.accountExistsEmail({ ...person, at, appUrl: APP_URL })],
  waitingPeriodStartedEmail: () => [
    eligibilityEmails.waitingPeriodStartedEmail({ ...person, reason: 'password-changed', reasonAt: at, endsAt: later, appUrl: APP_URL }),
    eligibilityEmails.waitingPeriodStartedEmail({
      ...person,
      reason: 'setup-window-expired',
      reasonAt: at,
      endsAt: later,
      appUrl: APP_URL,
      extended: true,
      countryUnavailable: { country: 'Nepal', availableFrom: null },
    }),
  ],
  waitingPeriodEndedEmail: () => [eligibilityEmails.waitingPeriodEndedEmail({ ...person, completeBy: later, appUrl: APP_URL })],
  setupWindowClosingEmail: () => [eligibilityEmails.setupWindowClosingEmail({ ...person, completeBy: later, appUrl: APP_URL })],
};

/** The templates: every function the two template modules export whose name ends in "Email". */
const TEMPLATE_NAMES = [...Object.entries(mailTemplates), ...Object.entries(eligibilityEmails)]
  .filter(([name, value]) => typeof value === 'function' && name.endsWith('Email'))
  .map(([name]) => name)
  .sort();

const sent = Object.entries(SAMPLES).flatMap(([name, make]) =>
  make().map((content, i) => ({ label: `${name} #${i + 1}`, content, mail: composeEmail(content, APP_URL) })),
);

/** What a reader sees of an HTML part: its text, tags gone and entities read. */
function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('every email the portal sends', () => {
  it('has a sample here for every template the template modules export', () => {
    expect(TEMPLATE_NAMES.length).toBeGreaterThanOrEqual(17);
    expect(Object.keys(SAMPLES).sort()).toEqual(TEMPLATE_NAMES);
  });

  it.each(sent)('$label says how to reach support, with the contact page on a line of its own', ({ content, mail }) => {
    expect(mail.text.startsWith(content.text.trimEnd())).toBe(true);
    expect(mail.text.split('\n')).toContain(SUPPORT_URL);
    expect(mail.html).toContain(`<a href="${SUPPORT_URL}"`);
  });

  it.each(sent)('$label ends no URL in punctuation a mail client would take into the link', ({ mail }) => {
    const urls = [...mail.text.matchAll(URL_IN_TEXT)];
    expect(urls.length).toBeGreaterThan(0);
    for (const m of urls) {
      expect(m[0], m[0]).not.toMatch(/[.,;:)!?'"]$/);
      const next = mail.text.charAt(m.index + m[0].length);
      expect(next === '' || /\s/.test(next), `${m[0]} followed by ${JSON.stringify(next)}`).toBe(true);
    }
  });

  it.each(sent)('$label has an accessible HTML part with the same sentences as the text', ({ mail }) => {
    const html = mail.html;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain(`<title>${emailHtml(mail.subject, '').match(/<title>(.*)<\/title>/)![1]}</title>`);
    expect(html).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
    expect(html).toMatch(/<p[^>]*>/);
    // The same words: the subject (its heading) and the text, list markers aside.
    const textWords = mail.text
      .replace(/^\s+-\s+/gm, '')
      .replace(/\s+/g, ' ')
      .trim();
    expect(visibleText(html)).toBe(`${mail.subject} ${textWords}`);
    // Every link is named by its own URL, and is a URL the text gives.
    const links = [...html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)];
    expect(links.length).toBeGreaterThan(0);
    for (const [, href, name] of links) {
      expect(name).toBe(href);
      expect(mail.text).toContain(href!.replace(/&amp;/g, '&'));
    }
  });

  it.each(sent)('$label loads nothing and runs nothing: no image, script, stylesheet or remote resource', ({ mail }) => {
    const html = mail.html.toLowerCase();
    for (const banned of [
      '<img',
      '<script',
      '<style',
      '<link',
      '<iframe',
      '<object',
      '<embed',
      '<svg',
      '<form',
      ' src=',
      'url(',
      '@import',
    ]) {
      expect(html, banned).not.toContain(banned);
    }
    // The only attributes with an address are the links' href; style attributes only for looks.
    const attributes = [...html.matchAll(/\s([a-z-]+)="/g)].map((m) => m[1]);
    expect(new Set(attributes)).toEqual(new Set(['lang', 'charset', 'name', 'content', 'style', 'href']));
  });

  it('escapes what it inserts: a name with a script tag comes out as text', () => {
    const mail = composeEmail(mailTemplates.welcomeEmail({ ...person, appUrl: APP_URL }), APP_URL);
    expect(mail.text).toContain(NASTY);
    expect(mail.html).toContain('Dear Jane &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co,');
    expect(mail.html).not.toContain('<script');
    const subjectWithTag = emailHtml('A <b>bold</b> "subject"', 'Hello');
    expect(subjectWithTag).toContain('<title>A &lt;b&gt;bold&lt;/b&gt; &quot;subject&quot;</title>');
    expect(subjectWithTag).not.toContain('<b>');
  });

  it('runs a sentence the text part wraps across lines on as one line, and keeps the break after one that ends', () => {
    const html = emailHtml(
      'S',
      'To choose a new password, open this link\nbefore Thursday and answer:\nhttps://two-step.test/x\n\nHow to reach support:\nhttps://two-step.test/contact-support',
    );
    expect(html).toContain('open this link before Thursday and answer:<br>\n<a href="https://two-step.test/x"');
    expect(html).toContain('How to reach support:<br>\n<a href="https://two-step.test/contact-support"');
  });

  it('escapes a URL that carries markup, in its href and its name', () => {
    const html = emailHtml('Link', "Open:\nhttps://two-step.test/a?x=1&y=2'onmouseover=alert(1)");
    expect(html).toContain('<a href="https://two-step.test/a?x=1&amp;y=2&#39;onmouseover=alert(1)"');
    expect(html).not.toContain("'onmouseover");
  });

  it('renders paragraphs, line breaks and list items from the text', () => {
    const html = emailHtml('S', 'First line.\nSecond line\n\nThe list\n  - one\n  - two\nafter');
    expect(html).toContain('<p style="margin:0 0 16px">First line.<br>\nSecond line</p>');
    expect(html).toMatch(/<p[^>]*>The list<\/p>\n<ul[^>]*><li>one<\/li>\n<li>two<\/li><\/ul>\n<p[^>]*>after<\/p>/);
  });
});
