// The operator's command for the apps that sign people in through the portal (`npm run apps`): the
// only way an app is registered, and the only way signing keys are rotated. scripts/apps.ts is the
// process around this file (environment, migrations, printing, exit code); what the command decides
// is here, so tests run it in-process.
import { parseArgs } from 'node:util';
import type { Clock } from '../clock.ts';
import { durationText, MINUTE } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { failure, sentenceOf, type Result } from '../result.ts';
import { listApps, registerApp, removeApp, type RegisteredApp } from './apps.ts';
import { OIDC_ERRORS, type OidcError } from './errors.ts';
import { DISCOVERY_PATH } from './paths.ts';
import { SCOPE_NAMES } from './scopes.ts';
import { KEY_PUBLISH_LEAD_MS, KEY_RELOAD_MS, publishedKeys, RETIRED_KEY_PUBLISHED_MS, rotateSigningKeys } from './signing-keys.ts';

export const APPS_USAGE = `Usage: npm run apps -- <command>

  add <name> --redirect-uri <uri> [--redirect-uri <uri> ...]
             [--post-logout-redirect-uri <uri> ...] [--public]
                      register an app that signs people in with their Apple ID. Prints its
                      client id and, for a confidential app (one with a server), its client
                      secret, ONCE. --public: an app that cannot keep a secret (in a browser or
                      on a phone); it gets no secret and proves each code exchange with PKCE.
                      Redirect URIs are matched exactly: https (http only on localhost or
                      127.0.0.1), no #fragment, all on one host. Quote a name with spaces.
  list                the registered apps (never a secret)
  remove <client-id>  remove an app: every token it holds and every holder's permission go too
  rotate-keys         make a new ID token signing key (published at once, signing ${durationText(KEY_PUBLISH_LEAD_MS)}
                      later) and delete the old keys no longer published. Needs
                      OIDC_KEY_ENCRYPTION_KEY (npm start keeps it in data/oidc-key).
  help                this text`;

export type AppsCommand =
  | { command: 'add'; name: string; redirectUris: string[]; postLogoutRedirectUris: string[]; confidential: boolean }
  | { command: 'list' }
  | { command: 'remove'; clientId: string }
  | { command: 'rotate-keys' }
  | { command: 'help' };

export function parseAppsCommand(argv: string[]): Result<{ command: AppsCommand }, OidcError> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'redirect-uri': { type: 'string', multiple: true },
        'post-logout-redirect-uri': { type: 'string', multiple: true },
        public: { type: 'boolean' },
      },
    });
  } catch (e) {
    return failure(OIDC_ERRORS, 'BAD_ARGUMENTS', e instanceof Error ? e.message : String(e));
  }
  const [command, ...rest] = parsed.positionals;
  const { 'redirect-uri': redirectUris, 'post-logout-redirect-uri': postLogout, public: isPublic } = parsed.values;
  const noOptions = redirectUris === undefined && postLogout === undefined && !isPublic;
  switch (command) {
    case 'add':
      if (rest.length !== 1) return failure(OIDC_ERRORS, 'ADD_NEEDS_NAME');
      return {
        ok: true,
        command: {
          command: 'add',
          name: rest[0]!,
          redirectUris: redirectUris ?? [],
          postLogoutRedirectUris: postLogout ?? [],
          confidential: !isPublic,
        },
      };
    case 'list':
    case 'rotate-keys':
      return rest.length === 0 && noOptions ? { ok: true, command: { command } } : failure(OIDC_ERRORS, 'TAKES_NO_ARGUMENTS', command);
    case 'remove':
      return rest.length === 1 && noOptions
        ? { ok: true, command: { command: 'remove', clientId: rest[0]! } }
        : failure(OIDC_ERRORS, 'REMOVE_NEEDS_CLIENT_ID');
    case 'help':
    case undefined:
      return { ok: true, command: { command: 'help' } };
    default:
      return failure(OIDC_ERRORS, 'UNKNOWN_COMMAND', command);
  }
}

export interface AppsDeps {
  db: Db;
  clock: Clock;
  /** APP_URL: the issuer the apps are told to discover. */
  appUrl: string;
  /** OIDC_KEY_ENCRYPTION_KEY as given (read only by rotate-keys). */
  keyEncryptionKey?: string;
}

export interface AppsOutcome {
  stdout: string[];
  stderr: string[];
  exitCode: number;
}

const done = (stdout: string[]): AppsOutcome => ({ stdout, stderr: [], exitCode: 0 });
const refused = (...stderr: string[]): AppsOutcome => ({ stdout: [], stderr: stderr.map((l) => `apps: ${l}`), exitCode: 1 });

