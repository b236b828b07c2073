// Staff and customer sessions never mix. Every support page (app/support/**/page.tsx) with only a
// customer's session sends to the staff sign-in page; every page of the account (app/account/**)
// and of the code sign-in with a staff session sends away, even when the browser also holds the
// holder's own customer cookie. The pages are found by reading the directories; a page of a dynamic
// segment is rendered with each name it serves (a kind's own pages: app/_kinds/registry.tsx) and one
// it does not.
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { freshAccount, BROWSER } from '../harness/accounts.ts';
import { addStaffUser, createStaffSession } from '../../src/support/staff.ts';
import { APP, appEnv, filesUnder, jar, outcomeOf } from './app-harness.ts';

vi.mock('next/headers', async () => (await import('./app-harness.ts')).nextHeaders);
vi.mock('next/cache', async () => (await import('./app-harness.ts')).nextCache);

type Page = (props: object) => Promise<unknown>;
const PROPS = { searchParams: Promise.resolve({}), params: Promise.resolve({}) };

describe('staff and customer sessions are apart', () => {
  let t: TestDb;
  let customerToken: string;
  let staffToken: string;
  let cookies: { setSessionCookie(token: string): Promise<void>; setStaffCookie(token: string): Promise<void> };

  async function pages(test: (path: string) => boolean): Promise<Array<{ path: string; render: Page }>> {
    const { kindUis } = await import('../../app/_kinds/registry.tsx');
    /** The names each dynamic segment takes. */
    const names: Record<string, string[]> = { page: [...kindUis().flatMap((u) => (u.pages ?? []).map((p) => p.slug)), 'no-such-page'] };
    const files = filesUnder(APP, (f) => f.endsWith('page.tsx') && test(f));
    const found = await Promise.all(
      files.map(async (f) => {
        const path = relative(APP, f);
        const render = (await import(f)).default as Page;
        const segment = /\[([^\]]+)\]/.exec(path)?.[1];
        if (!segment) return [{ path, render }];
        expect(names[segment], `the names of ${path}`).toBeDefined();
        return names[segment]!.map((name) => ({
          path: `${path} (${segment}: ${name})`,
          render: (props: object) => render({ ...props, params: Promise.resolve({ [segment]: name }) }),
        }));
      }),
    );
    return found.flat();
  }

  beforeAll(async () => {
    t = await createTestDb();
    appEnv(t.url);
    // Sessions made now: the pages check them against the real clock.
    ({ token: customerToken } = await freshAccount(t.db, new Date().toISOString()));
    const deps = { db: t.db, clock: { now: () => new Date() }, bcryptCost: 4 };
    const staff = await addStaffUser(deps, {
      email: 'sam.staff@example.com',
      displayName: 'Sam Staff',
      password: 'a long staff password 2026',
    });
    if (!staff.ok) throw new Error(staff.error);
    staffToken = await createStaffSession(t.db, staff.staffUserId, new Date(), BROWSER, 'totp');
    const [session, staffSession] = await Promise.all([import('../../app/lib/session.ts'), import('../../app/lib/staff-session.ts')]);
    cookies = { setSessionCookie: session.setSessionCookie, setStaffCookie: staffSession.setStaffCookie };
  });
  afterAll(() => t?.drop());

  it('a customer session opens no support page, the second factor’s included', async () => {
    const support = await pages((f) => f.startsWith('support/') && f !== 'support/sign-in/page.tsx');
    expect(support.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'support/page.tsx',
        'support/account/page.tsx',
        'support/sign-in/verify/page.tsx',
        'support/sign-in/set-up/page.tsx',
      ]),
    );
    for (const page of support) {
      jar.clear();
      await cookies.setSessionCookie(customerToken);
      expect(await outcomeOf(() => page.render(PROPS)), page.path).toEqual({ refused: true, how: 'redirect /support/sign-in' });
    }
  });

  it('the same support pages open with a staff session', async () => {
    jar.clear();
    await cookies.setStaffCookie(staffToken);
    const [home] = await pages((f) => f === 'support/page.tsx');
    expect(await outcomeOf(() => home!.render(PROPS))).toEqual({ refused: false, how: 'rendered' });
  });

  it('a staff session opens no page of the account, with or without the holder’s own cookie beside it', async () => {
    const customer = await pages((f) => f.startsWith('account/') || f.startsWith('sign-in/verify/') || f.startsWith('sign-in/recovery/'));
    expect(customer.length).toBeGreaterThan(8);
    for (const page of customer) {
      for (const alsoCustomer of [false, true]) {
        jar.clear();
        await cookies.setStaffCookie(staffToken);
        if (alsoCustomer) await cookies.setSessionCookie(customerToken);
        const outcome = await outcomeOf(() => page.render(PROPS));
        expect(outcome.refused, `${page.path}: ${outcome.how}`).toBe(true);
        if (alsoCustomer && page.path.startsWith('account/')) expect(outcome.how, page.path).toBe('redirect /support');
      }
    }
  });

  it('the holder’s own cookie alone still opens the account', async () => {
    jar.clear();
    await cookies.setSessionCookie(customerToken);
    const [account] = await pages((f) => f === 'account/page.tsx');
    expect(await outcomeOf(() => account!.render(PROPS))).toEqual({ refused: false, how: 'rendered' });
  });
});
