// Readable forms (docs/product.md#forms): link, banner and text colours meet WCAG 2.1's 4.5:1 on
// the backgrounds they are used on (app/globals.css). The colours are read from the stylesheet, so
// a change there is checked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../app/globals.css', import.meta.url), 'utf8');
const vars = Object.fromEntries([...css.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2].toLowerCase()]));

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('colour contrast of app/globals.css', () => {
  it('the formula: #0071e3 on #f5f5f7 is the 4.31:1 measured in the issue', () => {
    expect(contrast('#0071e3', '#f5f5f7')).toBeCloseTo(4.31, 2);
  });

  const pairs: Array<[string, string, string]> = [
    ['blue', 'page', 'links on the page'],
    ['blue', '#ffffff', 'links in panels'],
    ['blue', '#e8f2fd', 'links in notices and the support bar'],
    ['blue', '#fff8e6', 'links in the stand-ins banner'],
    ['blue', '#e3f5e8', 'links in success notices'],
    ['#ffffff', 'blue', 'text on blue buttons'],
    ['amber', 'amber-bg', 'the stand-ins banner and "off" badges'],
    ['muted', 'page', 'muted text on the page'],
    ['muted', '#ffffff', 'muted text in panels'],
    ['muted', '#e8f2fd', 'muted text in notices'],
    ['red', 'red-bg', 'form errors'],
    ['red', '#ffffff', 'the error summary'],
    ['red', 'page', 'field errors'],
    ['green', '#e3f5e8', 'success notices'],
    ['ink', 'page', 'body text'],
  ];
  it.each(pairs)('%s on %s (%s): 4.5:1 or more', (fg, bg) => {
    const colour = (c: string) => (c.startsWith('#') ? c : vars[c]);
    expect(colour(fg), fg).toMatch(/^#/);
    expect(colour(bg), bg).toMatch(/^#/);
    expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(4.5);
  });
});
