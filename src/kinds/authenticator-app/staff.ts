// A staff member's authenticator app (RFC 6238), as the second factor after the password
// (src/support/staff-factors.ts). The holders' rules (./add.ts, ./check.ts) with the holders' code:
// a 160-bit secret sealed with AES-256-GCM under TOTP_ENCRYPTION_KEY and bound to its row, shown
// (QR code and text) only while the app is pending and only to that staff member's 'second-factor'
// session; one code from it makes it theirs; a code works once per time step (one conditional
// UPDATE claims the step). Every code is counted before it is checked (staffFactorLimits); a
// malformed one is refused without counting.
//
// A staff member's factor is the console's own concept (a StaffFactor row of a staff user, who has
// no account and no trusted devices): this file sits above src/support/, whose shared rules it
// uses, and src/kinds/staff-registry.ts lists it (appStaffFactor, below).
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { newRowId } from '../../db/row-id.ts';
import { seal, open } from '../../secret-box.ts';
import { newTotpSecret, totpUri, TOTP_DIGITS, TOTP_STEP_SECONDS } from './totp.ts';
import { checkSealedTotp } from './sealed-totp.ts';
import { codeDigitsOf } from '../../codes/codes.ts';
import { logger } from '../../observability/log.ts';
import { attemptsSucceeded, takeAttempts } from '../../throttle/throttle.ts';
import type { RequestContext } from '../../security-events/record.ts';
import { failure, type Failure, type Result } from '../../result.ts';
import { fieldFailure, type FormResult } from '../../forms/forms.ts';
import { SUPPORT_ERRORS, type SupportError } from '../../support/errors.ts';
import { completeSetup, factorFailed, passSecondFactor, setupRefusal, staffFactorLimits } from '../../support/staff-factors.ts';
import type { KindOfStaffFactor } from '../../support/staff-factor-kind.ts';
import { consoleReady, type StaffSession } from '../../support/staff.ts';

export interface StaffTotpDeps {
  db: Db;
  clock: Clock;
  /** TOTP_ENCRYPTION_KEY. */
  totpKey: Buffer;
}

/** What the app shows next to the account: apart from the portal's own "Two-Step" accounts. */
export const STAFF_TOTP_ISSUER = 'Two-Step Support';

/** What a staff app's secret is sealed to: never a holder's binding ("accountId:deviceId"), so neither opens as the other. */
export const staffTotpBinding = (staffUserId: string, factorId: string) => `staff:${staffUserId}:${factorId}`;

const codeSchema = z.object({ code: z.string().max(100) });

/** The typed code, digits only (what people paste: "123 456"), or null when it cannot be one. */
function codeOf(input: unknown): string | null {
  const parsed = codeSchema.safeParse(input);
  const code = parsed.success ? codeDigitsOf(parsed.data.code, TOTP_DIGITS) : '';
  return new RegExp(`^[0-9]{${TOTP_DIGITS}}$`).test(code) ? code : null;
}

/** The code a step of the second factor takes, or why it takes none: not a code, or the session is past that step. */
function codeForStep(session: StaffSession, input: unknown): FormResult<{ code: string }, SupportError> {
  const code = codeOf(input);
  if (!code) return fieldFailure(SUPPORT_ERRORS, 'STAFF_CODE_FORMAT', 'code', TOTP_DIGITS);
  if (consoleReady(session)) return failure(SUPPORT_ERRORS, 'STAFF_SIGN_IN_AGAIN');
  return { ok: true, code };
}

// ---- Setting one up (the first sign-in) ----------------------------------------------------------

/** A new pending app with a new secret, replacing any earlier pending one. Refused when the staff member has a factor. */
export async function startStaffApp(
  deps: StaffTotpDeps,
  session: StaffSession,
): Promise<Result<object, 'STAFF_FACTOR_EXISTS' | 'STAFF_SIGN_IN_AGAIN'>> {
  if (consoleReady(session)) return failure(SUPPORT_ERRORS, 'STAFF_SIGN_IN_AGAIN');
  const refused = await setupRefusal(deps.db, session);
  if (refused) return refused;
  const staffUserId = session.staff.id;
  const id = newRowId(); // drawn first: the secret is sealed to its row
  const totpSecret = seal(deps.totpKey, newTotpSecret(), staffTotpBinding(staffUserId, id));
  await deps.db.$transaction(async (tx) => {
    await tx.staffFactor.deleteMany({ where: { staffUserId, verifiedAt: null } });
    await tx.staffFactor.create({ data: { id, staffUserId, kind: 'totp', createdAt: deps.clock.now(), totpSecret } });
  });
  return { ok: true };
}

async function pendingApp(db: Db, staffUserId: string) {
  return db.staffFactor.findFirst({
    where: { staffUserId, kind: 'totp', verifiedAt: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, totpSecret: true, totpLastStep: true, staffUser: { select: { emailKey: true } } },
  });
}

/** The pending app's secret, as QR code (the URI) and text: only to a 'second-factor' session of a staff member with no factor. */
export async function pendingStaffApp(deps: StaffTotpDeps, session: StaffSession): Promise<{ secret: string; uri: string } | null> {
  if (consoleReady(session) || (await setupRefusal(deps.db, session))) return null;
  const app = await pendingApp(deps.db, session.staff.id);
  const secret = app?.totpSecret ? open(deps.totpKey, app.totpSecret, staffTotpBinding(session.staff.id, app.id)) : null;
  return app && secret ? { secret, uri: totpUri(secret, app.staffUser.emailKey, STAFF_TOTP_ISSUER) } : null;
}

