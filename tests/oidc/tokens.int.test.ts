// What an app does with its tokens, through openid-client: refresh (rotated at every use, a reused
// one ending the grant), revocation, and what the portal records of each use (the app's last use,
// the email when it is first used from a browser).
import { describe, expect, it } from 'vitest';
import * as client from 'openid-client';
import { authorizationRequest, TestBrowser } from '../harness/oidc.ts';
import { knownBrowserKey } from '../../src/sessions/known-browsers.ts';
import { exchange, giveDeviceCookie, oauthError, portalPage, secondsAgo, signInToApp, withPortal, continueAt } from './app-sign-in.ts';

const w = withPortal();

// OIDC Core 11: offline_access is honoured only when the request also asks for consent.
const OFFLINE = { scope: 'openid offline_access', prompt: 'consent' };

async function signedInBrowser() {
  const browser = new TestBrowser(w.portal);
  await browser.signIn(w.t.db, w.accountId, secondsAgo(1));
  return browser;
}

async function offlineTokens() {
  const { tokens } = await signInToApp(w, await signedInBrowser(), w.app, OFFLINE);
  expect(tokens.refresh_token).toBeTruthy();
  return tokens;
}

const userinfo = (accessToken: string) => client.fetchUserInfo(w.app.config, accessToken, client.skipSubjectCheck);

describe('offline_access', () => {
  it('with prompt=consent: a refresh token, and the scope says offline_access', async () => {
    const tokens = await offlineTokens();
    expect(tokens.scope?.split(' ')).toContain('offline_access');
  });

  it('without prompt=consent: no refresh token (oidc-provider drops the scope, OIDC Core 11)', async () => {
    // An app that asks offline_access alone gets a sign-in but no refresh token: the scope is
    // dropped before the consent page, which therefore never offers it.
    const { tokens } = await signInToApp(w, await signedInBrowser(), w.app, { scope: 'openid offline_access' });
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.scope?.split(' ')).not.toContain('offline_access');
  });
});

describe('refresh tokens are rotated at every use', () => {
  it('each refresh answers a new refresh token and a new access token, and keeps the subject', async () => {
    const first = await offlineTokens();
    const second = await client.refreshTokenGrant(w.app.config, first.refresh_token!);
    const third = await client.refreshTokenGrant(w.app.config, second.refresh_token!);
    expect(new Set([first.refresh_token, second.refresh_token, third.refresh_token]).size).toBe(3);
    expect(new Set([first.access_token, second.access_token, third.access_token]).size).toBe(3);
    expect(third.claims()?.sub).toBe(first.claims()?.sub);
    expect((await userinfo(third.access_token)).sub).toBe(first.claims()?.sub);
  });

  it('a rotated (old) refresh token is refused, and its reuse ends the whole grant: the newest tokens are refused too', async () => {
    const first = await offlineTokens();
    const second = await client.refreshTokenGrant(w.app.config, first.refresh_token!);
    // Whoever holds the old one (a thief, or the app after a thief used the newer one) cannot go on.
    expect(await oauthError(client.refreshTokenGrant(w.app.config, first.refresh_token!))).toEqual({ error: 'invalid_grant', status: 400 });
    expect(await oauthError(client.refreshTokenGrant(w.app.config, second.refresh_token!))).toEqual({
      error: 'invalid_grant',
      status: 400,
    });
    expect((await oauthError(userinfo(second.access_token))).status).toBe(401);
    expect(await w.t.db.oidcRecord.count({ where: { kind: { in: ['AccessToken', 'RefreshToken', 'Grant'] } } })).toBe(0);
  });

  it('another app cannot use the refresh token', async () => {
    const tokens = await offlineTokens();
    const other = await w.newApp({ name: 'Other App' });
    expect((await oauthError(client.refreshTokenGrant(other.config, tokens.refresh_token!))).error).toBe('invalid_grant');
    // The refusal does not cost the rightful app its grant.
    expect((await client.refreshTokenGrant(w.app.config, tokens.refresh_token!)).access_token).toBeTruthy();
  });
});

