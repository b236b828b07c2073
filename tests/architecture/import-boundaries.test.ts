// The import boundaries of .dependency-cruiser.cjs, checked on the whole code base: app/ → src/
// only, src/ never → app/ or dev/, src/ folders layered (downward only), no cycles. A violation
// fails `npm test` with the rule's comment and the offending import.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

type Rule = { name: string; comment?: string; from: { path?: string; pathNot?: string }; to: { path?: string; pathNot?: string } };
type Cruise = {
  modules: Array<{ source: string; dependencies: Array<{ resolved: string }> }>;
  summary: { violations: Array<{ from: string; to: string; rule: { name: string } }> };
};

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as { forbidden: Rule[] };

function cruise(): Cruise {
  const out = execFileSync(
    'node_modules/.bin/depcruise',
    ['--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'src', 'app', 'dev', 'proxy.ts'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(out) as Cruise;
}

/**
 * The layer of a src/ file, as the layer rules draw them: a folder, or one file name in every kind's
 * folder (src/kinds/<kind>/add.ts is in the layer 'kinds/*\/add', not in 'kinds'). The top layer has
 * no rule (nothing sits above it): its files are their folder's.
 */
function layerOf(path: string): string | undefined {
  const rule = config.forbidden.find(
    (r) => r.name.startsWith('layer-') && new RegExp(r.from.path!).test(path) && !(r.from.pathNot && new RegExp(r.from.pathNot).test(path)),
  );
  return rule ? rule.name.slice('layer-'.length) : /^src\/([^/]+)\//.exec(path)?.[1];
}

/** The src/ layers that import each other in a circle, found on the layer graph itself. */
function folderCycles(result: Cruise): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const m of result.modules) {
    const a = layerOf(m.source);
    if (!a) continue;
    for (const d of m.dependencies) {
      const b = layerOf(d.resolved);
      if (b && b !== a) edges.set(a, (edges.get(a) ?? new Set()).add(b));
    }
  }
  const cycles: string[][] = [];
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
    [...(edges.get(from) ?? [])].some((n) => n === to || (!seen.has(n) && (seen.add(n), reaches(n, to, seen))));
  for (const [a, targets] of edges) for (const b of targets) if (a < b && reaches(b, a)) cycles.push([a, b]);
  return cycles;
}

describe('import boundaries', () => {
  const result = cruise();

  it('has no import that breaks a rule of .dependency-cruiser.cjs', () => {
    const broken = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(broken).toEqual([]);
  });

  it('has no two src/ folders (or layers inside one) that depend on each other, directly or through others', () => {
    expect(folderCycles(result)).toEqual([]);
  });

  it('cruised the whole code base', () => {
    const sources = result.modules.map((m) => m.source);
    for (const expected of ['src/runtime.ts', 'app/layout.tsx', 'dev/standins/server.ts', 'proxy.ts']) expect(sources).toContain(expected);
  });
});

