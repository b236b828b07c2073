// Finding and viewing an account: exact case-insensitive Apple ID, what the details show (numbers
// masked to the last two digits, never a key, hash or full number), a read-only eligibility, and
// every look recorded as a SecurityEvent the holder reads with the staff member's name.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD } from '../harness/accounts.ts';
import { newAccount, pushDevice, resetTables, smsDevice, START, type TestClock } from '../codes/helpers.ts';
import { DESK, staffMember, staffSession } from './helpers.ts';
import { DAY, fixedClock } from '../../src/clock.ts';
import { changePassword } from '../../src/account-changes/account-changes.ts';
import { createSession, sessionIdOf, signOutEverywhere } from '../../src/sessions/sessions.ts';
import { knownBrowserKey, rememberKnownBrowser } from '../../src/sessions/known-browsers.ts';
import { findAccount, viewAccount, type DetailsView } from '../../src/support/console.ts';
import { recentActivity } from '../../src/security-events/activity.ts';
import { seedCountryAvailability } from '../../src/eligibility/countries.ts';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { prerenderToNodeStream } from 'react-dom/static';
import { TrustedDevicesTable } from '../../app/support/account/device-tables.tsx';
import { Details } from '../../app/support/account/details.tsx';
import { appDevice, KIND_SECRETS, passkeyDevice } from '../devices/kind-rows.ts';

// The console's components read their sentences through next-intl, in English here (app-harness.ts).
// Pages' components are rendered here without a request: in English.
vi.mock('../../app/i18n/locale.ts', () => ({ requestLocale: async () => 'en', browserLocale: async () => 'en' }));
vi.mock('next-intl', async (original) => ({ ...(await original<object>()), ...(await import('./app-harness.ts')).nextIntl }));

