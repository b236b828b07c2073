// Every sentence a holder or a member of staff reads comes from the catalogues (messages/), so that
// it exists in every language: none written in a page or component of app/, an email template, an
// error map, the eligibility explainer or a form field's message. Found by reading the files
// (./english-in-code.ts), so a new page is covered without being listed here.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, filesUnder } from '../support-console/app-harness.ts';
import { englishIn, type Finding, type Kind } from './english-in-code.ts';

/**
 * Files of app/ whose text stays English, each with why. The local stand-ins' inboxes are the
 * developer's tools, named as the developer knows them; app/dev/layout.tsx marks everything under
 * /dev/ as English (lang="en"), which the last test below checks.
 */
const ENGLISH_ON_PURPOSE: ReadonlyArray<{ files: RegExp; why: string }> = [
  { files: /^app\/dev\//, why: 'the stand-ins’ inboxes and clock, for developers only (STANDINS=on)' },
  { files: /^app\/_kinds\/[^/]+\/dev(-[^/]+)?\.tsx?$/, why: 'a kind’s stand-in inbox, shown only under /dev/' },
  { files: /^app\/_kinds\/inbox-registry\.ts$/, why: 'the stand-ins’ inboxes’ names, for the dev pages and the stand-ins banner' },
];

/**
 * The files of src/ whose every sentence is for a reader, besides the error maps (every errors.ts):
 * the email templates, the eligibility explainer (the holder's page, setup, emails and the support
 * console word a state through it) and the form fields' messages.
 */
const SENTENCE_FILES = ['src/mail/templates.ts', 'src/eligibility/emails.ts', 'src/eligibility/explain.ts', 'src/accounts/fields.ts'];

/** The sources read, with how: pages and components, and the files of sentences (email templates, error maps). */
function sources(): Array<{ file: string; kind: Kind }> {
  const rel = (f: string) => relative(ROOT, f).split('\\').join('/');
  const app = filesUnder(join(ROOT, 'app'), (f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map(rel)
    .filter((file) => !ENGLISH_ON_PURPOSE.some((e) => e.files.test(file)))
    .map((file) => ({ file, kind: 'app' as const }));
  const errorMaps = filesUnder(join(ROOT, 'src'), (f) => /(^|[\\/])errors\.ts$/.test(f)).map(rel);
  const sentences = [...SENTENCE_FILES, ...errorMaps].map((file) => ({ file, kind: 'sentences' as const }));
  return [...app, ...sentences];
}

const show = (f: Finding) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`;

describe('the finder of English in the code', () => {
  it('finds an English label, button text, JSX text, a page title and a sentence in a component', () => {
    const fixture = [
      "export const metadata = { title: 'Trusted Devices' };",
      'export function Page({ on }: { on: boolean }) {',
      '  return (',
      '    <main>',
      '      <h1>Trusted Devices</h1>',
      '      <Field name="phone" label="Phone number" hint={on ? "Include the country code." : undefined} />',
      '      <PendingButton className="button" label={t("send")} pendingLabel="Sending…" />',
      '      <p>{on ? "It is on." : t("off")}</p>',
      '      <img alt="A phone" src="/phone.png" />',
      '      <Copy refused="Your browser did not allow copying." />',
      '    </main>',
      '  );',
      '}',
      "const EMPTY = 'No trusted devices yet.';",
    ].join('\n');
    expect(englishIn('app/fixture.tsx', fixture, 'app').map((f) => `${f.line} ${f.text}`)).toEqual([
      '1 Trusted Devices',
      '5 Trusted Devices',
      '6 Phone number',
      '6 Include the country code.',
      '7 Sending…',
      '8 It is on.',
      '9 A phone',
      '10 Your browser did not allow copying.',
      '14 No trusted devices yet.',
    ]);
  });

  it('lets through what is not a sentence: class names, ids, addresses, test ids, catalogue keys, the brand, language names, English marked lang="en", errors thrown and JSON for programs', () => {
    const fixture = [
      "import { x } from '../some where/else';",
      'export function Page({ state, on }: { state: string; on: boolean }) {',
      "  if (state === 'setup is running') return null;",
      "  if (!state) throw new Error('the page needs a state');",
      "  if (state === 'api') return Response.json({ error: 'A support staff session cannot use customer pages.' });",
      '  return (',
      '    <main className="panel wide" id="main" data-testid="some thing">',
      '      <a href="/account/security" className={`button ${state}`}>{t("securityLink")}</a>',
      '      <span className="brand">Two-Step</span> <option lang="fr">Français</option> {1} · —',
      '      <Time show="dateTime" purpose="sign-in" defaultCountry="US" />',
      '      <AppRequestBanner doing="confirmWithDevice" label={on ? "setup.heading" : "month"} />',
      '      <div lang="en">Local stand-ins are on</div>',
      '    </main>',
      '  );',
      '}',
    ].join('\n');
    expect(englishIn('app/fixture.tsx', fixture, 'app')).toEqual([]);
  });

  it('finds every sentence in an email template or an error map, a template with arguments included', () => {
    const fixture = [
      'export const ERRORS = {',
      "  NO_CODE: 'Ask for a code first.',",
      '  CODE_MALFORMED: (digits: number) => `Enter the ${digits}-digit code.`,',
      "  CODE: 'code',",
      '};',
    ].join('\n');
    expect(englishIn('src/codes/errors.ts', fixture, 'sentences').map((f) => f.text)).toEqual([
      'Ask for a code first.',
      'Enter the {…}-digit code.',
    ]);
  });
});

describe('every sentence comes from the catalogues', () => {
  const all = sources();

  it('reads the pages, components, email templates and error maps', () => {
    expect(all.filter((s) => s.kind === 'app').length).toBeGreaterThan(100);
    expect(all.map((s) => s.file)).toEqual(expect.arrayContaining(['app/layout.tsx', 'src/mail/templates.ts', 'src/codes/errors.ts']));
  });

  for (const { file, kind } of all) {
    it(`has no English in ${file}`, () => {
      expect(englishIn(file, readFileSync(join(ROOT, file), 'utf8'), kind).map(show)).toEqual([]);
    });
  }

  it('marks the developers’ pages as English (lang="en"), so that a screen reader reads them as English', () => {
    expect(readFileSync(join(ROOT, 'app/dev/layout.tsx'), 'utf8')).toMatch(/<main lang="en"/);
  });
});
