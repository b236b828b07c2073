// Turning two-step verification on (docs/rules.md#turning-it-on): Get Started → add and
// verify trusted devices → receive and print the Recovery Key → confirm it → accept the conditions
// → on. Get Started itself is startSetup (src/eligibility/waiting-periods.ts); trusted devices are
// src/devices/trusted-devices.ts. This module holds the Recovery Key steps, the conditions and the
// switch itself.
//
// Every step may proceed only while the eligibility engine says 'available' AND a setup is in
// progress: a significant change during setup starts a waiting period and ends the setup, and a
// setup whose 30 days ran out starts one too (docs/rules.md#turning-it-on). Each step therefore
//  1. runs startDueWaitingPeriod first (so a window that just ran out starts its period, with its
//     email, exactly as a page view would), then
//  2. re-checks the same facts inside its own transaction after taking the account's row lock
//     (the same lock recordSignificantChange and startSetup take first), so a change that commits
//     in between is seen and no step writes on a setup that has just ended.
//
// The Recovery Key is stored only as a bcrypt hash. The formatted key is returned once, by
// issueRecoveryKey, for the page to show and print; it is never logged, emailed or put in details.
import { z } from 'zod';
import type { Db, DbTx } from '../db/client.ts';
import { lockAccountRow } from '../db/row-locks.ts';
import type { Clock } from '../clock.ts';
import type { Actor } from '../sessions/actor.ts';
import { addressesOnFile, emailReader } from '../mail/recipients.ts';
import { fieldErrorsOf, fieldFailure, invalidFields, type FormResult } from '../forms/forms.ts';
import { eligibility as evaluate, type Eligibility } from '../eligibility/eligibility.ts';
import {
  SCHEDULED_SETUP_EMAIL_KINDS,
  eligibilityInputFor,
  readEligibility,
  startDueWaitingPeriod,
} from '../eligibility/waiting-periods.ts';
import { explainEligibility, partsText } from '../eligibility/explain.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { cancelScheduledEmails } from '../mail/scheduled.ts';
import { twoStepOnEmail } from '../mail/templates.ts';
import { formatRecoveryKey, generateRecoveryKey, hashRecoveryKey, verifyRecoveryKey } from '../recovery-key/recovery-key.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { endOtherSessions } from '../sessions/sessions.ts';
import { needsTrustedPhone, trustedPhoneCount } from '../devices/trusted-phones.ts';
import { failure, type Failure } from '../result.ts';
import { TWO_STEP_ERRORS, type TwoStepError } from './errors.ts';
import { sentenceOf } from '../result.ts';
import { fieldMessage } from '../forms/field-messages.ts';

export interface TurnOnDeps {
  db: Db;
  clock: Clock;
  bcryptCost: number;
  appUrl: string;
}

