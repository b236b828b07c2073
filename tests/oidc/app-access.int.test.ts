// What ends the holder's other sessions ends every app's access too (src/sessions/app-access.ts,
// reached through endOtherSessions): after a password change, a password reset by emailed link or
// by Recovery Key, turning two-step on or off, and Sign Out Everywhere, an app's refresh token and
// access token are refused. What the holder allowed the app stays: the app is still listed, and
// its next sign-in asks the holder to sign in again, not to allow the app again.
//
// Each change is driven as its own tests drive it (the domain functions, real database, the
// Twilio stand-in for codes); the app holds tokens from a real sign-in through the provider. The
// tokens are offline ones (offline_access), which outlive the portal session they came from
// (tests/oidc/stop-using-and-sign-out.int.test.ts): only endAppAccess can end them here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../src/clock.ts';
import { createTestDb, TEST_ENGINE, type TestDb } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD, freshAccount } from '../harness/accounts.ts';
import { relyingParty, startPortal, TestBrowser, testApp, type Portal } from '../harness/oidc.ts';
import { startStandinSenders, type StandinSenders } from '../harness/standins.ts';
import { changePassword } from '../../src/account-changes/account-changes.ts';
import { completePasswordReset, openPasswordReset, requestPasswordReset } from '../../src/password-reset/by-link.ts';
import { completeKeyReset, sendKeyResetCode, startKeyReset, verifyKeyResetCode } from '../../src/password-reset/by-recovery-key.ts';
import { confirmRecoveryKey, issueRecoveryKey, turnOn } from '../../src/two-step/turn-on.ts';
import { turnOff } from '../../src/two-step/turn-off.ts';
import { startSetup } from '../../src/eligibility/waiting-periods.ts';
import { seedCountryAvailability } from '../../src/eligibility/countries.ts';
import { signOutEverywhere } from '../../src/sessions/sessions.ts';
import { appsUsing } from '../../src/oidc/app-authorizations.ts';
import { formatRecoveryKey } from '../../src/recovery-key/recovery-key.ts';
import type { AuthMethod } from '../../src/sessions/auth-methods.ts';
import { lastSmsCode, PHONE, smsDevice } from '../codes/helpers.ts';
import { NEW_QUESTIONS, twoStepAccount } from '../two-step/helpers.ts';
import { authorize, exchange, OFFLINE, refresh, userinfoStatus } from './sign-in-flow.ts';