/** The first code from the pending app: it becomes the staff member's, and the session opens the console. */
export async function confirmStaffApp(
  deps: StaffTotpDeps,
  session: StaffSession,
  input: unknown,
  ctx: RequestContext,
): Promise<FormResult<{ token: string }, SupportError>> {
  const typed = codeForStep(session, input);
  if (!typed.ok) return typed;
  const { code } = typed;
  const refused = await setupRefusal(deps.db, session);
  if (refused) return refused;
  const app = await pendingApp(deps.db, session.staff.id);
  if (!app) return failure(SUPPORT_ERRORS, 'STAFF_APP_NOT_STARTED');
  const proved = await proveCode(deps, session, app, code, ctx);
  if (!proved.ok) return proved;
  const now = deps.clock.now();
  return completeSetup(
    deps.db,
    session,
    'totp',
    async (tx) =>
      (await tx.staffFactor.updateMany({ where: { id: app.id, verifiedAt: null }, data: { verifiedAt: now } })).count === 1
        ? null
        : failure(SUPPORT_ERRORS, 'STAFF_APP_NOT_STARTED'),
    now,
    ctx,
  );
}

// ---- Signing in with it ------------------------------------------------------------------------

/** The code from the staff member's app, after the password: the session opens the console. */
export async function signInWithStaffApp(
  deps: StaffTotpDeps,
  session: StaffSession,
  input: unknown,
  ctx: RequestContext,
): Promise<FormResult<{ token: string }, SupportError>> {
  const typed = codeForStep(session, input);
  if (!typed.ok) return typed;
  const { code } = typed;
  const app = await deps.db.staffFactor.findFirst({
    where: { staffUserId: session.staff.id, kind: 'totp', verifiedAt: { not: null } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, totpSecret: true, totpLastStep: true },
  });
  if (!app) return failure(SUPPORT_ERRORS, 'STAFF_NO_APP');
  const proved = await proveCode(deps, session, app, code, ctx);
  if (!proved.ok) return proved;
  const now = deps.clock.now();
  const token = await deps.db.$transaction((tx) => passSecondFactor(tx, session, 'totp', now, ctx));
  return token ? { ok: true, token } : failure(SUPPORT_ERRORS, 'STAFF_SIGN_IN_AGAIN');
}

/**
 * Counts the attempt, then checks the code and claims its time step: right once per step, the
 * count of failures cleared. Wrong, or a step already used: a failure (it may lock).
 */
async function proveCode(
  deps: StaffTotpDeps,
  session: StaffSession,
  app: { id: string; totpSecret: string | null; totpLastStep: number | null },
  code: string,
  ctx: RequestContext,
): Promise<{ ok: true } | Failure<SupportError>> {
  const { db } = deps;
  const now = deps.clock.now();
  const limits = staffFactorLimits(session.staff.id);
  const locked = await takeAttempts(db, limits, now);
  if (locked) return failure(SUPPORT_ERRORS, 'STAFF_FACTOR_LOCKED', locked, now);
  const checked = checkSealedTotp(
    deps.totpKey,
    { sealed: app.totpSecret, boundTo: staffTotpBinding(session.staff.id, app.id), lastStep: app.totpLastStep },
    code,
    now,
  );
  if (!checked.ok && checked.reason === 'unreadable') {
    // A changed TOTP_ENCRYPTION_KEY or an altered row: the operator's problem, not a wrong code.
    logger().error(
      { event: 'totp-secret-unreadable', staffFactorId: app.id },
      'support: a staff authenticator app secret does not open with TOTP_ENCRYPTION_KEY',
    );
    return failure(SUPPORT_ERRORS, 'STAFF_APP_UNREADABLE');
  }
  const used = () =>
    factorFailed(db, session, 'totp', 'code already used', failure(SUPPORT_ERRORS, 'STAFF_CODE_USED', TOTP_STEP_SECONDS), ctx, now);
  if (!checked.ok)
    return checked.reason === 'used'
      ? used()
      : factorFailed(db, session, 'totp', 'wrong code', failure(SUPPORT_ERRORS, 'STAFF_CODE_WRONG'), ctx, now);
  const claimed = await db.$executeRaw`
    UPDATE "StaffFactor" SET "totpLastStep" = ${checked.step}, "lastUsedAt" = ${now}
    WHERE "id" = ${app.id} AND "staffUserId" = ${session.staff.id} AND ("totpLastStep" IS NULL OR "totpLastStep" < ${checked.step})`;
  if (claimed !== 1) return used(); // another request took this step (or a later one) first
  await attemptsSucceeded(db, limits);
  return { ok: true };
}

/**
 * The staff factor of this kind (src/support/staff-factor-kind.ts): its first setup step makes the
 * key the setup page shows, and a typed code needs no challenge.
 */
export const appStaffFactor: KindOfStaffFactor<StaffTotpDeps> = {
  id: 'totp',
  begin: startStaffApp,
  confirm: confirmStaffApp,
  challenge: async () => ({ ok: true }),
  prove: signInWithStaffApp,
};