/** The setup's steps after Get Started, in order. */
export const SETUP_STEPS = ['devices', 'recovery-key', 'confirm-key', 'conditions'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** A step's number as the holder sees it: 1 to 4. */
export const setupStepNumber = (step: SetupStep): number => SETUP_STEPS.indexOf(step) + 1;

/** What the Two-Step section says while a setup runs: "Continue setup — step 2 of 4". */
export const continueSetupLabel = (step: SetupStep): string => `Continue setup — step ${setupStepNumber(step)} of ${SETUP_STEPS.length}`;

/** The next step of a running setup, from what is done: a trusted phone, then the key, its confirmation, the conditions. */
export function nextSetupStep(done: { verifiedSmsDevices: number; keyIssued: boolean; keyConfirmed: boolean }): SetupStep {
  if (done.verifiedSmsDevices === 0) return 'devices';
  if (!done.keyIssued) return 'recovery-key';
  if (!done.keyConfirmed) return 'confirm-key';
  return 'conditions';
}

/** Why setup cannot proceed: the eligibility engine's state, or no setup in progress (Get Started not chosen). */
export type SetupStop = Exclude<Eligibility, { state: 'available' }> | { state: 'not-started' };

export type SetupProgress =
  | {
      /** The next step to complete. */
      step: SetupStep;
      /** The setup's deadline: after it a new waiting period starts. */
      completeBy: Date;
      verifiedSmsDevices: number;
      recoveryKeyCreatedAt: Date | null;
      recoveryKeyConfirmedAt: Date | null;
    }
  | { step: 'stopped'; stop: SetupStop };

/** A step's answer, or why not; `stop` is set when setup cannot proceed at all. */
type TurnOnResult<T extends object = object> = FormResult<T, TwoStepError | 'INVALID_FIELDS'> & { stop?: SetupStop };

/** The sentence of SETUP_NOT_STARTED, for the setup pages. */
export const SETUP_NOT_STARTED = sentenceOf(TWO_STEP_ERRORS, 'SETUP_NOT_STARTED');

/**
 * The reason setup cannot proceed, as one sentence for a form (times in UTC, labelled): what the
 * Two-Step Verification section says of the same state (src/eligibility/explain.ts).
 */
export function setupStopMessage(stop: SetupStop): string {
  if (stop.state === 'not-started') return SETUP_NOT_STARTED;
  return partsText(explainEligibility(stop, 'holder').sentence);
}

const refused = (stop: SetupStop): Failure<'SETUP_NOT_STARTED' | 'SETUP_STOPPED'> & { stop: SetupStop } => ({
  ...(stop.state === 'not-started'
    ? failure(TWO_STEP_ERRORS, 'SETUP_NOT_STARTED')
    : failure(TWO_STEP_ERRORS, 'SETUP_STOPPED', setupStopMessage(stop))),
  stop,
});

/** Setup stops unless eligibility is 'available' and a setup is in progress. */
function stopOf(e: Eligibility, setupInProgress: boolean): SetupStop | null {
  if (e.state !== 'available') return e;
  return setupInProgress ? null : { state: 'not-started' };
}

/** Writes a period a window that ran out starts (startDueWaitingPeriod), then says why setup cannot proceed, if it cannot. */
async function stopAfterDuePeriod(deps: TurnOnDeps, accountId: string, ctx: RequestContext): Promise<SetupStop | null> {
  const e = await startDueWaitingPeriod(deps, accountId, ctx);
  if (e.state !== 'available') return e;
  const account = await deps.db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { setupStartedAt: true, setupDeadline: true },
  });
  return stopOf(e, Boolean(account.setupStartedAt && account.setupDeadline));
}

/**
 * Inside a transaction: takes the account's row lock, then re-runs the eligibility engine on facts
 * read under it. Returns the account, or why setup cannot proceed now. Writes nothing else: a
 * window that ran out in the meantime is left for the next startDueWaitingPeriod to persist.
 */
async function lockSetup(tx: DbTx, accountId: string, now: Date) {
  await lockAccountRow(tx, accountId, now);
  const account = await tx.account.findUniqueOrThrow({ where: { id: accountId } });
  const input = await eligibilityInputFor(tx, account, now);
  const stop = stopOf(evaluate(input).eligibility, input.setup !== null);
  return stop ? ({ ok: false, stop } as const) : ({ ok: true, account } as const);
}

/**
 * Where the holder is in the setup: the next step, or why setup cannot proceed. Reads only: a
 * period a window that ran out starts is reported, not stored (startDueWaitingPeriod stores it).
 */
export async function setupProgress(deps: Pick<TurnOnDeps, 'db' | 'clock'>, accountId: string): Promise<SetupProgress> {
  const { eligibility: e } = await readEligibility(deps.db, accountId, deps.clock.now());
  const account = await deps.db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { setupDeadline: true, setupStartedAt: true, recoveryKeyHash: true, recoveryKeyCreatedAt: true, recoveryKeyConfirmedAt: true },
  });
  const stop = stopOf(e, Boolean(account.setupStartedAt && account.setupDeadline));
  if (stop) return { step: 'stopped', stop };
  const devices = await trustedPhoneCount(deps.db, accountId);
  const keyIssued = Boolean(account.recoveryKeyHash);
  const keyConfirmed = keyIssued && account.recoveryKeyConfirmedAt !== null;
  const step = nextSetupStep({ verifiedSmsDevices: devices, keyIssued, keyConfirmed });
  return {
    step,
    completeBy: account.setupDeadline!,
    verifiedSmsDevices: devices,
    recoveryKeyCreatedAt: keyIssued ? account.recoveryKeyCreatedAt : null,
    recoveryKeyConfirmedAt: keyConfirmed ? account.recoveryKeyConfirmedAt : null,
  };
}

