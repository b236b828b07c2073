// ESLint's promise rules (eslint.config.mjs), on code they must refuse: a promise nobody waits for,
// and an async function handed where a plain callback is expected. Linted in place of a file of
// this tree (src/clock.ts: the project service must know the path; the text is the probe's), with
// the project's types; the same code with `await`, or `void` and a reason, passes. The first
// lint builds the whole program, hence the time allowed.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function rulesBroken(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'src/clock.ts' });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const send = 'async function send(): Promise<void> {}\n';

describe('the promise rules', () => {
  it('refuse a promise left floating, and take it awaited or voided', async () => {
    expect(await rulesBroken(`${send}export function f() {\n  send();\n}\n`)).toEqual(['@typescript-eslint/no-floating-promises']);
    expect(await rulesBroken(`${send}export async function f() {\n  await send();\n}\n`)).toEqual([]);
    expect(
      await rulesBroken(`${send}export function f() {\n  void send(); // fire and forget: send reports its own failures\n}\n`),
    ).toEqual([]);
  });

  it('refuse an async function where a callback returning nothing is expected', async () => {
    expect(await rulesBroken(`${send}export function f() {\n  setTimeout(async () => {\n    await send();\n  }, 1);\n}\n`)).toEqual([
      '@typescript-eslint/no-misused-promises',
    ]);
    expect(await rulesBroken(`${send}export function f() {\n  setTimeout(() => void send(), 1);\n}\n`)).toEqual([]);
  });
}, 120_000);
