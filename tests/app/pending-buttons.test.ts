// Every button that posts a form says it is being sent and ignores presses until the answer comes
// (app/components/submit-button.tsx): without it a slow answer looks like a dead button, and a second
// press sends the form twice. Found by reading every component under app/, as
// tests/fuzz/actions.int.test.ts finds every action: a new form is covered without being listed here.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP, filesUnder } from '../support-console/app-harness.ts';

const PENDING_COMPONENT = join('components', 'submit-button.tsx');

/** The opening tags `<name ...>` in JSX source, attributes included (a `>` inside `{...}` does not end one). */
function openingTags(source: string, name: string): string[] {
  const tags: string[] = [];
  const start = new RegExp(`<${name}(?=[\\s>/])`, 'g');
  for (let m = start.exec(source); m; m = start.exec(source)) {
    let depth = 0;
    let i = m.index + m[0].length;
    for (; i < source.length; i++) {
      const c = source[i];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0) break;
    }
    tags.push(source.slice(m.index, i + 1));
  }
  return tags;
}

/**
 * The raw elements of a source file that submit a form: a <button> not marked type="button" (a
 * button's default type is submit), and <input type="submit"> or type="image".
 */
export function rawSubmitters(source: string): string[] {
  const buttons = openingTags(source, 'button').filter((tag) => !/\btype="button"/.test(tag));
  const inputs = openingTags(source, 'input').filter((tag) => /\btype="(submit|image)"/.test(tag));
  return [...buttons, ...inputs];
}

const components = filesUnder(APP, (f) => f.endsWith('.tsx')).map((file) => ({
  file: relative(APP, file),
  source: readFileSync(file, 'utf8'),
}));

describe('the finder of buttons that post', () => {
  it('finds a button without a type, one of type submit, and submit inputs, even with a > in an attribute', () => {
    expect(rawSubmitters('<form><button>Go</button></form>')).toEqual(['<button>']);
    expect(rawSubmitters('<button className="button" type="submit">Go</button>')).toHaveLength(1);
    expect(rawSubmitters('<button onClick={() => (a > b ? go() : null)} className="x">Go</button>')).toEqual([
      '<button onClick={() => (a > b ? go() : null)} className="x">',
    ]);
    expect(rawSubmitters('<input type="submit" value="Go" /><input type="image" src="/go.png" />')).toHaveLength(2);
  });

  it('lets through buttons that post nothing and the other inputs', () => {
    expect(
      rawSubmitters('<button type="button" onClick={() => a > b}>Copy</button><input type="text" /><PendingButton label="Go" />'),
    ).toEqual([]);
  });
});

describe('every button that posts has a pending state', () => {
  it('finds the components to read', () => {
    expect(components.length).toBeGreaterThan(50);
    expect(components.filter((c) => c.source.includes('<form')).length).toBeGreaterThan(25);
  });

  it('no component but the pending button renders a button or input that submits', () => {
    const raw = components
      .filter((c) => c.file !== PENDING_COMPONENT)
      .flatMap((c) => rawSubmitters(c.source).map((tag) => `${c.file}: ${tag}`));
    expect(raw).toEqual([]);
  });

  it('every component with a form gives it a pending button', () => {
    const without = components
      .filter((c) => c.source.includes('<form') && !/<(PendingButton|SubmitButton)\b/.test(c.source))
      .map((c) => c.file);
    expect(without).toEqual([]);
  });

  it('the pending button is the one submit button, and says it is sending while its form is pending', () => {
    const source = components.find((c) => c.file === PENDING_COMPONENT)!.source;
    expect(rawSubmitters(source)).toEqual([expect.stringMatching(/type="submit"/)]);
    expect(source).toMatch(/const \{ pending \} = useFormStatus\(\);/);
    expect(source).toMatch(/\{pending \? props\.pendingLabel : props\.label\}/);
    expect(source).toMatch(/aria-disabled=\{pending \? true : undefined\}/);
  });
});