describe('revocation (RFC 7009)', () => {
  it('a revoked refresh token cannot refresh', async () => {
    const tokens = await offlineTokens();
    await client.tokenRevocation(w.app.config, tokens.refresh_token!);
    expect(await oauthError(client.refreshTokenGrant(w.app.config, tokens.refresh_token!))).toEqual({
      error: 'invalid_grant',
      status: 400,
    });
  });

  it('a revoked access token is refused at userinfo', async () => {
    const tokens = await offlineTokens();
    expect((await userinfo(tokens.access_token)).sub).toBe(tokens.claims()?.sub);
    await client.tokenRevocation(w.app.config, tokens.access_token);
    expect(await oauthError(userinfo(tokens.access_token))).toEqual({ error: 'invalid_token', status: 401 });
  });

  it('an app cannot revoke another app’s token', async () => {
    const tokens = await offlineTokens();
    const other = await w.newApp({ name: 'Other App' });
    // RFC 7009 2.2: answered as if done, but nothing happens to the token.
    await client.tokenRevocation(other.config, tokens.access_token).catch(() => undefined);
    expect((await userinfo(tokens.access_token)).sub).toBe(tokens.claims()?.sub);
  });
});

describe('what the portal records of an app’s use', () => {
  const lastUsedAt = async () =>
    (
      await w.t.db.appAuthorization.findUniqueOrThrow({
        where: { accountId_clientId: { accountId: w.accountId, clientId: w.app.clientId } },
      })
    ).lastUsedAt;
  const longAgo = new Date('2026-01-01T00:00:00Z');
  const setLastUsed = (at: Date) =>
    w.t.db.appAuthorization.update({
      where: { accountId_clientId: { accountId: w.accountId, clientId: w.app.clientId } },
      data: { lastUsedAt: at },
    });
  const newBrowserEmails = () => w.t.db.emailOutbox.findMany({ where: { kind: 'app-new-browser' }, orderBy: { toAddress: 'asc' } });

  it('the first use from a browser emails every address on file; a second from that browser does not', async () => {
    const browser = await signedInBrowser();
    await signInToApp(w, browser);
    const emails = await newBrowserEmails();
    expect(emails.map((e) => e.toAddress)).toEqual(['Jane.Holder@Example.com', 'jane.rescue@example.org']);
    for (const e of emails) expect(e.subject).toBe('Your Apple ID was used to sign in to Test App');

    await signInToApp(w, browser);
    expect(await newBrowserEmails()).toHaveLength(2);
  });

  it('another browser (its own device-cookie id) is emailed about again, once', async () => {
    await signInToApp(w, await signedInBrowser());
    const other = await signedInBrowser();
    await giveDeviceCookie(w.t.db, other, w.accountId, 'the-holders-laptop');
    await signInToApp(w, other);
    expect(await newBrowserEmails()).toHaveLength(4);
    await signInToApp(w, other);
    expect(await newBrowserEmails()).toHaveLength(4);
    // The browser is kept as its record is, by the SHA-256 of its id: never the id itself.
    const browserIds = (await w.t.db.appBrowser.findMany({ select: { browserId: true } })).map((b) => b.browserId);
    expect(browserIds).toContain(knownBrowserKey('the-holders-laptop'));
    expect(browserIds).not.toContain('the-holders-laptop');
  });

  it('a sign-in the holder cancelled sends no email', async () => {
    const browser = await signedInBrowser();
    const req = await authorizationRequest(w.app.config);
    const { uid } = portalPage(w, await browser.visit(req.url));
    await browser.visit(`${continueAt(w, uid)}/cancel`);
    expect(await newBrowserEmails()).toHaveLength(0);
  });

  it('lastUsedAt moves when the app is given a sign-in', async () => {
    const browser = await signedInBrowser();
    await signInToApp(w, browser);
    await setLastUsed(longAgo);
    const before = Date.now();
    const req = await authorizationRequest(w.app.config);
    await exchange(w.app, req, await browser.visit(req.url));
    expect((await lastUsedAt()).getTime()).toBeGreaterThanOrEqual(before);
  });

  it('lastUsedAt moves when the app refreshes its tokens', async () => {
    const tokens = await offlineTokens();
    await setLastUsed(longAgo);
    const before = Date.now();
    await client.refreshTokenGrant(w.app.config, tokens.refresh_token!);
    expect((await lastUsedAt()).getTime()).toBeGreaterThanOrEqual(before);
  });

  it('a refused refresh does not count as a use', async () => {
    const tokens = await offlineTokens();
    await client.refreshTokenGrant(w.app.config, tokens.refresh_token!);
    await setLastUsed(longAgo);
    await oauthError(client.refreshTokenGrant(w.app.config, tokens.refresh_token!));
    expect(await lastUsedAt()).toEqual(longAgo);
  });
});
