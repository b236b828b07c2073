// A kind of trusted device is one unit of code: src/kinds/<kind>/ for what it is and does, and
// app/_kinds/<kind>/ for its pages and forms, listed by the registries beside them. Nothing else
// names a specific kind (./kind-names.ts says what naming is): the flows, pages and services ask
// the registries, so adding a kind is adding its folders and a line in each list.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesNamingAKind, mayNameKinds, KIND_NAME } from './kind-names.ts';

describe('kinds of trusted device', () => {
  it('are named only in their own folders and the lists of them', () => {
    expect(filesNamingAKind()).toEqual([]);
  });

  it('would be found named in a flow or a page, and not in their folders or lists', () => {
    const root = mkdtempSync(join(tmpdir(), 'kind-names-'));
    try {
      const files: Record<string, string> = {
        'src/sign-in/code.ts': "if (device.kind === 'totp') check();",
        'app/account/page.tsx': '<p>Add a passkey</p>',
        'src/kinds/authenticator-app/kind.ts': "export const id = 'totp';",
        'app/_kinds/passkey/add-form.tsx': '<p>Add a passkey</p>',
        'app/_kinds/registry.tsx': "import { passkeyUi } from './passkey/ui.ts';",
        'src/generated/sqlite/client.ts': 'totpSecret',
        'src/devices/list.ts': 'rows.push(row);',
      };
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      expect(filesNamingAKind(root)).toEqual(['app/account/page.tsx', 'src/sign-in/code.ts']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('what counts as naming a kind', () => {
  it('finds a kind value or a technology word, and not an array push', () => {
    for (const named of [
      "kind === 'totp'",
      'const smsSender = x',
      'isPasskey()',
      'WebAuthn options',
      'PushSender',
      "kind: 'push'",
      'an authenticator app',
    ]) {
      expect(KIND_NAME.test(named), named).toBe(true);
    }
    for (const plain of ['rows.push(row)', 'const kind = device.kind', 'trusted device', 'pushed back'])
      expect(KIND_NAME.test(plain), plain).toBe(false);
  });

  it('leaves out the kind folders and the registries only', () => {
    expect(mayNameKinds('src/kinds/sms/kind.ts')).toBe(true);
    expect(mayNameKinds('app/_kinds/passkey/add-form.tsx')).toBe(true);
    expect(mayNameKinds('src/kinds/registry.ts')).toBe(true);
    expect(mayNameKinds('app/_kinds/registry.tsx')).toBe(true);
    expect(mayNameKinds('src/kinds/staff-registry.ts')).toBe(true);
    expect(mayNameKinds('src/kinds/staff-kinds-registry.ts')).toBe(true);
    expect(mayNameKinds('app/_kinds/staff-registry.tsx')).toBe(true);
    expect(mayNameKinds('app/_kinds/passkey/staff.tsx')).toBe(true);
    expect(mayNameKinds('app/_kinds/forms.tsx')).toBe(false);
    expect(mayNameKinds('app/kinds/sms/page.tsx')).toBe(false);
    expect(mayNameKinds('src/kinds/kind.ts')).toBe(false);
    expect(mayNameKinds('src/codes/codes.ts')).toBe(false);
  });
});
