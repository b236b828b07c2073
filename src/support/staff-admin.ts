// The operator's command for support staff (`npm run staff -- add EMAIL`): the ONLY way a staff
// user comes to exist. scripts/staff.ts is the process around this file (environment, migrations,
// standard input, exit code); what the command decides is here, so tests run it in-process.
import { parseArgs } from 'node:util';
import type { Db } from '../db/client.ts';
import { failure, sentenceOf, type Result } from '../result.ts';
import { SUPPORT_ERRORS, type SupportError } from './errors.ts';
import { appleIdKey } from '../accounts/apple-id.ts';
import { kindOf } from '../kinds/registry.ts';
import { withArticle } from '../kinds/kind.ts';
import { NO_REQUEST } from '../security-events/record.ts';
import { STAFF_FACTOR_KINDS, type StaffFactorKind } from '../kinds/staff-kinds-registry.ts';
import { addStaffUser, generateStaffPassword, type StaffDeps } from './staff.ts';
import { factorKindsByStaff, resetStaffFactors } from './staff-factors.ts';

/** The kinds of second factor a staff member may set up, each noun with its article, joined by `or`. */
const factorChoices = (or: string) => STAFF_FACTOR_KINDS.map((k) => withArticle(kindOf(k).noun)).join(or);

export const STAFF_USAGE = `Usage: npm run staff -- <command>

  add <email> [--name "Display Name"] [--password-stdin]
                      create a support staff user. Without --password-stdin a strong password
                      is generated and printed ONCE; with it, the password is the first line of
                      standard input (at least 15 characters). The display name is what account
                      holders read in their security activity; it defaults to the email's name.
  list                the staff users, and the second factor each one has
  remove <email>      delete a staff user and end their sessions
  reset-factor <email>
                      remove a staff user's second factors (they lost them) and end their
                      sessions: their next sign-in sets up a new one
  help                this text

Signing in at /support asks for the password, then a second factor:
${factorChoices(' or ')}, which each staff user sets up at their first sign-in.`;

export type StaffCommand =
  | { command: 'add'; email: string; name: string | null; passwordStdin: boolean }
  | { command: 'list' }
  | { command: 'remove'; email: string }
  | { command: 'reset-factor'; email: string }
  | { command: 'help' };

export function parseStaffCommand(argv: string[]): Result<{ command: StaffCommand }, SupportError> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { name: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    });
  } catch (e) {
    return failure(SUPPORT_ERRORS, 'BAD_ARGUMENTS', e instanceof Error ? e.message : String(e));
  }
  const [command, ...rest] = parsed.positionals;
  const { name, 'password-stdin': passwordStdin } = parsed.values;
  const noOptions = name === undefined && !passwordStdin;
  switch (command) {
    case 'add':
      if (rest.length !== 1) return failure(SUPPORT_ERRORS, 'ADD_NEEDS_EMAIL');
      return { ok: true, command: { command: 'add', email: rest[0]!, name: name ?? null, passwordStdin: Boolean(passwordStdin) } };
    case 'list':
      return rest.length === 0 && noOptions
        ? { ok: true, command: { command: 'list' } }
        : failure(SUPPORT_ERRORS, 'LIST_TAKES_NO_ARGUMENTS');
    case 'remove':
      return rest.length === 1 && noOptions
        ? { ok: true, command: { command: 'remove', email: rest[0]! } }
        : failure(SUPPORT_ERRORS, 'REMOVE_NEEDS_EMAIL');
    case 'reset-factor':
      return rest.length === 1 && noOptions
        ? { ok: true, command: { command: 'reset-factor', email: rest[0]! } }
        : failure(SUPPORT_ERRORS, 'RESET_FACTOR_NEEDS_EMAIL');
    case 'help':
    case undefined:
      return { ok: true, command: { command: 'help' } };
    default:
      return failure(SUPPORT_ERRORS, 'UNKNOWN_COMMAND', command);
  }
}

export interface StaffOutcome {
  stdout: string[];
  stderr: string[];
  exitCode: number;
}

/** What `add` and `reset-factor` tell the operator about the sign-in to come. */
export const setUpAtSignIn = (which: 'first' | 'next') =>
  `Their ${which} sign-in at /support asks them to set up a second factor: ${factorChoices(', or ')}.`;

/** A staff user's second factors as `list` shows them. */
function factorText(kinds: StaffFactorKind[]): string {
  return kinds.length ? kinds.map((k) => kindOf(k).noun).join(', ') : 'no second factor (set up at the next sign-in)';
}

/** "sam.staff@example.com" → "Sam Staff": a default display name. */
export function nameFromEmail(email: string): string {
  const local = email.trim().split('@')[0] ?? '';
  return local
    .split(/[._+-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/** Runs a parsed command. `stdinPassword` is read by the caller only for --password-stdin. */
export async function runStaffCommand(deps: StaffDeps & { db: Db }, command: StaffCommand, stdinPassword?: string): Promise<StaffOutcome> {
  switch (command.command) {
    case 'help':
      return { stdout: [STAFF_USAGE], stderr: [], exitCode: 0 };
    case 'list': {
      const rows = await deps.db.staffUser.findMany({
        orderBy: { emailKey: 'asc' },
        select: { id: true, emailKey: true, displayName: true, createdAt: true },
      });
      const factors = await factorKindsByStaff(deps.db);
      const lines = rows.map(
        (r) => `${r.emailKey}\t${r.displayName}\t${r.createdAt.toISOString().slice(0, 10)}\t${factorText(factors.get(r.id) ?? [])}`,
      );
      return { stdout: [...lines, `${rows.length} staff user${rows.length === 1 ? '' : 's'}`], stderr: [], exitCode: 0 };
    }
    case 'reset-factor': {
      const reset = await resetStaffFactors(
        deps.db,
        { email: command.email, emailKey: appleIdKey(command.email) },
        deps.clock.now(),
        NO_REQUEST,
      );
      if (!reset.ok) return { stdout: [], stderr: [`staff: ${reset.error}`], exitCode: 1 };
      return {
        stdout: [
          `removed ${reset.removed} second factor${reset.removed === 1 ? '' : 's'} of ${command.email} and ended their sessions`,
          setUpAtSignIn('next'),
        ],
        stderr: [],
        exitCode: 0,
      };
    }
    case 'remove': {
      const { count } = await deps.db.staffUser.deleteMany({ where: { emailKey: command.email.trim().toLowerCase() } });
      return count
        ? { stdout: [`removed ${command.email}`], stderr: [], exitCode: 0 }
        : { stdout: [], stderr: [`staff: ${sentenceOf(SUPPORT_ERRORS, 'NO_SUCH_STAFF_USER', command.email)}`], exitCode: 1 };
    }
    case 'add': {
      const generated = !command.passwordStdin;
      const password = generated ? generateStaffPassword() : (stdinPassword ?? '');
      const result = await addStaffUser(deps, {
        email: command.email,
        displayName: command.name ?? nameFromEmail(command.email),
        password,
      });
      if (!result.ok) return { stdout: [], stderr: [`staff: ${result.error}`], exitCode: 1 };
      const stdout = [`added ${command.email.trim().toLowerCase()}`];
      // Printed once, here; it is stored only as a bcrypt hash.
      if (generated) stdout.push(`password: ${password}`, 'Give it to them privately; it is not shown again. They sign in at /support.');
      stdout.push(setUpAtSignIn('first'));
      return { stdout, stderr: [], exitCode: 0 };
    }
  }
}
