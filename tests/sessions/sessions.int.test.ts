import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD, testDeps, freshAccount } from '../harness/accounts.ts';
import { signIn } from '../../src/sign-in/password.ts';
import {
  resolveSession,
  signOut,
  signOutEverywhere,
  SESSION_IDLE_MS,
  SESSION_ABSOLUTE_MS,
  sessionIdOf,
} from '../../src/sessions/sessions.ts';
import { MINUTE } from '../../src/clock.ts';

describe('sessions', () => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  let token: string;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    ({ deps, token } = await freshAccount(t.db));
  });

  it('keeps only the hash of the token in the database', async () => {
    const rows = await t.db.session.findMany();
    expect(rows.map((r) => r.id)).toEqual([sessionIdOf(token)]);
    expect(rows[0].id).not.toContain(token);
  });

  it('stays alive while used, and ends after 30 minutes idle', async () => {
    for (let i = 0; i < 4; i++) {
      deps.clock.advance(SESSION_IDLE_MS - MINUTE);
      expect(await resolveSession(t.db, token, deps.clock.now())).not.toBeNull();
    }
    deps.clock.advance(SESSION_IDLE_MS + 1);
    expect(await resolveSession(t.db, token, deps.clock.now())).toBeNull();
    expect(await t.db.session.count()).toBe(0);
  });

  it('ends after 12 hours even when used all along', async () => {
    const steps = Math.floor(SESSION_ABSOLUTE_MS / (20 * MINUTE));
    for (let i = 0; i < steps; i++) {
      deps.clock.advance(20 * MINUTE);
      expect(await resolveSession(t.db, token, deps.clock.now())).not.toBeNull();
    }
    deps.clock.advance(20 * MINUTE);
    expect(await resolveSession(t.db, token, deps.clock.now())).toBeNull();
  });

  it('signing out ends this session only, at once', async () => {
    const other = await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, BROWSER);
    if (!other.ok) throw new Error('setup');
    await signOut(deps, token, BROWSER);
    expect(await resolveSession(t.db, token, deps.clock.now())).toBeNull();
    expect(await resolveSession(t.db, other.sessionToken, deps.clock.now())).not.toBeNull();
    expect(await t.db.securityEvent.count({ where: { kind: 'signed-out' } })).toBe(1);
  });

  it('signing out everywhere ends every session of the account', async () => {
    const other = await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, BROWSER);
    if (!other.ok) throw new Error('setup');
    expect(await signOutEverywhere(deps, token, BROWSER)).toBe(2);
    expect(await resolveSession(t.db, other.sessionToken, deps.clock.now())).toBeNull();
    expect(await resolveSession(t.db, token, deps.clock.now())).toBeNull();
    expect(await t.db.securityEvent.count({ where: { kind: 'signed-out-everywhere' } })).toBe(1);
  });

  it('an unknown or forged token is no session', async () => {
    expect(await resolveSession(t.db, 'forged-token', deps.clock.now())).toBeNull();
  });
});
