// What the documentation tests read in Markdown: its links, its headings' anchors (as GitHub makes
// them) and the repository paths it names in code spans. Pure functions of the text, so the tests
// can show that each check fails on a broken page.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** The targets of `[text](target)` and `![alt](target)`, outside fenced code blocks. */
export function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor a page's headings make (GitHub numbers repeated ones: name, name-1, …). */
export function anchorsOf(markdown: string): Set<string> {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '');
  const anchors = new Set<string>();
  for (const m of prose.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const base = anchorOf(m[1]!);
    let a = base;
    for (let n = 1; anchors.has(a); n++) a = `${base}-${n}`;
    anchors.add(a);
  }
  return anchors;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * The links of one page (at `file`, relative to `root`) that lead nowhere: a file that does not
 * exist, or an anchor that no heading of the target page makes.
 */
export function brokenLinks(root: string, file: string, markdown: string): string[] {
  const broken: string[] = [];
  for (const target of linkTargets(markdown)) {
    if (EXTERNAL.test(target)) continue;
    const [path, anchor] = target.split('#', 2) as [string, string | undefined];
    if (path === '') {
      if (anchor && !anchorsOf(markdown).has(anchor)) broken.push(`${target} (no heading makes #${anchor} on this page)`);
      continue;
    }
    const resolved = normalize(join(dirname(file), decodeURIComponent(path)));
    if (resolved.startsWith('..') || !existsSync(join(root, resolved))) {
      broken.push(`${target} (no file ${resolved})`);
      continue;
    }
    if (anchor && resolved.endsWith('.md') && !anchorsOf(readFileSync(join(root, resolved), 'utf8')).has(anchor)) {
      broken.push(`${target} (no heading makes #${anchor} in ${resolved})`);
    }
  }
  return broken;
}

/** The top folders whose paths the docs name in code spans, such as `src/codes/codes.ts`. */
const REPO_FOLDERS = ['app', 'deploy', 'dev', 'docs', 'e2e', 'prisma', 'scripts', 'src', 'tests'];
const PATH_SPAN = new RegExp('`((?:' + REPO_FOLDERS.join('|') + ')/[A-Za-z0-9_./@[\\]-]*)`', 'g');

/** Repository paths named in code spans (no wildcards or placeholders) that do not exist. */
export function missingPaths(root: string, markdown: string): string[] {
  return [...markdown.matchAll(PATH_SPAN)].map((m) => m[1]!).filter((p) => !existsSync(join(root, p)));
}
