// The page the fresh-code step returns to: each page that asks for a code is on the list, so the
// holder lands where they were going; anything else (another site, a path off the list) is the
// Two-Step page, so the `next` parameter is no open redirect.
import { describe, expect, it } from 'vitest';
import { confirmUrl, FRESH_CODE_PAGES, freshCodePage } from '../../app/lib/fresh-code.ts';

describe('the page after a fresh code', () => {
  it('returns to the authenticator-app page when that page asked', () => {
    expect(FRESH_CODE_PAGES).toContain('/account/security/devices/authenticator');
    expect(freshCodePage.parse('/account/security/devices/authenticator')).toBe('/account/security/devices/authenticator');
    expect(confirmUrl('/account/security/devices/authenticator')).toBe(
      '/account/security/confirm?next=%2Faccount%2Fsecurity%2Fdevices%2Fauthenticator',
    );
  });

  it('returns to every listed page, and to the Two-Step page for anything off the list', () => {
    for (const page of FRESH_CODE_PAGES) expect(freshCodePage.parse(page)).toBe(page);
    for (const other of [
      'https://evil.example/',
      '//evil.example/account',
      '/account/security/devices/other',
      '/account/security/../../x',
      '',
      undefined,
      ['/account/security'],
    ]) {
      expect(freshCodePage.parse(other)).toBe('/account/security/two-step');
    }
  });
});