/**
 * For a page that already ran the eligibility engine and got 'available': the next step of the
 * setup in progress, or null when Get Started was not chosen (or two-step is on). Reads only.
 */
export async function runningSetupStep(db: Db, accountId: string): Promise<SetupStep | null> {
  const account = await db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { setupDeadline: true, setupStartedAt: true, twoStepEnabledAt: true, recoveryKeyHash: true, recoveryKeyConfirmedAt: true },
  });
  return setupStepOf({ ...account, recoveryKeyIssued: Boolean(account.recoveryKeyHash) }, () => trustedPhoneCount(db, accountId));
}

/** What runningSetupStep needs of the account. */
export interface SetupFacts {
  twoStepEnabledAt: Date | null;
  setupStartedAt: Date | null;
  setupDeadline: Date | null;
  recoveryKeyIssued: boolean;
  recoveryKeyConfirmedAt: Date | null;
}

/** The same on the account as already read (a page's session read); the trusted phones are counted only while a setup runs. */
export async function setupStepOf(account: SetupFacts, trustedPhones: () => Promise<number>): Promise<SetupStep | null> {
  if (account.twoStepEnabledAt || !account.setupStartedAt || !account.setupDeadline) return null;
  const keyIssued = account.recoveryKeyIssued;
  return nextSetupStep({
    verifiedSmsDevices: await trustedPhones(),
    keyIssued,
    keyConfirmed: keyIssued && account.recoveryKeyConfirmedAt !== null,
  });
}

/**
 * Step 2: a new Recovery Key. Stores only its bcrypt hash (unconfirmed) and returns the key,
 * formatted for reading and printing, to be shown ONCE. Getting another key replaces the previous
 * one, which stops working at once, and the new one must be confirmed again.
 */
export async function issueRecoveryKey(
  deps: TurnOnDeps,
  actor: Actor,
  ctx: RequestContext,
): Promise<TurnOnResult<{ recoveryKey: string; createdAt: Date; replaced: boolean }>> {
  const before = await stopAfterDuePeriod(deps, actor.accountId, ctx);
  if (before) return refused(before);
  if (await needsTrustedPhone(deps.db, actor.accountId)) return failure(TWO_STEP_ERRORS, 'NEEDS_TRUSTED_PHONE');

  const key = generateRecoveryKey();
  const hash = await hashRecoveryKey(key, deps.bcryptCost); // bcrypt outside the transaction: it holds the row lock
  const outcome = await deps.db.$transaction(async (tx) => {
    const now = deps.clock.now();
    const locked = await lockSetup(tx, actor.accountId, now);
    if (!locked.ok) return refused(locked.stop);
    if (await needsTrustedPhone(tx, actor.accountId)) return failure(TWO_STEP_ERRORS, 'NEEDS_TRUSTED_PHONE');
    const replaced = locked.account.recoveryKeyHash !== null;
    await tx.account.update({
      where: { id: actor.accountId },
      data: { recoveryKeyHash: hash, recoveryKeyCreatedAt: now, recoveryKeyConfirmedAt: null },
      select: { id: true },
    });
    await recordSecurityEvent(tx, { accountId: actor.accountId, kind: 'recovery-key-created', at: now, details: { replaced } }, ctx);
    return { ok: true as const, createdAt: now, replaced };
  });
  if (!outcome.ok) return outcome;
  return { ok: true, recoveryKey: formatRecoveryKey(key), createdAt: outcome.createdAt, replaced: outcome.replaced };
}

export const confirmKeySchema = z.object({
  recoveryKey: z
    .string(fieldMessage('recoveryKey.typeIn'))
    .trim()
    .min(1, fieldMessage('recoveryKey.typeIn'))
    .max(64, sentenceOf(TWO_STEP_ERRORS, 'WRONG_KEY')),
});

/**
 * Step 3: the holder types the key back (spaces, dashes and case ignored). Checked against the
 * stored hash; right → the key is confirmed.
 */