const NEW_PASSWORD = 'lantern orchard 1987';
const NEW = { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
/** accountInput()'s answers, by question position. */
const ANSWERS: Record<number, string> = { 1: 'Blue', 2: 'Paris', 3: 'Rex' };

/** A holder as one kind of change needs them, and the change itself. */
interface Case {
  accountId: string;
  clock: Clock;
  /** How the holder's browser proved the second step when signing in, with two-step on. */
  secondStep?: AuthMethod;
  change(): Promise<void>;
}

describe(`every app's access ends with the holder's other sessions (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let senders: StandinSenders;
  let portal: Portal;
  /** The portal runs on the clock of the case under test. */
  let current: Clock = systemClock;

  beforeAll(async () => {
    t = await createTestDb();
    await seedCountryAvailability(t.db);
    senders = await startStandinSenders();
    portal = await startPortal(t.db, { now: () => current.now() });
  });
  afterAll(async () => {
    await portal?.close();
    await senders?.stop();
    await t?.drop();
  });

  const CASES: Record<string, () => Promise<Case>> = {
    'changing the password': async () => {
      const { deps, accountId, sessionId } = await freshAccount(t.db);
      return {
        accountId,
        clock: deps.clock,
        change: async () => {
          expect(await changePassword(deps, { accountId, sessionId }, { currentPassword: GOOD_PASSWORD, ...NEW }, BROWSER)).toMatchObject({
            ok: true,
          });
        },
      };
    },

    'a password reset by emailed link': async () => {
      const { deps, accountId } = await freshAccount(t.db);
      return {
        accountId,
        clock: deps.clock,
        change: async () => {
          await requestPasswordReset(deps, { appleId: 'Jane.Holder@Example.com' }, BROWSER);
          const mail = await t.db.emailOutbox.findFirstOrThrow({ where: { accountId, subject: 'Reset your password' } });
          const token = /\/reset\/open\?token=([A-Za-z0-9_-]+)/.exec(mail.textBody)![1]!;
          const opened = await openPasswordReset(deps, token);
          if (!opened.ok) throw new Error(opened.error);
          const answers = { answer1: ANSWERS[opened.questions[0]!.position], answer2: ANSWERS[opened.questions[1]!.position] };
          expect(await completePasswordReset(deps, token, { ...answers, ...NEW }, BROWSER)).toEqual({ ok: true, accountId });
        },
      };
    },

    'a password reset by Recovery Key': async () => {
      const a = await twoStepAccount(t.db, senders);
      return {
        accountId: a.accountId,
        clock: a.clock,
        secondStep: 'sms',
        change: async () => {
          const started = await startKeyReset(
            a.deps,
            { appleId: 'jane.holder@example.com', recoveryKey: formatRecoveryKey(a.recoveryKey) },
            BROWSER,
          );
          if (!started.ok) throw new Error(JSON.stringify(started));
          expect(await sendKeyResetCode(a.deps, started.token, { trustedDeviceId: a.phoneId }, BROWSER)).toMatchObject({ ok: true });
          expect(
            await verifyKeyResetCode(a.deps, started.token, { trustedDeviceId: a.phoneId, code: lastSmsCode(a.sms, PHONE) }, BROWSER),
          ).toEqual({ ok: true });
          expect(await completeKeyReset(a.deps, started.token, NEW, BROWSER)).toEqual({ ok: true });
        },
      };
    },

    'turning two-step on': async () => {
      const { deps, accountId, sessionId } = await freshAccount(t.db);
      const actor = { accountId, sessionId };
      return {
        accountId,
        clock: deps.clock,
        change: async () => {
          expect(await startSetup(deps, accountId, BROWSER)).toMatchObject({ ok: true });
          await smsDevice(t.db, accountId, PHONE, { at: deps.clock.now() });
          const issued = await issueRecoveryKey(deps, actor, BROWSER);
          if (!issued.ok) throw new Error(issued.error);
          expect(await confirmRecoveryKey(deps, actor, { recoveryKey: issued.recoveryKey }, BROWSER)).toEqual({ ok: true });
          expect(await turnOn(deps, actor, { accept: 'on' }, BROWSER)).toMatchObject({ ok: true });
        },
      };
    },

    'turning two-step off': async () => {
      const a = await twoStepAccount(t.db, senders);
      return {
        accountId: a.accountId,
        clock: a.clock,
        secondStep: 'sms',
        change: async () => {
          expect(await turnOff(a.deps, a.actor, { ...NEW_QUESTIONS, birthDate: '1990-04-30' }, BROWSER)).toMatchObject({ ok: true });
        },
      };
    },

    'Sign Out Everywhere': async () => {
      const { deps, accountId, token } = await freshAccount(t.db);
      return {
        accountId,
        clock: deps.clock,
        change: async () => {
          expect(await signOutEverywhere(deps, token, BROWSER)).toBeGreaterThan(0);
        },
      };
    },
  };

  for (const [name, setUp] of Object.entries(CASES)) {
    it(`${name}: the app's refresh and access tokens are refused; the app stays allowed and signs the holder in again without asking`, async () => {
      const holder = await setUp();
      current = holder.clock;
      const app = await testApp(t.db, holder.clock.now());
      const config = await relyingParty(portal, app);
      const browser = new TestBrowser(portal);
      await browser.signIn(t.db, holder.accountId, holder.clock.now(), holder.secondStep ? { secondStep: holder.secondStep } : {});
      const tokens = await exchange(config, await authorize(t.db, browser, config, holder.accountId, OFFLINE, () => holder.clock.now()));
      expect(await userinfoStatus(portal.url, tokens.access_token)).toBe(200);
      const refreshed = await refresh(portal.url, app, tokens.refresh_token!);
      expect(refreshed.status).toBe(200);
      const live = refreshed.body as { access_token: string; refresh_token: string };

      await holder.change();

      expect(await refresh(portal.url, app, live.refresh_token)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      expect(await userinfoStatus(portal.url, live.access_token)).toBe(401);
      expect((await appsUsing(t.db, holder.accountId)).map((a) => a.clientId)).toEqual([app.clientId]);

      // The browser's portal session ended with the others: the app's next sign-in goes to the
      // sign-in page, and once signed in, straight back to the app, with no consent page.
      const again = await authorize(t.db, browser, config, holder.accountId, { scope: 'openid' }, () => holder.clock.now());
      expect(again.pages).toEqual(['/sign-in']);
      expect(await userinfoStatus(portal.url, (await exchange(config, again)).access_token)).toBe(200);
    });
  }
});
