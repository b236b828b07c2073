// What is sent for every email: the template's content (templates.ts, src/eligibility/emails.ts)
// with the support footer added here, once, so no template can forget how to reach support, and
// rendered twice from that one text: the text part as it is, and an HTML part built from its lines
// (no second copy of the sentences). The outbox keeps the template's text; the mailer (smtp.ts)
// composes at send time, so a queued row gets the footer too.
//
// The HTML part is for mail clients that show only HTML, and for readers that need headings and
// links: lang, a title, an h1 (the subject), paragraphs, lists and links. No image, no script, no
// stylesheet, no remote resource of any kind: style attributes only, which a mail client's CSP
// keeps. Everything inserted is HTML-escaped.
import { CONTACT_SUPPORT_PATH, type EmailContent } from './templates.ts';
import { baseUrl, supportFooterLine } from './writing.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';

export interface ComposedEmail extends EmailContent {
  html: string;
}

/** A URL in a line of text: it runs to the next space (templates never follow a URL with punctuation). */
export const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;

/** The footer of every email, in its language: the contact page on a line of its own, so no punctuation joins the link. */
export function supportFooter(appUrl: string, language: Locale = DEFAULT_LOCALE): string[] {
  return [supportFooterLine(language), `${baseUrl(appUrl)}${CONTACT_SUPPORT_PATH}`];
}

/** The template's content with the support footer in its language, as a text part and an HTML part. */
export function composeEmail(content: EmailContent, appUrl: string): ComposedEmail {
  const language = content.language ?? DEFAULT_LOCALE;
  const text = [content.text.replace(/\s+$/, ''), '', ...supportFooter(appUrl, language), ''].join('\n');
  return { subject: content.subject, text, language, html: emailHtml(content.subject, text, language) };
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** One line, escaped, its URLs made links whose text is the URL itself. */
function lineHtml(line: string): string {
  let out = '';
  let last = 0;
  for (const m of line.matchAll(URL_IN_TEXT)) {
    const url = m[0];
    out += escapeHtml(line.slice(last, m.index));
    out += `<a href="${escapeHtml(url)}" style="${STYLE.link}">${escapeHtml(url)}</a>`;
    last = m.index + url.length;
  }
  return out + escapeHtml(line.slice(last));
}

const LIST_ITEM = /^\s+-\s+/;

/** A line that ends a sentence (or introduces what follows, like a link) keeps its break; Japanese ends them with full-width marks. */
const ENDS_SENTENCE = /[.!?:。！？：]$/;

/**
 * A paragraph's lines in HTML: the text part wraps sentences across lines, which a narrow screen
 * would show as ragged breaks, so a line that does not end a sentence runs on into the next one.
 */
function joinLines(lines: string[]): string {
  return lines.map((line, i) => lineHtml(line) + (i === lines.length - 1 ? '' : ENDS_SENTENCE.test(line) ? '<br>\n' : ' ')).join('');
}

const STYLE = {
  body: 'margin:0;padding:24px;background:#ffffff;color:#1d1d1f;font-family:-apple-system,BlinkMacSystemFont,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5',
  main: 'max-width:600px;margin:0 auto',
  h1: 'font-size:22px;line-height:1.3;margin:0 0 16px',
  p: 'margin:0 0 16px',
  ul: 'margin:0 0 16px;padding-left:24px',
  link: 'color:#0b57d0;text-decoration:underline;word-break:break-all',
};

/**
 * The HTML rendering of a text part: blank lines part paragraphs, a line ending a sentence within
 * one is kept as a line break, indented "- " lines are list items. The subject is the title and the heading;
 * `language` is the page's lang.
 */
export function emailHtml(subject: string, text: string, language: Locale = DEFAULT_LOCALE): string {
  const blocks: string[] = [];
  for (const paragraph of text.trim().split(/\n\s*\n/)) {
    let lines: string[] = [];
    let items: string[] = [];
    const flush = () => {
      if (lines.length) blocks.push(`<p style="${STYLE.p}">${joinLines(lines)}</p>`);
      if (items.length) blocks.push(`<ul style="${STYLE.ul}">${items.map((i) => `<li>${lineHtml(i)}</li>`).join('\n')}</ul>`);
      lines = [];
      items = [];
    };
    for (const line of paragraph.split('\n')) {
      if (LIST_ITEM.test(line)) {
        if (lines.length) flush();
        items.push(line.replace(LIST_ITEM, ''));
      } else {
        if (items.length) flush();
        lines.push(line.trim());
      }
    }
    flush();
  }
  const title = escapeHtml(subject);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    `<main style="${STYLE.main}">`,
    `<h1 style="${STYLE.h1}">${title}</h1>`,
    ...blocks,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
