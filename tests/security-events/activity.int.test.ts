// Recent security activity (the holder's own log): newest first, 20 to a page, only this account's
// events, a sentence for every kind, a short browser name, and never the event details.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { accountInput, BROWSER, freshAccount, testDeps } from '../harness/accounts.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { recordSecurityEvent, SECURITY_EVENT_KINDS, type SecurityEventKind } from '../../src/security-events/record.ts';
import {
  ACTIVITY_LABELS,
  activityLabel,
  browserName,
  parseActivityPage,
  recentActivity,
  activityCursorText,
  parseActivityCursor,
  UNKNOWN_ACTIVITY,
  UNKNOWN_BROWSER,
} from '../../src/security-events/activity.ts';

const T0 = Date.parse('2026-11-23T10:00:00Z');
const CHROME_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

describe('recent security activity', () => {
  let t: TestDb;
  let accountId: string;

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.drop();
  });
  beforeEach(async () => {
    ({ accountId } = await freshAccount(t.db));
    await t.db.securityEvent.deleteMany();
  });

  /** `count` events for the account, one a minute from T0; event i has kind kinds[i % n]. */
  async function seed(count: number, kinds: SecurityEventKind[] = ['signed-in'], owner = accountId) {
    await t.db.securityEvent.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        accountId: owner,
        kind: kinds[i % kinds.length],
        createdAt: new Date(T0 + i * 60_000),
        clientAddress: `198.51.100.${i % 250}`,
        userAgent: CHROME_LINUX,
        details: JSON.stringify({ n: i }),
      })),
    });
  }

  it('shows the events of a new account, newest first', async () => {
    await t.db.account.deleteMany();
    const deps = testDeps(t.db);
    const created = await createAccount(deps, accountInput(), BROWSER);
    if (!created.ok) throw new Error('account');
    const { items, page, pages } = await recentActivity(t.db, created.accountId, { page: 1 });
    expect(page).toBe(1);
    expect(pages).toBe(1);
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((i) => i.label)).toContain('Account created');
    // The holder reads the browser; the client address is for support staff only.
    expect(items[0]).toMatchObject({ clientAddress: null, browser: 'Chrome' });
    const agent = await recentActivity(t.db, created.accountId, { page: 1, reader: 'agent' });
    expect(agent.items[0]).toMatchObject({ clientAddress: BROWSER.clientAddress, browser: 'Chrome' });
  });

  it('lists newest first, with the id breaking ties between events at the same instant', async () => {
    await seed(5, ['signed-in', 'password-changed', 'code-sent', 'code-wrong', 'signed-out']);
    const same = new Date(T0 + 3_600_000);
    for (const id of ['tie-a', 'tie-c', 'tie-b']) {
      await t.db.securityEvent.create({ data: { id, accountId, kind: 'code-sent', createdAt: same } });
    }
    const { items } = await recentActivity(t.db, accountId, { page: 1, reader: 'agent' });
    expect(items.map((i) => i.id).slice(0, 3)).toEqual(['tie-c', 'tie-b', 'tie-a']);
    expect(items.slice(3).map((i) => i.label)).toEqual([
      'Signed out',
      'Wrong verification code',
      'Verification code sent',
      'Password changed',
      'Signed in',
    ]);
    const times = items.map((i) => i.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(items[3]).toMatchObject({ at: new Date(T0 + 4 * 60_000), clientAddress: '198.51.100.4', browser: 'Chrome on Linux' });
  });

  it('lists events recorded at the same instant newest first, in the order they were recorded', async () => {
    const same = new Date(T0 + 7_200_000);
    const kinds = ['code-verified', 'signed-in', 'code-sent', 'signed-out'] as const;
    for (const kind of kinds) await recordSecurityEvent(t.db, { accountId, kind, at: same }, BROWSER);
    const { items } = await recentActivity(t.db, accountId, { page: 1, reader: 'agent' });
    expect(items.slice(0, 4).map((i) => i.label)).toEqual([
      'Signed out',
      'Verification code sent',
      'Signed in',
      ACTIVITY_LABELS['code-verified'],
    ]);
    expect(items[0]).toMatchObject({ at: same, clientAddress: BROWSER.clientAddress });
  });

  it('pages 45 events as 20, 20 and 5, and clamps pages out of range', async () => {
    await seed(45);
    const p1 = await recentActivity(t.db, accountId, { page: 1 });
    const p2 = await recentActivity(t.db, accountId, { page: 2 });
    const p3 = await recentActivity(t.db, accountId, { page: 3 });
    expect([p1.items.length, p2.items.length, p3.items.length]).toEqual([20, 20, 5]);
    expect([p1.pages, p2.pages, p3.pages]).toEqual([3, 3, 3]);
    expect([p1.page, p2.page, p3.page]).toEqual([1, 2, 3]);
    // Together they are every event once, newest (minute 44) to oldest (minute 0).
    const minutes = [...p1.items, ...p2.items, ...p3.items].map((i) => (i.at.getTime() - T0) / 60_000);
    expect(minutes).toEqual(Array.from({ length: 45 }, (_, i) => 44 - i));

    const low = await recentActivity(t.db, accountId, { page: 0 });
    expect(low.page).toBe(1);
    expect(low.items.map((i) => i.id)).toEqual(p1.items.map((i) => i.id));
    const negative = await recentActivity(t.db, accountId, { page: -4 });
    expect(negative.page).toBe(1);
    const high = await recentActivity(t.db, accountId, { page: 99 });
    expect(high.page).toBe(3);
    expect(high.items.map((i) => i.id)).toEqual(p3.items.map((i) => i.id));
    const notANumber = await recentActivity(t.db, accountId, { page: Number.NaN });
    expect(notANumber.page).toBe(1);
  });

  it('follows Next and Previous links by the event they continue from (keyset): the same pages as by number', async () => {
    await seed(45);
    const same = new Date(T0 + 7 * 60_000); // four events at one instant, across the boundary of pages 2 and 3
    for (const id of ['tie-a', 'tie-b', 'tie-c'])
      await t.db.securityEvent.create({ data: { id, accountId, kind: 'code-sent', createdAt: same } });
    const byNumber = await Promise.all([1, 2, 3].map((page) => recentActivity(t.db, accountId, { page })));
    const ids = (p: { items: { id: string }[] }) => p.items.map((i) => i.id);
    let page = byNumber[0]!;
    for (const n of [2, 3]) {
      const last = page.items[page.items.length - 1]!;
      page = await recentActivity(t.db, accountId, { page: n, before: parseActivityCursor(activityCursorText(last)) });
      expect(page.page).toBe(n);
      expect(ids(page)).toEqual(ids(byNumber[n - 1]!));
    }
    const back = await recentActivity(t.db, accountId, { page: 2, after: parseActivityCursor(activityCursorText(page.items[0]!)) });
    expect(ids(back)).toEqual(ids(byNumber[1]!));
  });

  it('a cursor that leads nowhere, or is no cursor, falls back to the page number', async () => {
    await seed(25);
    const p2 = await recentActivity(t.db, accountId, { page: 2 });
    const nowhere = await recentActivity(t.db, accountId, { page: 2, before: { at: new Date(T0 - 1), id: 'zzz' } });
    expect(nowhere.items.map((i) => i.id)).toEqual(p2.items.map((i) => i.id));
    for (const junk of ['', 'abc', '12', '12.', '.id', '1.a b', '1.a;drop', ['3.x', '4.y'], 7]) {
      expect(parseActivityCursor(junk)).toEqual(Array.isArray(junk) ? { at: new Date(3), id: 'x' } : undefined);
    }
  });

  it('honours a page size', async () => {
    await seed(7);
    const r = await recentActivity(t.db, accountId, { page: 2, pageSize: 3 });
    expect(r).toMatchObject({ page: 2, pages: 3 });
    expect(r.items.map((i) => (i.at.getTime() - T0) / 60_000)).toEqual([3, 2, 1]);
  });

  it('has one empty page when there are no events', async () => {
    expect(await recentActivity(t.db, accountId, { page: 5 })).toEqual({ items: [], page: 1, pages: 1 });
  });

  it("never shows another account's events", async () => {
    const other = await createAccount(testDeps(t.db), accountInput({ appleId: 'other.holder@example.com' }), BROWSER);
    if (!other.ok) throw new Error(`other account: ${JSON.stringify(other.fieldErrors)}`);
    await t.db.securityEvent.deleteMany({ where: { accountId: other.accountId } });
    await seed(30, ['sign-in-failed'], other.accountId);
    await seed(3);
    const mine = await recentActivity(t.db, accountId, { page: 1 });
    expect(mine.pages).toBe(1);
    expect(mine.items).toHaveLength(3);
    const ids = new Set((await t.db.securityEvent.findMany({ where: { accountId }, select: { id: true } })).map((e) => e.id));
    expect(mine.items.every((i) => ids.has(i.id))).toBe(true);
    expect(mine.items.map((i) => i.label)).not.toContain('Wrong password at sign-in');
    const theirs = await recentActivity(t.db, other.accountId, { page: 2 });
    expect(theirs).toMatchObject({ page: 2, pages: 2 });
    expect(theirs.items).toHaveLength(10);
  });

  it('the holder reads where an event came from as a browser: "this browser" for the events of the session reading the list', async () => {
    const since = new Date(T0 + 10 * 60_000);
    const sessionId = 'a'.repeat(64);
    await t.db.session.create({
      data: { id: sessionId, accountId, createdAt: since, lastSeenAt: since, clientAddress: '198.51.100.7', userAgent: CHROME_LINUX },
    });
    const event = (id: string, minutes: number, clientAddress: string, userAgent: string) =>
      t.db.securityEvent.create({
        data: { id, accountId, kind: 'signed-in', createdAt: new Date(T0 + minutes * 60_000), clientAddress, userAgent },
      });
    const SAFARI_IPHONE =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
    await event('mine', 10, '198.51.100.7', CHROME_LINUX); // this session, from its start
    await event('before', 9, '198.51.100.7', CHROME_LINUX); // same browser, before this session: not known to be this one
    await event('phone', 11, '203.0.113.9', SAFARI_IPHONE);
    await event('other-address', 12, '203.0.113.9', CHROME_LINUX);
    const { items } = await recentActivity(t.db, accountId, { page: 1, thisSession: sessionId });
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId.mine).toMatchObject({ thisBrowser: true, browser: 'Chrome on Linux', clientAddress: null });
    expect(byId.before).toMatchObject({ thisBrowser: false, browser: 'Chrome on Linux' });
    expect(byId.phone).toMatchObject({ thisBrowser: false, browser: 'Safari on iPhone', clientAddress: null });
    expect(byId['other-address']).toMatchObject({ thisBrowser: false });
    // Another account's session is not this account's browser; the agent's view marks none.
    const other = await recentActivity(t.db, accountId, { page: 1, thisSession: 'b'.repeat(64) });
    expect(other.items.some((i) => i.thisBrowser)).toBe(false);
    const agent = await recentActivity(t.db, accountId, { page: 1, thisSession: sessionId, reader: 'agent' });
    expect(agent.items.find((i) => i.id === 'mine')).toMatchObject({ thisBrowser: false, clientAddress: '198.51.100.7' });
  });

  it('never returns the event details', async () => {
    await t.db.securityEvent.create({
      data: {
        accountId,
        kind: 'trusted-device-added',
        createdAt: new Date(T0),
        details: JSON.stringify({ deviceId: 'dev-secret-id-123' }),
      },
    });
    const { items } = await recentActivity(t.db, accountId, { page: 1 });
    expect(Object.keys(items[0]).sort()).toEqual(['at', 'browser', 'browserSaid', 'clientAddress', 'id', 'label', 'said', 'thisBrowser']);
    // What a page says in the reader's language: the catalogue's key, filled with nothing from details here.
    expect(items[0]).toMatchObject({ said: { key: 'changes.activity.trustedDeviceAdded', facts: {} } });
    expect(JSON.stringify(items)).not.toContain('dev-secret-id-123');
    expect(items[0]).toMatchObject({ label: 'Trusted device added', clientAddress: null, browser: UNKNOWN_BROWSER });
  });

  it('names the trusted device added or removed by its title, kind first; older events keep the generic label', async () => {
    const event = (kind: string, minutes: number, details: object | string | null) =>
      t.db.securityEvent.create({
        data: {
          accountId,
          kind,
          createdAt: new Date(T0 - minutes * 60_000),
          details: details === null || typeof details === 'string' ? details : JSON.stringify(details),
        },
      });
    await event('trusted-device-added', 1, { kind: 'totp', device: 'Authenticator app (Authy)', title: 'Authenticator app (Authy)' });
    await event('trusted-device-removed', 2, {
      kind: 'passkey',
      device: 'Passkey or security key (YubiKey)',
      title: 'Passkey or security key (YubiKey)',
      wasTrusted: true,
    });
    await event('trusted-device-added', 3, { kind: 'sms', device: '+1 ••• ••• ••34' });
    await event('trusted-device-removed', 4, 'not json');
    await event('signed-in', 5, { title: 'Not a device event' });
    const { items } = await recentActivity(t.db, accountId, { page: 1 });
    expect(items.map((i) => i.label)).toEqual([
      'Authenticator app (Authy) added',
      'Passkey or security key (YubiKey) removed',
      'Trusted device added',
      'Trusted device removed',
      'Signed in',
    ]);
  });

  it('labels every kind, and a kind it does not know generically', async () => {
    await seed(SECURITY_EVENT_KINDS.length, [...SECURITY_EVENT_KINDS]);
    await t.db.securityEvent.create({ data: { accountId, kind: 'from-the-future', createdAt: new Date(T0 - 60_000) } });
    const { items } = await recentActivity(t.db, accountId, { page: 1, pageSize: 100 });
    expect(items.map((i) => i.label)).toEqual([...[...SECURITY_EVENT_KINDS].reverse().map((k) => ACTIVITY_LABELS[k]), UNKNOWN_ACTIVITY]);
  });
});