describe('the rules themselves', () => {
  const rule = (name: string) => config.forbidden.find((r) => r.name === name)!;
  const forbids = (r: Rule, from: string, to: string) =>
    new RegExp(r.from.path ?? '').test(from) &&
    !(r.from.pathNot && new RegExp(r.from.pathNot).test(from)) &&
    new RegExp(r.to.path ?? '').test(to) &&
    !(r.to.pathNot && new RegExp(r.to.pathNot).test(to));

  it('forbid a lower src/ folder importing a higher one, and allow the reverse', () => {
    expect(forbids(rule('layer-accounts'), 'src/accounts/apple-id.ts', 'src/two-step/turn-on.ts')).toBe(true);
    expect(forbids(rule('layer-accounts'), 'src/accounts/apple-id.ts', 'src/mail/outbox.ts')).toBe(false);
    expect(forbids(rule('layer-mail'), 'src/mail/outbox.ts', 'src/accounts/apple-id.ts')).toBe(true);
  });

  it('keep the form plumbing below every flow: src/forms/ imports no account rule, and accounts/ may import it', () => {
    expect(forbids(rule('layer-forms'), 'src/forms/forms.ts', 'src/accounts/errors.ts')).toBe(true);
    expect(forbids(rule('layer-forms'), 'src/forms/forms.ts', 'src/eligibility/eligibility.ts')).toBe(true);
    expect(forbids(rule('layer-accounts'), 'src/accounts/fields.ts', 'src/forms/forms.ts')).toBe(false);
    expect(forbids(rule('layer-devices'), 'src/devices/trusted-devices.ts', 'src/forms/forms.ts')).toBe(false);
  });

  it('forbid src/ importing app/, and production code importing dev/', () => {
    expect(forbids(rule('src-not-to-app'), 'src/runtime.ts', 'app/lib/session.ts')).toBe(true);
    expect(forbids(rule('production-not-to-dev'), 'src/server/serve.ts', 'dev/standins/server.ts')).toBe(true);
    expect(forbids(rule('production-not-to-dev'), 'app/dev/layout.tsx', 'dev/seed/demo-accounts.ts')).toBe(true);
  });

  it('let only the one second-step module reach the code form checks beneath it', () => {
    expect(forbids(rule('second-step-through-proof'), 'src/sign-in/code.ts', 'src/codes/chosen-device.ts')).toBe(true);
    expect(forbids(rule('second-step-through-proof'), 'app/actions/two-step.ts', 'src/codes/chosen-device.ts')).toBe(true);
    expect(new RegExp(rule('second-step-through-proof').from.pathNot!).test('src/proof/second-step.ts')).toBe(true);
  });

  it("put each kind's adding above devices/, its proof for a purpose above codes/, and the rest of the kind below codes/", () => {
    expect(layerOf('src/kinds/sms/add.ts')).toBe('kinds/*/add');
    expect(layerOf('src/kinds/passkey/add-errors.ts')).toBe('kinds/*/add');
    expect(layerOf('src/kinds/passkey/prove.ts')).toBe('kinds/*/prove');
    expect(layerOf('src/kinds/sms/kind.ts')).toBe('kinds');
    expect(layerOf('src/kinds/registry.ts')).toBe('kinds');
    expect(layerOf('src/kinds/sms/address.ts')).toBe('kinds'); // add only as the whole name, or before a dash
    expect(forbids(rule('layer-devices'), 'src/devices/trusted-devices.ts', 'src/kinds/sms/add.ts')).toBe(true);
    expect(forbids(rule('layer-kinds/*/add'), 'src/kinds/sms/add.ts', 'src/devices/trusted-devices.ts')).toBe(false);
    expect(forbids(rule('layer-codes'), 'src/codes/codes.ts', 'src/kinds/passkey/prove.ts')).toBe(true);
    expect(forbids(rule('layer-codes'), 'src/codes/codes.ts', 'src/kinds/registry.ts')).toBe(false);
    expect(forbids(rule('layer-kinds'), 'src/kinds/sms/kind.ts', 'src/codes/codes.ts')).toBe(true);
    expect(forbids(rule('layer-kinds'), 'src/kinds/sms/add.ts', 'src/codes/codes.ts')).toBe(false);
  });

  it("put each kind's staff second factor and their list above support/, and what support/ says of the kinds below it", () => {
    expect(layerOf('src/kinds/passkey/staff.ts')).toBe('kinds/*/staff');
    expect(layerOf('src/kinds/authenticator-app/staff-forms.ts')).toBe('kinds/*/staff');
    expect(layerOf('src/kinds/staff-registry.ts')).toBe('kinds/*/staff');
    expect(layerOf('src/kinds/staff-kinds-registry.ts')).toBe('kinds');
    expect(layerOf('src/kinds/passkey/staffing.ts')).toBe('kinds'); // staff only as the whole name, or before a dash
    expect(layerOf('src/kinds/add-registry.ts')).toBe('kinds/*/add'); // a list of a layer's files is in that layer
    expect(forbids(rule('layer-support'), 'src/support/staff-factors.ts', 'src/kinds/passkey/staff.ts')).toBe(true);
    expect(forbids(rule('layer-support'), 'src/support/staff.ts', 'src/kinds/staff-registry.ts')).toBe(true);
    expect(forbids(rule('layer-support'), 'src/support/errors.ts', 'src/kinds/staff-kinds-registry.ts')).toBe(false);
    expect(forbids(rule('layer-kinds/*/staff'), 'src/kinds/passkey/staff.ts', 'src/support/staff-factors.ts')).toBe(false);
    expect(forbids(rule('layer-kinds/*/staff'), 'src/kinds/passkey/staff.ts', 'src/server/serve.ts')).toBe(true);
    expect(forbids(rule('layer-kinds'), 'src/kinds/staff-kinds-registry.ts', 'src/kinds/staff-registry.ts')).toBe(true);
  });

  it("put the kinds' settings beneath every folder, for src/config.ts to compose, and each kind layer's list in its layer", () => {
    expect(layerOf('src/kinds/sms/settings.ts')).toBe('kinds/*/settings');
    expect(layerOf('src/kinds/settings-registry.ts')).toBe('kinds/*/settings');
    expect(layerOf('src/kinds/prove-registry.ts')).toBe('kinds/*/prove');
    expect(layerOf('src/kinds/deps-registry.ts')).toBe('kinds');
    expect(forbids(rule('src-root-files-stay-low'), 'src/config.ts', 'src/kinds/settings-registry.ts')).toBe(false);
    expect(forbids(rule('src-root-files-stay-low'), 'src/config.ts', 'src/kinds/registry.ts')).toBe(true);
    expect(forbids(rule('layer-kinds/*/settings'), 'src/kinds/sms/settings.ts', 'src/kinds/sms/twilio-sms.ts')).toBe(true);
    expect(forbids(rule('layer-kinds/*/settings'), 'src/kinds/settings-registry.ts', 'src/kinds/sms/settings.ts')).toBe(false);
    expect(forbids(rule('layer-codes'), 'src/codes/codes.ts', 'src/kinds/prove-registry.ts')).toBe(true);
    expect(forbids(rule('layer-proof'), 'src/proof/second-step.ts', 'src/kinds/prove-registry.ts')).toBe(false);
  });

  it("put the kinds' RFC 8176 methods beneath the sessions that record them, and keep the rest of the kinds above", () => {
    expect(layerOf('src/kinds/sms/method.ts')).toBe('kinds/*/method');
    expect(layerOf('src/kinds/method-registry.ts')).toBe('kinds/*/method');
    expect(forbids(rule('layer-sessions'), 'src/sessions/auth-methods.ts', 'src/kinds/method-registry.ts')).toBe(false);
    expect(forbids(rule('layer-sessions'), 'src/sessions/auth-methods.ts', 'src/kinds/registry.ts')).toBe(true);
    expect(forbids(rule('layer-kinds/*/method'), 'src/kinds/passkey/method.ts', 'src/kinds/passkey/kind.ts')).toBe(true);
    expect(forbids(rule('layer-kinds'), 'src/kinds/registry.ts', 'src/kinds/sms/add.ts')).toBe(true);
    expect(forbids(rule('layer-kinds'), 'src/kinds/registry.ts', 'src/kinds/prove-registry.ts')).toBe(true);
  });

  it('ask for a place in the layers for a new src/ folder', () => {
    expect(new RegExp(rule('src-folder-in-layers').from.path!).test('src/somewhere-new/x.ts')).toBe(true);
    expect(new RegExp(rule('src-folder-in-layers').from.path!).test('src/accounts/x.ts')).toBe(false);
  });
});
