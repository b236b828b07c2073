// A kind of trusted device is one unit of code (src/kinds/<kind>/, listed by src/kinds/registry.ts):
// nothing outside a kind's folder may name a specific kind (./kind-names.ts says what naming is).
//
// The files below still name one: they are what is left to move into the kind folders. The list
// only shrinks: a new file naming a kind fails, and so does a listed file that no longer names one
// (take it off the list, so it cannot quietly start again).
import { describe, expect, it } from 'vitest';
import { filesNamingAKind, mayNameKinds, KIND_NAME } from './kind-names.ts';

const NOT_YET_MOVED = [
  'app/actions/staff-second-factor.ts',
  'app/components/passkey-button.tsx',
  'app/components/passkey-ceremony.ts',
  'app/components/totp-key.tsx',
  'app/lib/request.ts',
  'app/support/sign-in/set-up/page.tsx',
  'app/support/sign-in/set-up/setup-forms.tsx',
  'app/support/sign-in/staff-code-form.tsx',
  'app/support/sign-in/verify/page.tsx',
  'src/codes/codes.ts',
  'src/codes/limits.ts',
  'src/config.ts',
  'src/kinds/kind.ts',
  'src/observability/metrics.ts',
  'src/proof/second-step.ts',
  'src/push/push-sender.ts',
  'src/runtime.ts',
  'src/server/security-headers.ts',
  'src/sessions/auth-methods.ts',
  'src/sms/sms-text.ts',
  'src/sms/twilio-sms.ts',
  'src/support/errors.ts',
  'src/support/staff-admin.ts',
  'src/support/staff-ceremony-errors.ts',
  'src/support/staff-factors.ts',
  'src/support/staff-passkeys.ts',
  'src/support/staff-totp.ts',
  'src/support/staff.ts',
];

describe('kinds of trusted device', () => {
  const naming = filesNamingAKind();

  it('are named only in their own folders (and in the files not yet moved there)', () => {
    expect(naming.filter((f) => !NOT_YET_MOVED.includes(f))).toEqual([]);
  });

  it('are no longer named in a file taken off the list of files not yet moved', () => {
    expect(NOT_YET_MOVED.filter((f) => !naming.includes(f))).toEqual([]);
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
    expect(mayNameKinds('app/_kinds/forms.tsx')).toBe(false);
    expect(mayNameKinds('app/kinds/sms/page.tsx')).toBe(false);
    expect(mayNameKinds('src/kinds/kind.ts')).toBe(false);
    expect(mayNameKinds('src/codes/codes.ts')).toBe(false);
  });
});
