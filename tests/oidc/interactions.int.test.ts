// What the portal's pages read of an app's sign-in in progress (src/oidc/interactions.ts): which app
// asks, for what, for which Apple ID; nothing for an id that is malformed, unknown or expired. The
// pages only show it; the bridge decides (bridge.ts).
import { describe, expect, it } from 'vitest';
import { authorizationRequest, TestBrowser } from '../harness/oidc.ts';
import { interactionSummary } from '../../src/oidc/interactions.ts';
import { portalPage, secondsAgo, withPortal } from './app-sign-in.ts';

const w = withPortal();

describe('an app’s sign-in in progress, as the pages read it', () => {
  it('names the app, what it asks for in the table’s order, and the Apple ID signed in when it began', async () => {
    const browser = new TestBrowser(w.portal);
    const signedOut = portalPage(w, await browser.visit((await authorizationRequest(w.app.config, { scope: 'profile openid email' })).url));
    expect(await interactionSummary(w.t.db, signedOut.uid)).toEqual({
      uid: signedOut.uid,
      clientId: w.app.clientId,
      appName: 'Test App',
      scopes: ['openid', 'email', 'profile'],
      accountId: null,
    });

    await browser.signIn(w.t.db, w.accountId, secondsAgo(5));
    const signedIn = portalPage(w, await browser.visit((await authorizationRequest(w.app.config)).url));
    expect((await interactionSummary(w.t.db, signedIn.uid))?.accountId).toBe(w.accountId);
  });

  it('nothing for a malformed or unknown id, an expired request, or an app removed meanwhile', async () => {
    for (const uid of [undefined, '', 'x', '../../etc', 'a'.repeat(65), 'no-such-request-0123456789', ['a', 'b']]) {
      expect(await interactionSummary(w.t.db, uid)).toBeNull();
    }
    const { uid } = portalPage(w, await new TestBrowser(w.portal).visit((await authorizationRequest(w.app.config)).url));
    await w.t.db.oidcRecord.updateMany({ where: { kind: 'Interaction', id: uid }, data: { expiresAt: secondsAgo(1) } });
    expect(await interactionSummary(w.t.db, uid)).toBeNull();

    const other = portalPage(w, await new TestBrowser(w.portal).visit((await authorizationRequest(w.app.config)).url));
    await w.t.db.oidcClient.deleteMany({ where: { id: w.app.clientId } });
    expect(await interactionSummary(w.t.db, other.uid)).toBeNull();
  });
});
