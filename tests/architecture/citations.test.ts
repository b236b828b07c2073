// Comments, tests, scripts and docs cite what a clone of the repository holds: the rules in docs/
// (docs/rules.md#recovery-key), never a document or a ticket a reader cannot open (the team's
// rulebook folder and its source files, or an issue number). And every docs/ page and #anchor they
// cite exists, so a renamed heading cannot leave comments pointing nowhere.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorsOf } from './markdown.ts';

/** Citations of documents that live outside the repository. */
const OUTSIDE_CITATIONS: Array<[string, RegExp]> = [
  ['a rulebook source file ("seed 001", "seeds 002 and 003")', /\bseeds?[ _-]?0\d\d\b/i],
  ['the rulebook source folder', /\bseeds\//i],
  ['"the seeds"', /\bthe seeds\b/i],
  ['the rulebook page', /\bDOMAIN\.md\b/],
  ['the shared folder beside the clone', /\.\.\/shared\b/],
  ['an issue number', /\bissues?\s*#?\d+/i],
  ['a ticket or pull request number', /\b(?:PR|pull request|ticket|bug)s?\s*#\d+/i],
  ['a bare "(#12)" reference', /\(#\d+\)/],
];

/**
 * Tracked files not to scan: the lockfile, images, Apple's FAQ kept as a fixture, and the two tests
 * of these checks, whose examples of bad citations and broken links must stay bad.
 */
const NOT_OURS = [
  /^package-lock\.json$/,
  /^docs\/screenshots\//,
  /\.(?:png|jpe?g|gif|ico|webp|woff2?|db)$/i,
  /^tests\/eligibility\/fixtures\//,
  /^tests\/architecture\/(?:citations|docs-links)\.test\.ts$/,
];

const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f !== '' && !f.startsWith('node_modules/') && !f.startsWith('src/generated/') && !NOT_OURS.some((re) => re.test(f)))
  .filter((f) => existsSync(f));

/** Each line of `text` that cites a document outside the repository, with what it cites. */
export function outsideCitations(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const [what, re] of OUTSIDE_CITATIONS) if (re.test(line)) found.push(`line ${i + 1}: ${what}: ${line.trim()}`);
  });
  return found;
}

/** Each `docs/page.md#anchor` in `text` whose page or heading does not exist. */
export function brokenDocCitations(text: string): string[] {
  const broken: string[] = [];
  for (const m of text.matchAll(/\bdocs\/([\w-]+\.md)(?:#([\w-]+))?/g)) {
    const page = `docs/${m[1]}`;
    if (!existsSync(page)) broken.push(`${m[0]}: no such page`);
    else if (m[2] && !anchorsOf(readFileSync(page, 'utf8')).has(m[2])) broken.push(`${m[0]}: no such heading`);
  }
  return broken;
}

describe('the citation checks', () => {
  it('catch every way the outside documents were cited, and pass ordinary text', () => {
    const cited = [
      '// The Recovery Key (seed 001: 14 characters)',
      '// Wave 1 (seeds 002 and 003)',
      "const faq = readFileSync('fixtures/seed-001.txt')",
      // Built from parts, so this file names the folder beside the clone only as a bad example.
      `see ${['..', 'shared', 'seeds', '001.txt'].join('/')}`,
      '// (DOMAIN.md "Beyond the seeds")',
      '// (issue 11, part 2)',
      '// Issue 12 §4: forms',
      '// fixed in PR #42',
      '// (#17)',
    ];
    for (const line of cited) expect(outsideCitations(line), line).not.toEqual([]);
    const ordinary = [
      '// The Recovery Key (docs/rules.md#recovery-key): 14 characters',
      'export const AVAILABILITY_SEED = [];',
      'npm run db:seed -- --demo',
      '.recovery-sheet { color: #000; }',
      'html.replace(/&#39;/g, "\'")',
      '// 10 wrong codes in a row pause sending (an issue for the holder, not a lockout)',
    ];
    for (const line of ordinary) expect(outsideCitations(line), line).toEqual([]);
  });

  it('find a cited page or heading that does not exist', () => {
    expect(brokenDocCitations('// docs/rules.md#recovery-key and docs/known-browsers.md')).toEqual([]);
    expect(brokenDocCitations('// docs/rules.md#no-such-rule, docs/no-such-page.md')).toEqual([
      'docs/rules.md#no-such-rule: no such heading',
      'docs/no-such-page.md: no such page',
    ]);
  });
});

describe('the repository', () => {
  it('has the tracked files to check', () => {
    expect(tracked).toContain('src/runtime.ts');
    expect(tracked.length).toBeGreaterThan(300);
  });

  it('cites no document a clone lacks, in any tracked text file', () => {
    const found = tracked.flatMap((f) => outsideCitations(readFileSync(f, 'utf8')).map((c) => `${f} ${c}`));
    expect(found).toEqual([]);
  });

  it('cites only docs pages and headings that exist', () => {
    const found = tracked.flatMap((f) => brokenDocCitations(readFileSync(f, 'utf8')).map((c) => `${f}: ${c}`));
    expect(found).toEqual([]);
  });
});
