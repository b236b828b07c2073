// The width no line runs past (prettier.config.mjs, LINE_WIDTH): Prettier lays code out within it
// (`npm run format`), and ESLint's max-len refuses what Prettier cannot break, a
// comment. A sentence in a string or template may run on: breaking it would hide it from a search
// for the sentence. Linted in place of a file of this tree, as tests/architecture/promises-lint.
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The project's configuration with only the rule under test, and without the type information the
// other rules need: building the program for it took minutes on a busy machine.
const eslint = new ESLint({
  ruleFilter: ({ ruleId }) => ruleId === 'max-len',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});
const options = (await prettier.resolveConfig('src/clock.ts'))!;
const LINE_WIDTH = options.printWidth!;

async function rulesBroken(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'src/clock.ts' });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const comment = (width: number) => `// ${'w'.repeat(width - 3)}\nexport const a = 1;\n`;

describe(`lines of at most ${LINE_WIDTH} characters`, () => {
  it('Prettier lays code out within the width', async () => {
    const long = `export const f = (first: number, second: number) => [${Array.from({ length: 30 }, (_, i) => `first + second * ${i}`).join(', ')}];\n`;
    const formatted = await prettier.format(long, { ...options, filepath: 'src/clock.ts' });
    expect(Math.max(...formatted.split('\n').map((l) => l.length))).toBeLessThanOrEqual(LINE_WIDTH);
    expect(await prettier.check(readFileSync('src/clock.ts', 'utf8'), { ...options, filepath: 'src/clock.ts' })).toBe(true);
  });

  it('ESLint refuses a comment past the width, and takes one at it or a long sentence in a string', async () => {
    expect(await rulesBroken(comment(LINE_WIDTH + 1))).toEqual(['max-len']);
    expect(await rulesBroken(comment(LINE_WIDTH))).toEqual([]);
    expect(await rulesBroken(`export const s =\n  '${'w'.repeat(LINE_WIDTH)}';\n`)).toEqual([]);
  });
}, 120_000);
