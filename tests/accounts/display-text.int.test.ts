// Names and labels with control, bidi or invisible-only text are refused with a message next to
// the field, and nothing is stored (on PostgreSQL a NUL in a name used to end in a 500, error 22021:
// "invalid byte sequence for encoding UTF8: 0x00"). What is stored is trimmed and NFC.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, accountInput, freshAccount, markTwoStepOn, testDeps } from '../harness/accounts.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { DISPLAY_TEXT_MESSAGE } from '../../src/accounts/display-text.ts';
import { registerDevice } from '../../src/kinds/push/add.ts';
import { createAppPassword } from '../../src/app-passwords/app-passwords.ts';
import { Prisma } from '../../src/generated/sqlite/client.ts';
import type { Db } from '../../src/db/client.ts';

const UNSAFE = [
  'Jane\u0000Doe',
  'Jane\nDoe',
  'Jane\r',
  '\u0007',
  'Jane\u202eeoD',
  '\u2066Jane\u2069',
  'Jane\u200f',
  'Jane\u2028Doe',
  'Jane\u007f',
];
const INVISIBLE = ['\u200b', '\u200b\u200c\u200d', '\ufeff', '\u2060', ' \u200b ', '\u3164', '\u00ad'];

async function counts(db: Db): Promise<Record<string, number>> {
  const sql = Object.values(Prisma.ModelName)
    .map((m) => `SELECT '${m}' AS t, COUNT(*) AS n FROM "${m}"`)
    .join(' UNION ALL ');
  const rows = await db.$queryRawUnsafe<Array<{ t: string; n: number | bigint }>>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

describe('names and labels refuse control, bidi and invisible-only text, and store nothing', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t?.drop());

  describe('the account name (create account)', () => {
    it.each([
      ...UNSAFE.map((n) => [JSON.stringify(n), n, DISPLAY_TEXT_MESSAGE]),
      ...INVISIBLE.map((n) => [JSON.stringify(n), n, 'Enter your name.']),
    ])('refuses %s with a message next to the name', async (_, name, message) => {
      const before = await counts(t.db);
      const result = await createAccount(testDeps(t.db), accountInput({ appleId: 'new.person@example.com', name }), BROWSER);
      expect(result).toMatchObject({ ok: false, fieldErrors: { name: message } });
      expect(await counts(t.db)).toEqual(before);
    });

    it('stores a name trimmed and in NFC', async () => {
      const result = await createAccount(
        testDeps(t.db),
        accountInput({ appleId: 'zoe@example.com', name: '  Zoe\u0308 Appleseed\u00a0' }),
        BROWSER,
      );
      expect(result.ok).toBe(true);
      expect((await t.db.account.findFirstOrThrow({ where: { appleIdKey: 'zoe@example.com' } })).name).toBe('Zoë Appleseed');
    });
  });

  describe('registered device names and app-specific password labels', () => {
    let deps: ReturnType<typeof testDeps>;
    let actor: { accountId: string; sessionId: string };
    beforeEach(async () => {
      const fresh = await freshAccount(t.db);
      deps = fresh.deps;
      actor = { accountId: fresh.accountId, sessionId: fresh.sessionId };
      await markTwoStepOn(t.db, actor.accountId, deps.clock.now());
    });

    it('refuse each unsafe or invisible-only name, with a message next to the field, storing nothing', async () => {
      const before = await counts(t.db);
      for (const name of UNSAFE) {
        expect(await registerDevice(deps, actor, { name }, BROWSER)).toMatchObject({
          ok: false,
          code: 'INVALID_FIELDS',
          fieldErrors: { name: DISPLAY_TEXT_MESSAGE },
        });
        expect(await createAppPassword(deps, actor, { label: name }, BROWSER)).toMatchObject({
          ok: false,
          code: 'INVALID_FIELDS',
          fieldErrors: { label: DISPLAY_TEXT_MESSAGE },
        });
      }
      for (const name of INVISIBLE) {
        expect(await registerDevice(deps, actor, { name }, BROWSER)).toMatchObject({
          ok: false,
          fieldErrors: { name: expect.stringContaining('Enter a name for the device') },
        });
        expect(await createAppPassword(deps, actor, { label: name }, BROWSER)).toMatchObject({
          ok: false,
          code: 'INVALID_FIELDS',
          fieldErrors: { label: 'Enter a label, such as the name of the app.' },
        });
      }
      expect(await counts(t.db)).toEqual(before);
    });

    it('store good ones trimmed and in NFC', async () => {
      expect((await registerDevice(deps, actor, { name: ' Zoe\u0308’s iPhone ' }, BROWSER)).ok).toBe(true);
      expect((await createAppPassword(deps, actor, { label: ' Mail \u{1F4E7} ' }, BROWSER)).ok).toBe(true);
      expect((await t.db.registeredDevice.findFirstOrThrow({ where: { accountId: actor.accountId } })).name).toBe('Zoë’s iPhone');
      expect((await t.db.appPassword.findFirstOrThrow({ where: { accountId: actor.accountId } })).label).toBe('Mail \u{1F4E7}');
    });
  });
});
