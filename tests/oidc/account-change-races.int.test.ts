// An app's requests racing the change that ends its access (src/sessions/app-access.ts): a refresh
// and a code exchange sent at the moment the holder changes the password, on two instances
// (tests/oidc/two-portals.ts). Whichever order the database sees them in (the refresh before, after,
// or between the change's statements), no token the app was given may work once the change is
// done: a token written after the change's DELETE names a grant that no longer exists. Several
// rounds, each a new race, the app's requests sent a little later each round; which point of the
// change a round meets is up to the scheduler, so every round checks the outcome, never the order.
import { beforeEach, describe, expect, it } from 'vitest';
import { changePassword } from '../../src/account-changes/account-changes.ts';
import { TEST_ENGINE } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD, freshAccount } from '../harness/accounts.ts';
import { relyingParty, TestBrowser, testApp } from '../harness/oidc.ts';
import { twoPortals } from './two-portals.ts';
import { authorize, codeExchange, exchange, OFFLINE, refresh, userinfoStatus } from './sign-in-flow.ts';

const ROUNDS = 12;
/**
 * Sent `round` milliseconds after the change began: spreads the rounds over the change's length
 * (its bcrypt checks, then its transaction), so the races meet it at different points. What each
 * round checks holds at every point; the delays only make more of them occur.
 */
const later = <T>(round: number, send: () => Promise<T>) =>
  new Promise<T>((resolve, reject) => setTimeout(() => void send().then(resolve, reject), round * 3));
const PASSWORDS = [GOOD_PASSWORD, 'lantern orchard 1987'];

describe(`an app's requests racing a password change (${TEST_ENGINE})`, () => {
  const s = twoPortals();
  let holder: Awaited<ReturnType<typeof freshAccount>>;
  let app: Awaited<ReturnType<typeof testApp>>;

  beforeEach(async () => {
    holder = await freshAccount(s.t.db, new Date().toISOString());
    app = await testApp(s.t.db, new Date());
  });

  it(`over ${ROUNDS} races, no token given before, during or after the change works once it is done`, async () => {
    const config = await relyingParty(s.portal, app);
    const actor = { accountId: holder.accountId, sessionId: holder.sessionId };
    for (let round = 0; round < ROUNDS; round++) {
      const browser = new TestBrowser(s.portal);
      await browser.signIn(s.t.db, holder.accountId, new Date());
      const held = await exchange(config, await authorize(s.t.db, browser, config, holder.accountId, OFFLINE));
      const pending = await authorize(s.t.db, browser, config, holder.accountId, OFFLINE);

      const [from, to] = [PASSWORDS[round % 2]!, PASSWORDS[(round + 1) % 2]!];
      const [changed, refreshed, exchanged] = await Promise.all([
        changePassword(
          { ...holder.deps, db: round % 2 ? s.second : s.t.db },
          actor,
          { currentPassword: from, password: to, confirmPassword: to },
          BROWSER,
        ),
        later(round, () => refresh(s.portal.url, app, held.refresh_token!)),
        later(round, () => codeExchange(s.portal.url, app, pending)),
      ]);
      expect(changed).toMatchObject({ ok: true });

      for (const answer of [refreshed, exchanged]) {
        expect(answer.status).toBeLessThan(500);
        if (answer.status !== 200) continue;
        const tokens = answer.body as { access_token: string; refresh_token: string };
        expect(await userinfoStatus(s.portal.url, tokens.access_token)).toBe(401);
        expect(await refresh(s.portal.url, app, tokens.refresh_token)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      }
      expect(await userinfoStatus(s.portal.url, held.access_token)).toBe(401);
    }
  });
});
