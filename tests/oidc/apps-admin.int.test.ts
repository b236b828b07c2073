// The operator's command for apps (`npm run apps`): parsing, and add / list / remove / rotate-keys on
// a real database, in-process and through the script itself (environment, exit codes). A client
// secret is printed once, by add, and never again.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { freshAccount } from '../harness/accounts.ts';
import { ROOT } from '../support-console/app-harness.ts';
import { fixedClock, MINUTE } from '../../src/clock.ts';
import { APPS_USAGE, parseAppsCommand, runAppsCommand, type AppsCommand } from '../../src/oidc/apps-admin.ts';
import { secretMatches } from '../../src/oidc/apps.ts';
import { KEY_PUBLISH_LEAD_MS, publishedKeys, RETIRED_KEY_PUBLISHED_MS } from '../../src/oidc/signing-keys.ts';

const START = '2026-11-23T10:00:00.000Z';
const APP_URL = 'https://appleid.example/';
const KEY = randomBytes(32).toString('base64url');

function appsCommand(
  databaseUrl: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/apps.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, APP_URL, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const parsed = (argv: string[]): AppsCommand => {
  const r = parseAppsCommand(argv);
  if (!r.ok) throw new Error(r.error);
  return r.command;
};

describe('npm run apps', () => {
  let t: TestDb;
  let clock: ReturnType<typeof fixedClock>;
  const run = (argv: string[], keyEncryptionKey?: string) =>
    runAppsCommand({ db: t.db, clock, appUrl: APP_URL, keyEncryptionKey }, parsed(argv));
  const secretOf = (stdout: string[]) =>
    stdout
      .find((l) => l.includes('client secret:'))
      ?.split(':')[1]
      ?.trim();
  const clientIdOf = (stdout: string[]) =>
    stdout
      .find((l) => l.includes('client id:'))!
      .split(':')[1]!
      .trim();

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    await t.db.oidcRecord.deleteMany();
    await t.db.oidcClient.deleteMany();
    await t.db.oidcSigningKey.deleteMany();
    clock = fixedClock(START);
  });

  it('parses each command and refuses bad arguments with a sentence', () => {
    expect(
      parsed([
        'add',
        'Notes',
        '--redirect-uri',
        'https://a.example/cb',
        '--redirect-uri',
        'https://a.example/cb2',
        '--post-logout-redirect-uri',
        'https://a.example/',
      ]),
    ).toEqual({
      command: 'add',
      name: 'Notes',
      redirectUris: ['https://a.example/cb', 'https://a.example/cb2'],
      postLogoutRedirectUris: ['https://a.example/'],
      confidential: true,
    });
    expect(parsed(['add', 'Phone app', '--public', '--redirect-uri', 'https://a.example/cb'])).toMatchObject({
      confidential: false,
      postLogoutRedirectUris: [],
    });
    expect(parsed(['list'])).toEqual({ command: 'list' });
    expect(parsed(['remove', 'abc'])).toEqual({ command: 'remove', clientId: 'abc' });
    expect(parsed(['rotate-keys'])).toEqual({ command: 'rotate-keys' });
    expect(parsed([])).toEqual({ command: 'help' });

    expect(parseAppsCommand(['add'])).toMatchObject({ ok: false, code: 'ADD_NEEDS_NAME' });
    expect(parseAppsCommand(['add', 'My', 'App', '--redirect-uri', 'https://a.example/cb'])).toMatchObject({
      ok: false,
      code: 'ADD_NEEDS_NAME',
    });
    expect(parseAppsCommand(['add', 'Notes', '--redirect-uri'])).toMatchObject({
      ok: false,
      code: 'BAD_ARGUMENTS',
      error: expect.stringContaining('--redirect-uri'),
    });
    expect(parseAppsCommand(['add', 'Notes', '--secret', 'x'])).toMatchObject({
      ok: false,
      code: 'BAD_ARGUMENTS',
      error: expect.stringContaining('--secret'),
    });
    expect(parseAppsCommand(['list', '--public'])).toMatchObject({
      ok: false,
      code: 'TAKES_NO_ARGUMENTS',
      error: 'list takes no arguments',
    });
    expect(parseAppsCommand(['rotate-keys', 'now'])).toMatchObject({
      ok: false,
      code: 'TAKES_NO_ARGUMENTS',
      error: 'rotate-keys takes no arguments',
    });
    expect(parseAppsCommand(['remove'])).toMatchObject({ ok: false, code: 'REMOVE_NEEDS_CLIENT_ID' });
    expect(parseAppsCommand(['remove', 'a', 'b'])).toMatchObject({ ok: false, code: 'REMOVE_NEEDS_CLIENT_ID' });
    expect(parseAppsCommand(['launch'])).toMatchObject({ ok: false, code: 'UNKNOWN_COMMAND', error: 'unknown command "launch"' });
  });

  it('add: a confidential app gets a secret, printed once and stored only as its hash, and how to configure it', async () => {
    const out = await run([
      'add',
      'Notes',
      '--redirect-uri',
      'https://notes.example/cb',
      '--post-logout-redirect-uri',
      'https://notes.example/',
    ]);
    expect(out).toMatchObject({ exitCode: 0, stderr: [] });
    const clientId = clientIdOf(out.stdout);
    const secret = secretOf(out.stdout)!;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(out.stdout.join('\n')).toContain('shown only now');
    expect(out.stdout).toEqual(
      expect.arrayContaining([
        '  discovery:     https://appleid.example/.well-known/openid-configuration',
        expect.stringContaining('PKCE, code_challenge_method=S256'),
        expect.stringContaining('client_secret_basic'),
      ]),
    );
    const row = await t.db.oidcClient.findUniqueOrThrow({ where: { id: clientId } });
    expect(row).toMatchObject({
      name: 'Notes',
      redirectUris: JSON.stringify(['https://notes.example/cb']),
      postLogoutRedirectUris: JSON.stringify(['https://notes.example/']),
      createdAt: new Date(START),
    });
    expect(row.secretHash).not.toContain(secret);
    expect(secretMatches(row.secretHash!, secret)).toBe(true);
  });

  it('add: a public app gets no secret; refusals list every problem and write nothing', async () => {
    const out = await run(['add', 'Phone', '--public', '--redirect-uri', 'http://127.0.0.1:8080/cb']);
    expect(out.exitCode).toBe(0);
    expect(secretOf(out.stdout)).toBeUndefined();
    expect(out.stdout.join('\n')).toContain('none (a public app');
    expect((await t.db.oidcClient.findUniqueOrThrow({ where: { id: clientIdOf(out.stdout) } })).secretHash).toBeNull();

    const bad = await run(['add', ' ', '--redirect-uri', 'http://notes.example/cb#top']);
    expect(bad).toMatchObject({ exitCode: 1, stdout: [] });
    expect(bad.stderr).toEqual([
      'apps: The app cannot be registered as given.',
      'apps:   Give the app a name.',
      'apps:   http://notes.example/cb#top must be https (http only on localhost or 127.0.0.1).',
      'apps:   http://notes.example/cb#top must not have a fragment (#...).',
    ]);
    expect(
      (await run(['add', 'Notes', '--redirect-uri', 'https://notes.example/cb', '--redirect-uri', 'https://other.example/cb'])).stderr,
    ).toContain('apps:   Every redirect URI of an app must be on one host.');
    expect((await run(['add', 'Notes'])).stderr).toContain('apps:   Give at least one redirect URI (--redirect-uri).');
    expect(await t.db.oidcClient.count()).toBe(1);
  });

  it('list: every app with its kind and URIs, never a secret or its hash', async () => {
    const added = await run(['add', 'Notes', '--redirect-uri', 'https://notes.example/cb']);
    clock.advance(MINUTE);
    await run([
      'add',
      'Phone',
      '--public',
      '--redirect-uri',
      'https://phone.example/cb',
      '--post-logout-redirect-uri',
      'https://phone.example/bye',
    ]);
    const secret = secretOf(added.stdout)!;
    const { secretHash } = await t.db.oidcClient.findUniqueOrThrow({ where: { id: clientIdOf(added.stdout) } });
    const out = await run(['list']);
    expect(out.exitCode).toBe(0);
    const text = out.stdout.join('\n');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secretHash!);
    expect(out.stdout).toEqual([
      `${clientIdOf(added.stdout)}  Notes`,
      '  kind:         confidential (client secret, client_secret_basic)',
      '  redirect:     https://notes.example/cb',
      '  created:      2026-11-23T10:00:00.000Z',
      expect.stringMatching(/  Phone$/),
      '  kind:         public (no secret, PKCE only)',
      '  redirect:     https://phone.example/cb',
      '  after logout: https://phone.example/bye',
      '  created:      2026-11-23T10:01:00.000Z',
      '2 apps',
    ]);
    await t.db.oidcClient.deleteMany();
    expect((await run(['list'])).stdout).toEqual(['0 apps']);
  });

  it('remove: the app, its tokens and every holder\u2019s permission go; other apps stay', async () => {
    const { accountId } = await freshAccount(t.db, START);
    const ids: string[] = [];
    for (const name of ['Notes', 'Photos']) {
      const clientId = clientIdOf((await run(['add', name, '--redirect-uri', 'https://apps.example/cb'])).stdout);
      ids.push(clientId);
      await t.db.appAuthorization.create({
        data: { accountId, clientId, scope: 'openid', createdAt: clock.now(), allowedAt: clock.now(), lastUsedAt: clock.now() },
      });
      await t.db.oidcRecord.create({ data: { kind: 'RefreshToken', id: `rt-${name}`, payload: '{}', accountId, clientId } });
    }
    const out = await run(['remove', ids[0]!]);
    expect(out).toEqual({ exitCode: 0, stderr: [], stdout: [expect.stringContaining(`removed ${ids[0]} (Notes)`)] });
    expect((await t.db.oidcClient.findMany()).map((c) => c.id)).toEqual([ids[1]]);
    expect((await t.db.appAuthorization.findMany()).map((a) => a.clientId)).toEqual([ids[1]]);
    expect((await t.db.oidcRecord.findMany()).map((r) => r.clientId)).toEqual([ids[1]]);

    expect(await run(['remove', ids[0]!])).toEqual({ exitCode: 1, stdout: [], stderr: [`apps: No app has the client id ${ids[0]}.`] });
  });

  it('rotate-keys: needs the portal\u2019s key, publishes a new key that signs after the lead, deletes keys no longer published', async () => {
    expect(await run(['rotate-keys'])).toMatchObject({
      exitCode: 1,
      stderr: [expect.stringContaining('rotate-keys needs OIDC_KEY_ENCRYPTION_KEY')],
    });
    expect(await run(['rotate-keys'], 'too-short')).toMatchObject({ exitCode: 1, stderr: [expect.stringContaining('43 characters')] });

    const first = await run(['rotate-keys'], KEY);
    expect(first.exitCode).toBe(0);
    const [oldKid] = (await t.db.oidcSigningKey.findMany()).map((k) => k.kid);
    expect(first.stdout[0]).toBe(`new signing key ${oldKid}: the first one, it signs at once`);

    clock.advance(MINUTE);
    const second = await run(['rotate-keys'], KEY);
    const newKid = (await t.db.oidcSigningKey.findMany()).map((k) => k.kid).find((k) => k !== oldKid)!;
    expect(second.stdout[0]).toBe(
      `new signing key ${newKid}: published now, signs from ${new Date(clock.now().getTime() + KEY_PUBLISH_LEAD_MS).toISOString()} (in 5 minutes:`,
    );
    expect(second.stdout.at(-1)).toBe('deleted no old key (none has left the published set yet)');
    expect((await publishedKeys(t.db, Buffer.from(KEY, 'base64url'), clock.now())).map((k) => k.kid)).toEqual([oldKid, newKid]);

    // Another key would seal the new one where no instance can open it: refused, nothing written.
    expect(await run(['rotate-keys'], randomBytes(32).toString('base64url'))).toMatchObject({
      exitCode: 1,
      stderr: [expect.stringContaining('does not open the stored signing keys')],
    });
    expect(await t.db.oidcSigningKey.count()).toBe(2);

    // Once the second key signs and the first has stayed published long enough, the next rotation deletes the first.
    clock.advance(KEY_PUBLISH_LEAD_MS + RETIRED_KEY_PUBLISHED_MS);
    const third = await run(['rotate-keys'], KEY);
    expect(third.stdout.at(-1)).toBe(`deleted old keys no longer published: ${oldKid}`);
    expect((await t.db.oidcSigningKey.findMany()).map((k) => k.kid)).not.toContain(oldKid);
  });

  it('the script: exit 2 and the usage for bad arguments, 0 for add and list, the secret printed by add only', async () => {
    const bad = await appsCommand(t.url, ['add', 'Notes', '--redirect']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('apps: ');
    expect(bad.stderr).toContain(APPS_USAGE);

    const add = await appsCommand(t.url, ['add', 'Notes', '--redirect-uri', 'https://notes.example/cb']);
    expect(add.code).toBe(0);
    const secret = secretOf(add.stdout.split('\n'))!;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(add.stdout).toContain('  discovery:     https://appleid.example/.well-known/openid-configuration');
    expect(add.stderr).not.toContain(secret);

    const list = await appsCommand(t.url, ['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('  Notes');
    expect(list.stdout + list.stderr).not.toContain(secret);

    const refused = await appsCommand(t.url, ['remove', 'no-such-app']);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('No app has the client id no-such-app.') });

    const rotate = await appsCommand(t.url, ['rotate-keys'], { OIDC_KEY_ENCRYPTION_KEY: KEY });
    expect(rotate.code).toBe(0);
    expect(rotate.stdout).toMatch(/^new signing key \S+: the first one, it signs at once$/m);

    const badEnv = await appsCommand(t.url, ['list'], { APP_URL: 'not a url' });
    expect(badEnv).toMatchObject({ code: 1, stderr: expect.stringContaining('APP_URL') });
  });
});