describe('activity labels', () => {
  it('the agent\'s words: no kind tells a support agent about "your" account, named or not', () => {
    const details = [null, JSON.stringify({ staffName: 'Sam Staff', app: 'iCloud (demo)', title: 'Phone number (+1 ••• ••• ••34)' })];
    for (const kind of SECURITY_EVENT_KINDS) {
      for (const d of details) {
        const label = activityLabel(kind, d, 'agent');
        expect(label, kind).not.toMatch(/\byou(rs?|rself)?\b/i);
        expect(label, kind).toMatch(/^[A-Za-z][^\n]*[A-Za-z)]$/);
      }
    }
    const staff = JSON.stringify({ staffName: 'Sam Staff' });
    expect(activityLabel('support-looked-up', staff, 'agent')).toBe('Sam Staff looked up this account');
    expect(activityLabel('support-details-viewed', staff, 'agent')).toBe("Sam Staff viewed this account's details");
    expect(activityLabel('support-pin-accepted', staff, 'agent')).toBe('Sam Staff entered the support PIN the holder gave them');
    expect(activityLabel('support-looked-up', null, 'agent')).toBe('Apple Support looked up this account');
    expect(activityLabel('app-allowed', JSON.stringify({ app: 'iCloud (demo)' }), 'agent')).toBe(
      'iCloud (demo) was allowed to sign in with this Apple ID',
    );
    // The kinds with no "you" read the same for both; the holder's words are unchanged.
    expect(activityLabel('password-changed', null, 'agent')).toBe(ACTIVITY_LABELS['password-changed']);
    expect(activityLabel('support-looked-up', staff)).toBe('Apple Support (Sam Staff) looked up your account');
  });

  it('has a plain-English sentence for every kind of security event', () => {
    for (const kind of SECURITY_EVENT_KINDS) {
      const label = ACTIVITY_LABELS[kind];
      expect(label, kind).toMatch(/^[A-Za-z][^\n]*[a-z]$/);
      expect(label, kind).toContain(' '); // words, not a slug such as 'code-sent'
    }
    expect(Object.keys(ACTIVITY_LABELS).sort()).toEqual([...SECURITY_EVENT_KINDS].sort());
    expect(new Set(Object.values(ACTIVITY_LABELS)).size).toBe(SECURITY_EVENT_KINDS.length);
  });

  it('uses the agreed wording for the common events', () => {
    expect(ACTIVITY_LABELS).toMatchObject({
      'signed-in': 'Signed in',
      'sign-in-failed': 'Wrong password at sign-in',
      'password-changed': 'Password changed',
      'waiting-period-started': 'Waiting period started before two-step setup',
      'code-sent': 'Verification code sent',
      'code-send-failed': 'A code could not be sent',
      'code-wrong': 'Wrong verification code',
      'code-reused': 'A used code was tried again',
    });
  });
});

