// The documentation leads somewhere: every relative link and image in the tracked Markdown files
// (README.md, docs/, deploy/README.md, …) points to a file that exists, every #anchor to a heading
// of that page, and every repository path the docs name in a code span exists. docs/rules.md names
// the file that holds each rule and the test that proves it; a rename must not leave it stale.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorOf, anchorsOf, brokenLinks, linkTargets, missingPaths } from './markdown.ts';

const root = process.cwd();
const markdownFiles = execFileSync('git', ['ls-files', '*.md'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f !== '' && !f.startsWith('node_modules/'));

describe('the Markdown helpers', () => {
  it('find links and images outside code blocks, and make anchors as GitHub does', () => {
    const page = '# Sign-in and lockouts\n[a](docs/rules.md#x) ![b](img.png "t")\n```\n[c](nowhere.md)\n```\n## Sign-in and lockouts\n';
    expect(linkTargets(page)).toEqual(['docs/rules.md#x', 'img.png']);
    expect(anchorOf('The 30 days after a wait')).toBe('the-30-days-after-a-wait');
    expect([...anchorsOf(page)]).toEqual(['sign-in-and-lockouts', 'sign-in-and-lockouts-1']);
  });

  it('report a missing file, a missing anchor and a missing path, and pass good ones', () => {
    const page =
      '# Here\n[ok](rules.md#recovery-key) [self](#here) [nowhere here](#there) [web](https://example.com)\n' +
      '[gone](no-such-page.md) [bad anchor](rules.md#no-such-rule) [up](../../outside.md)\n`src/clock.ts` `src/no-such-file.ts`\n';
    expect(brokenLinks(root, 'docs/page.md', page)).toEqual([
      '#there (no heading makes #there on this page)',
      'no-such-page.md (no file docs/no-such-page.md)',
      'rules.md#no-such-rule (no heading makes #no-such-rule in docs/rules.md)',
      '../../outside.md (no file ../outside.md)',
    ]);
    expect(missingPaths(root, page)).toEqual(['src/no-such-file.ts']);
  });
});

describe('the documentation', () => {
  it('has the pages the README sends readers to', () => {
    for (const page of [
      'README.md',
      'docs/rules.md',
      'docs/product.md',
      'docs/operating.md',
      'docs/security.md',
      'docs/performance.md',
      'docs/development.md',
    ]) {
      expect(markdownFiles).toContain(page);
    }
  });

  it.each(markdownFiles)('%s: every relative link and anchor resolves', (file) => {
    expect(brokenLinks(root, file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  it.each(markdownFiles)('%s: every repository path in a code span exists', (file) => {
    expect(missingPaths(root, readFileSync(file, 'utf8'))).toEqual([]);
  });
});
