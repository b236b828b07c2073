// The end-to-end run's portals (playwright.config.ts) run side by side: every spec runs on exactly
// one of them; a spec that moves the portal's dev clock (itself, or through a module of e2e/ it
// imports) runs on a clock portal (`clock`, `clock-2`), never beside the specs that assume the
// clock stands still (`steady`); each portal runs its specs one at a time (metrics counts,
// server.log slices) with ports, stand-ins (SMS and mail inboxes), database and server.log of its own.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'two-step-e2e-config-'));
const { default: config } = await import('../../playwright.config.ts');

const specs = readdirSync('e2e').filter((f) => f.endsWith('.spec.ts'));
const project = (name: string) => config.projects!.find((p) => p.name === name)!;
const runsOn = (spec: string) =>
  config
    .projects!.filter((p) => {
      const path = join(process.cwd(), 'e2e', spec);
      const matches = (m: unknown) => (m instanceof RegExp ? m.test(path) : m === '*.spec.ts');
      return matches(p.testMatch) && !(p.testIgnore !== undefined && matches(p.testIgnore));
    })
    .map((p) => p.name);

/** The modules of e2e/ (not helpers.ts, where the clock helpers live) that move the clock. */
const movers = readdirSync('e2e')
  .filter((f) => f.endsWith('.ts') && f !== 'helpers.ts')
  .filter((f) => /\b(advanceClock|portalNow|portalNowApart)\(/.test(readFileSync(join('e2e', f), 'utf8')));

describe('the end-to-end portals', () => {
  it('run every spec on exactly one portal', () => {
    expect(specs.length).toBeGreaterThan(20);
    for (const spec of specs) expect(runsOn(spec), spec).toHaveLength(1);
  });

  it('run every spec that moves the clock, itself or through a module it imports, on a clock portal', () => {
    expect(movers).toContain('waiting-rules.spec.ts'); // months at a time
    expect(movers).toContain('staff.ts'); // portalNowApart, for the staff specs
    for (const spec of specs) {
      const text = readFileSync(join('e2e', spec), 'utf8');
      const moves = movers.includes(spec) || movers.some((m) => text.includes(`from './${m}'`));
      if (moves) expect(['clock', 'clock-2'], spec).toContain(runsOn(spec)[0]);
      else expect(runsOn(spec), spec).toEqual(['steady']);
    }
    for (const name of ['clock', 'clock-2', 'steady']) expect(specs.filter((s) => runsOn(s)[0] === name).length, name).toBeGreaterThan(3);
    // It moves the clock by months: last on its portal (a portal runs its specs in file order).
    const [months] = runsOn('waiting-rules.spec.ts');
    expect(
      specs
        .filter((s) => runsOn(s)[0] === months)
        .sort()
        .at(-1),
    ).toBe('waiting-rules.spec.ts');
  });

  it('run each portal one spec at a time, with its own address, stand-ins, database and server.log', () => {
    const names = config.projects!.map((p) => p.name);
    expect(names.sort()).toEqual(['clock', 'clock-2', 'steady']);
    for (const name of names) expect(project(name!).workers, name).toBe(1);
    const servers = config.webServer as Array<{ command: string; url: string; env: Record<string, string> }>;
    expect(servers).toHaveLength(names.length);
    for (const name of names)
      expect(
        servers.filter((s) => s.url.startsWith(`${project(name!).use!.baseURL!}/`)),
        name,
      ).toHaveLength(1);
    for (const key of ['PORT', 'STANDINS_URL', 'SMTP_URL', 'DATABASE_URL'])
      expect(new Set(servers.map((s) => s.env[key])).size, key).toBe(servers.length);
    expect(new Set(servers.map((s) => s.command.match(/'([^']*server\.log)'/)![1])).size).toBe(servers.length);
  });
});