describe('browserName', () => {
  it.each([
    [CHROME_LINUX, 'Chrome on Linux'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      'Safari on iPhone',
    ],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0', 'Firefox on Windows'],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
      'Safari on Mac',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51',
      'Edge on Windows',
    ],
    [
      'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
      'Chrome on Android',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1',
      'Chrome on iPhone',
    ],
    [
      'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/125.0 Mobile/15E148 Safari/605.1.15',
      'Firefox on iPad',
    ],
    [
      'Mozilla/5.0 (Linux; Android 13; SM-S901B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36',
      'Samsung Internet on Android',
    ],
    [
      'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
      'Chrome on ChromeOS',
    ],
    ['Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0', 'Firefox on Linux'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/142.0.0.0 Safari/537.36', 'Chrome on Linux'],
    [BROWSER.userAgent, 'Chrome'],
  ])('%s → %s', (ua, expected) => {
    expect(browserName(ua)).toBe(expected);
  });

  it('falls back to "Unknown browser"', () => {
    expect(browserName(null)).toBe(UNKNOWN_BROWSER);
    expect(browserName(undefined)).toBe(UNKNOWN_BROWSER);
    expect(browserName('')).toBe(UNKNOWN_BROWSER);
    expect(browserName('curl/8.5.0')).toBe(UNKNOWN_BROWSER);
    expect(UNKNOWN_BROWSER).toBe('Unknown browser');
  });
});

describe('parseActivityPage', () => {
  it('takes a positive whole number and otherwise 1', () => {
    expect(parseActivityPage('3')).toBe(3);
    expect(parseActivityPage(['2', '5'])).toBe(2);
    for (const bad of [undefined, '', '0', '-2', '2.5', 'abc', 'Infinity']) expect(parseActivityPage(bad), String(bad)).toBe(1);
  });
});
