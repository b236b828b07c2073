// axe-core on a page as it is now, against WCAG 2.1 A and AA: a soft expectation of no violations,
// named after what the page shows, so one run lists every page with violations (by rule, with the
// first elements). Every spec that reaches a page in a new state checks it here.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './csp-guard.ts';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function axe(page: Page, what: string) {
  await page.waitForLoadState('load');
  // A page's title comes with its metadata, which Next.js streams after the page when it is worked
  // out per request (generateMetadata: the title in the reader's language): wait for it, as a reader would.
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const summary = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes.length}× ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  console.log(`axe ${what}: ${violations.length} violation(s)${summary.length ? `\n  ${summary.join('\n  ')}` : ''}`);
  expect.soft(summary, `axe violations on ${what}`).toEqual([]);
}