export async function runAppsCommand(deps: AppsDeps, command: AppsCommand): Promise<AppsOutcome> {
  switch (command.command) {
    case 'help':
      return done([APPS_USAGE]);
    case 'add':
      return add(deps, command);
    case 'list': {
      const apps = await listApps(deps.db);
      return done([...apps.flatMap(appLines), `${apps.length} app${apps.length === 1 ? '' : 's'}`]);
    }
    case 'remove': {
      const row = await deps.db.oidcClient.findUnique({ where: { id: command.clientId }, select: { name: true } });
      if (!row || !(await removeApp(deps.db, command.clientId)))
        return refused(sentenceOf(OIDC_ERRORS, 'APP_NOT_REGISTERED', command.clientId));
      return done([`removed ${command.clientId} (${row.name}): its codes and tokens are deleted, and no one's permission for it remains`]);
    }
    case 'rotate-keys':
      return rotate(deps);
  }
}

function appLines(app: RegisteredApp): string[] {
  return [
    `${app.clientId}  ${app.name}`,
    `  kind:         ${app.confidential ? 'confidential (client secret, client_secret_basic)' : 'public (no secret, PKCE only)'}`,
    ...app.redirectUris.map((u) => `  redirect:     ${u}`),
    ...app.postLogoutRedirectUris.map((u) => `  after logout: ${u}`),
    `  created:      ${app.createdAt.toISOString()}`,
  ];
}

async function add(deps: AppsDeps, c: Extract<AppsCommand, { command: 'add' }>): Promise<AppsOutcome> {
  const made = await registerApp(
    deps.db,
    { name: c.name, redirectUris: c.redirectUris, postLogoutRedirectUris: c.postLogoutRedirectUris, confidential: c.confidential },
    deps.clock.now(),
  );
  if (!made.ok) return refused(made.error, ...(made.problems ?? []).map((p) => `  ${p}`));
  const issuer = deps.appUrl.replace(/\/+$/, '');
  const stdout = [`registered ${c.confidential ? 'confidential' : 'public'} app "${c.name.trim()}"`, `  client id:     ${made.clientId}`];
  // Printed once, here: it is kept only as its SHA-256 (src/oidc/apps.ts).
  if (made.secret)
    stdout.push(
      `  client secret: ${made.secret}`,
      '  The secret is shown only now. Keep it in the app\u2019s server configuration; if it is lost, remove the app and add it again.',
    );
  stdout.push(
    '',
    'Configure the app (any OpenID Connect client library):',
    `  issuer:        ${issuer}`,
    `  discovery:     ${issuer}${DISCOVERY_PATH}`,
    '  flow:          authorization code (response_type=code) with PKCE, code_challenge_method=S256',
    `  client auth:   ${made.secret ? 'client_secret_basic (the client id and secret in HTTP Basic)' : 'none (a public app: no secret; PKCE proves the exchange)'}`,
    `  scopes:        ${SCOPE_NAMES.join(' ')}`,
  );
  return done(stdout);
}

async function rotate(deps: AppsDeps): Promise<AppsOutcome> {
  const given = deps.keyEncryptionKey?.trim();
  if (!given) return refused(sentenceOf(OIDC_ERRORS, 'KEY_ENCRYPTION_KEY_MISSING'));
  if (!/^[A-Za-z0-9_-]{43}$/.test(given)) return refused(sentenceOf(OIDC_ERRORS, 'KEY_ENCRYPTION_KEY_MALFORMED'));
  const key = Buffer.from(given, 'base64url');
  const now = deps.clock.now();
  // A new key sealed under another key than the portal's would stop every instance at its next
  // reload: the key must open what is there before anything is written.
  try {
    await publishedKeys(deps.db, key, now);
  } catch {
    return refused(sentenceOf(OIDC_ERRORS, 'KEY_ENCRYPTION_KEY_WRONG'));
  }
  const first = (await deps.db.oidcSigningKey.count()) === 0;
  const { added, removed, signsAt } = await rotateSigningKeys(deps.db, key, now);
  const stdout = first
    ? [`new signing key ${added}: the first one, it signs at once`]
    : [
        `new signing key ${added}: published now, signs from ${signsAt.toISOString()} (in ${durationText(KEY_PUBLISH_LEAD_MS)}:`,
        `  every instance reads the keys every ${durationText(KEY_RELOAD_MS).replace(/^1 /, '')}, so apps can know it before it signs)`,
        `  the key it replaces stays published for ${Math.ceil(RETIRED_KEY_PUBLISHED_MS / MINUTE)} minutes after that, for the tokens it signed`,
      ];
  stdout.push(
    removed.length
      ? `deleted old keys no longer published: ${removed.join(', ')}`
      : 'deleted no old key (none has left the published set yet)',
  );
  return done(stdout);
}
