// A session records how its second step was proven as an RFC 8176 value: the portal's own ('pwd',
// 'mfa') and those the kinds of trusted device declare (src/kinds/method-registry.ts). Whatever a
// kind proves with can be recorded and read back; anything else read from a row is no method.
import { describe, expect, it } from 'vitest';
import { authMethodOf } from '../../src/sessions/auth-methods.ts';
import { allKinds } from '../../src/kinds/registry.ts';
import { KIND_METHODS } from '../../src/kinds/method-registry.ts';
import { passkeyMethod } from '../../src/kinds/passkey/method.ts';

describe('the methods a session records', () => {
  it("reads back every kind's method, and the methods decided at each use", () => {
    for (const kind of allKinds()) expect(authMethodOf(kind.method), kind.id).toBe(kind.method);
    for (const type of ['singleDevice', 'multiDevice']) expect(authMethodOf(passkeyMethod(type))).toBe(passkeyMethod(type));
    for (const method of KIND_METHODS) expect(authMethodOf(method)).toBe(method);
  });

  it("reads back the portal's own, and nothing else", () => {
    expect(authMethodOf('pwd')).toBe('pwd');
    expect(authMethodOf('mfa')).toBe('mfa');
    for (const stored of ['face', 'PWD', '', 'sms ', null]) expect(authMethodOf(stored)).toBeNull();
  });
});