describe('the support console: find and view', () => {
  let t: TestDb;
  let clock: TestClock;
  let holder: string;
  let sam: string;
  const deps = () => ({ db: t.db, clock, appUrl: 'http://localhost:3000', bcryptCost: 4 });

  beforeAll(async () => {
    t = await createTestDb();
    await seedCountryAvailability(t.db);
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    await resetTables(t.db);
    await t.db.staffUser.deleteMany();
    clock = fixedClock(START);
    holder = await newAccount(t.db, clock);
    sam = await staffMember(t.db, clock, 'sam.staff@example.com', 'Sam Staff');
  });

  async function found(appleId = 'jane.holder@example.com') {
    const s = await staffSession(t.db, clock, sam);
    const result = await findAccount(deps(), s, { appleId }, DESK);
    return { s: { ...s, accountId: result.ok ? result.accountId : null }, result };
  }

  it('finds an account by its exact Apple ID, whatever the case; nothing else matches', async () => {
    expect((await found('JANE.HOLDER@example.COM')).result).toEqual({ ok: true, accountId: holder });
    expect((await found('  jane.holder@example.com ')).result).toEqual({ ok: true, accountId: holder });
    for (const near of ['jane.holder@example.co', 'jane@example.com', 'ane.holder@example.com']) {
      expect((await found(near)).result).toMatchObject({ ok: false, code: 'NO_SUCH_ACCOUNT' });
    }
    expect((await found('not an email')).result).toMatchObject({
      ok: false,
      code: 'INVALID_FIELDS',
      fieldErrors: { appleId: expect.any(String) },
    });
    // A search that found nothing leaves the session with no account.
    const { s } = await found('nobody@example.com');
    expect(await viewAccount(deps(), s, DESK)).toBeNull();
  });

  it('shows the details of an account with two-step off: devices masked to the last two digits, no secret anywhere', async () => {
    await smsDevice(t.db, holder, '+15550101234');
    await smsDevice(t.db, holder, '+447700900123');
    await pushDevice(t.db, holder, 'sim-ipad-1', "Jane's iPad");
    await t.db.account.update({
      where: { id: holder },
      data: {
        recoveryKeyHash: '$2b$04$thehashofthekeyxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        recoveryKeyCreatedAt: new Date('2026-11-20T08:00:00Z'),
      },
    });
    await t.db.appPassword.create({
      data: {
        accountId: holder,
        label: 'Mail on the old Mac',
        lookupKey: 'abcd',
        hash: '$2b$04$apphash',
        createdAt: new Date('2026-11-21T09:00:00Z'),
      },
    });

    const view = (await viewAccount(deps(), (await found()).s, DESK)) as DetailsView;
    expect(view.kind).toBe('details');
    expect(view).toMatchObject({
      appleId: 'Jane.Holder@Example.com',
      twoStepSince: null,
      country: 'United States',
      recoveryKeyCreatedAt: new Date('2026-11-20T08:00:00Z'),
    });
    expect(view.devices.map((d) => d.label)).toEqual(['+1 ••• ••• ••34', '+•• ••• ••• ••23', "Jane's iPad"]);
    expect(view.appPasswords).toEqual([
      { label: 'Mail on the old Mac', createdAt: new Date('2026-11-21T09:00:00Z'), lastUsedAt: null, revokedAt: null },
    ]);

    const all = JSON.stringify(view);
    for (const secret of ['5550101234', '7700900123', '$2b$', 'thehash', 'apphash', 'passwordHash', 'recoveryKeyHash', 'answerHash'])
      expect(all).not.toContain(secret);
  });

  it('shows an authenticator app and a passkey by kind, name and dates: never a secret, credential id, public key, counter or TOTP step', async () => {
    const day = (d: number) => new Date(Date.parse(START) - d * DAY);
    await appDevice(t.db, holder, 'Authy', { createdAt: day(5), verifiedAt: day(5), lastUsedAt: day(1) });
    await passkeyDevice(t.db, holder, 'YubiKey', { createdAt: day(4) });
    const view = (await viewAccount(deps(), (await found()).s, DESK)) as DetailsView;
    expect(view.devices).toEqual([
      { label: 'Authenticator app (Authy)', kind: 'totp', addedAt: day(5), verifiedAt: day(5), lastUsedAt: day(1) },
      { label: 'Passkey or security key (YubiKey)', kind: 'passkey', addedAt: day(4), verifiedAt: day(4), lastUsedAt: null },
    ]);
    const html = renderToStaticMarkup(createElement(TrustedDevicesTable, { devices: view.devices }));
    expect(html).toContain('<td>Authenticator app</td>');
    expect(html).toContain('<td>Passkey or security key</td>');
    expect(html).toContain('Last used');
    for (const text of [JSON.stringify(view), html]) {
      for (const secret of Object.values(KIND_SECRETS)) expect(text).not.toContain(String(secret));
      for (const field of ['totpSecret', 'credentialId', 'publicKey', 'signCount', 'totpLastStep', 'transports'])
        expect(text).not.toContain(field);
    }
  });

  it('says the waiting period, its cause and dates; and evaluating it for staff changes nothing', async () => {
    const sessionId = sessionIdOf(await createSession(t.db, holder, clock.now(), BROWSER));
    const changed = await changePassword(
      deps(),
      { accountId: holder, sessionId },
      { currentPassword: GOOD_PASSWORD, password: 'a brand new password 7', confirmPassword: 'a brand new password 7' },
      BROWSER,
    );
    expect(changed.ok).toBe(true);
    clock.advance(DAY);
    const view = (await viewAccount(deps(), (await found()).s, DESK)) as DetailsView;
    expect(view.eligibility).toEqual({
      state: 'waiting',
      reason: 'password-changed',
      reasonAt: new Date(START),
      endsAt: new Date(Date.parse(START) + 3 * DAY),
    });
    expect(view.waitingPeriod).toMatchObject({
      reason: 'password-changed',
      endsAt: new Date(Date.parse(START) + 3 * DAY),
      windowEndsAt: new Date(Date.parse(START) + 33 * DAY),
    });

    // A setup whose 30 days ran out: the holder's own page would start a new waiting period; a
    // staff look only reports it.
    await t.db.account.update({
      where: { id: holder },
      data: { setupStartedAt: new Date(START), setupDeadline: new Date(Date.parse(START) + 33 * DAY) },
    });
    clock.advance(40 * DAY);
    const periods = await t.db.waitingPeriod.count();
    const later = (await viewAccount(deps(), (await found()).s, DESK)) as DetailsView;
    expect(later.eligibility.state).toBe('window-expired');
    expect(await t.db.waitingPeriod.count()).toBe(periods);
    expect(await t.db.account.findUniqueOrThrow({ where: { id: holder } })).toMatchObject({
      setupDeadline: new Date(Date.parse(START) + 33 * DAY),
    });
  });

  it('counts the browsers the account remembers, never showing an id; Sign Out Everywhere brings the count to none', async () => {
    const remembered = [];
    for (const address of ['192.0.2.1', '192.0.2.2']) {
      const token = await createSession(t.db, holder, clock.now(), { ...BROWSER, clientAddress: address });
      remembered.push(...((await rememberKnownBrowser(deps(), { accountId: holder, sessionToken: token }, [])) ?? []));
    }
    const view = (await viewAccount(deps(), (await found()).s, DESK)) as DetailsView;
    expect(view.rememberedBrowsers).toBe(2);
    // The details say the eligibility with the explainer's async component: rendered as a whole, awaited.
    const html = await renderAsync(createElement(Details, { view }));
    expect(html).toContain('2 browsers are remembered after a completed sign-in.');
    for (const text of [JSON.stringify(view), html]) {
      for (const { id } of remembered) {
        expect(text).not.toContain(id);
        expect(text).not.toContain(knownBrowserKey(id));
      }
    }

    await signOutEverywhere(deps(), await createSession(t.db, holder, clock.now(), BROWSER), BROWSER);
    const after = (await viewAccount(deps(), (await found()).s, DESK)) as DetailsView;
    expect(after.rememberedBrowsers).toBe(0);
    expect(await renderAsync(createElement(Details, { view: after }))).toContain('No browser is remembered');
  });

  it('with two-step on, shows only that the account exists until a PIN is entered', async () => {
    await smsDevice(t.db, holder, '+15550101234');
    await t.db.account.update({
      where: { id: holder },
      data: { twoStepEnabledAt: new Date(START), recoveryKeyCreatedAt: new Date(START) },
    });
    const view = await viewAccount(deps(), (await found()).s, DESK);
    expect(view).toEqual({ kind: 'locked', appleId: 'Jane.Holder@Example.com' });
  });

  it('records every look on the account, with the staff member, and the holder reads who looked', async () => {
    await t.db.securityEvent.deleteMany();
    const { s } = await found('JANE.HOLDER@EXAMPLE.COM');
    await viewAccount(deps(), s, DESK);
    clock.advance(1000);
    await viewAccount(deps(), s, DESK);
    const events = await t.db.securityEvent.findMany({ where: { accountId: holder }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    expect(events.map((e) => e.kind)).toEqual(['support-looked-up', 'support-details-viewed', 'support-details-viewed']);
    for (const e of events) {
      expect(JSON.parse(e.details!)).toEqual({ staffUserId: sam, staffName: 'Sam Staff' });
      expect(e).toMatchObject({ clientAddress: DESK.clientAddress, userAgent: DESK.userAgent });
    }
    const { items } = await recentActivity(t.db, holder);
    expect(items.map((i) => i.label)).toEqual([
      'Apple Support (Sam Staff) viewed your account details',
      'Apple Support (Sam Staff) viewed your account details',
      'Apple Support (Sam Staff) looked up your account',
    ]);
    // The agent reads the same looks on the console, in words written for the agent.
    const shown = await viewAccount(deps(), s, DESK);
    if (shown?.kind !== 'details') throw new Error(`expected the details, got ${shown?.kind}`);
    expect(shown.events.slice(1, 4).map((i) => i.label)).toEqual([
      "Sam Staff viewed this account's details",
      "Sam Staff viewed this account's details",
      'Sam Staff looked up this account',
    ]);
    expect(shown.events.map((i) => i.label).join('\n')).not.toMatch(/\byour?\b/i);
    // A search for an Apple ID nobody has records nothing (there is no account to record it on).
    const before = await t.db.securityEvent.count();
    await found('nobody@example.com');
    expect(await t.db.securityEvent.count()).toBe(before);
  });
});

/** The HTML of a tree with async server components (renderToStaticMarkup cannot wait for them). */
async function renderAsync(element: ReturnType<typeof createElement>): Promise<string> {
  const { prelude } = await prerenderToNodeStream(element);
  let html = '';
  for await (const chunk of prelude) html += String(chunk);
  return html;
}