export async function confirmRecoveryKey(deps: TurnOnDeps, actor: Actor, input: unknown, ctx: RequestContext): Promise<TurnOnResult> {
  const parsed = confirmKeySchema.safeParse(input);
  if (!parsed.success) return invalidFields(fieldErrorsOf(parsed.error));
  const before = await stopAfterDuePeriod(deps, actor.accountId, ctx);
  if (before) return refused(before);
  const { recoveryKeyHash: hash } = await deps.db.account.findUniqueOrThrow({
    where: { id: actor.accountId },
    select: { recoveryKeyHash: true },
  });
  if (!hash) return failure(TWO_STEP_ERRORS, 'NEEDS_KEY');
  if (!(await verifyRecoveryKey(parsed.data.recoveryKey, hash))) return fieldFailure(TWO_STEP_ERRORS, 'WRONG_KEY', 'recoveryKey');

  return deps.db.$transaction(async (tx): Promise<TurnOnResult> => {
    const now = deps.clock.now();
    const locked = await lockSetup(tx, actor.accountId, now);
    if (!locked.ok) return refused(locked.stop);
    // The key checked must still be the stored one (another tab may have got a new key meanwhile).
    if (locked.account.recoveryKeyHash !== hash) return failure(TWO_STEP_ERRORS, 'KEY_REPLACED');
    await tx.account.update({ where: { id: actor.accountId }, data: { recoveryKeyConfirmedAt: now }, select: { id: true } });
    await recordSecurityEvent(tx, { accountId: actor.accountId, kind: 'recovery-key-confirmed', at: now }, ctx);
    return { ok: true };
  });
}

export const conditionsSchema = z.object({ accept: z.literal('on', sentenceOf(TWO_STEP_ERRORS, 'ACCEPT_CONDITIONS')) });

/**
 * Step 4, the switch. Requires setup to be able to proceed, a verified trusted phone number, a
 * confirmed Recovery Key and the conditions accepted. In ONE transaction: two-step on, setup ended,
 * security questions deleted (Apple's FAQ: not needed any more), every other session ended (this
 * one stays signed in), the event recorded and a confirmation to every address on file.
 */
export async function turnOn(
  deps: TurnOnDeps,
  actor: Actor,
  input: unknown,
  ctx: RequestContext,
): Promise<TurnOnResult<{ enabledAt: Date; sessionsEnded: number }>> {
  const before = await stopAfterDuePeriod(deps, actor.accountId, ctx);
  if (before) return refused(before);
  const parsed = conditionsSchema.safeParse(input);

  return deps.db.$transaction(async (tx): Promise<TurnOnResult<{ enabledAt: Date; sessionsEnded: number }>> => {
    const now = deps.clock.now();
    const locked = await lockSetup(tx, actor.accountId, now);
    if (!locked.ok) return refused(locked.stop);
    const { account } = locked;
    if (await needsTrustedPhone(tx, account.id)) return failure(TWO_STEP_ERRORS, 'NEEDS_TRUSTED_PHONE');
    if (!account.recoveryKeyHash) return failure(TWO_STEP_ERRORS, 'NEEDS_KEY');
    if (!account.recoveryKeyConfirmedAt) return failure(TWO_STEP_ERRORS, 'NEEDS_CONFIRMED_KEY');
    if (!parsed.success) return fieldFailure(TWO_STEP_ERRORS, 'ACCEPT_CONDITIONS', 'accept');

    await tx.account.update({
      where: { id: account.id },
      data: { twoStepEnabledAt: now, setupStartedAt: null, setupDeadline: null },
      select: { id: true },
    });
    await tx.securityQuestion.deleteMany({ where: { accountId: account.id } });
    const sessionsEnded = await endOtherSessions(tx, account.id, actor.sessionId);
    await recordSecurityEvent(tx, { accountId: account.id, kind: 'two-step-turned-on', at: now, details: { sessionsEnded } }, ctx);
    // It is on: no "you can turn it on now" or "5 days left" email may follow (src/mail/scheduled.ts).
    await cancelScheduledEmails(tx, { kinds: SCHEDULED_SETUP_EMAIL_KINDS, accountId: account.id }, deps.clock);
    await enqueueEmail(
      tx,
      {
        kind: 'two-step-turned-on',
        accountId: account.id,
        to: addressesOnFile(account),
        ...twoStepOnEmail({ name: account.name, appleId: account.appleId, at: now, appUrl: deps.appUrl, ...emailReader(account) }),
      },
      deps.clock,
    );
    return { ok: true, enabledAt: now, sessionsEnded };
  });
}
