// The database side of eligibility: reads the facts the engine (eligibility.ts) needs, persists the
// waiting periods it starts, and sends each period's email ONCE, through the outbox, in the same
// transaction as the period itself. readEligibility only reads; startDueWaitingPeriod writes the
// period a window that ran out starts (its 3 days run from when it is stored).
//
// Several app instances may share one PostgreSQL database, so two requests can evaluate the same
// account at the same moment. Every write that starts a period is guarded so that the database lets
// exactly one of them do it:
//  - startDueWaitingPeriod (a setup window ran out): a conditional UPDATE clears the setup in progress
//    `WHERE id = ? AND setupDeadline = <the deadline read>`; only the request that gets count === 1
//    creates the period and queues its emails, the others re-read and report that period.
//  - recordSignificantChange and startSetup first take the account's row lock (lockAccountRow,
//    src/db/row-locks.ts), held until the transaction ends: concurrent changes to one account
//    then read the latest period one after the other instead of both starting one. (SQLite runs
//    one write transaction at a time.)
import type { Db, DbTx } from '../db/client.ts';
import { rawDate } from '../db/raw.ts';
import { lockAccountRow } from '../db/row-locks.ts';
import { addressesOnFile, emailReader } from '../mail/recipients.ts';
import type { Clock } from '../clock.ts';
import { recordSecurityEvent, type RequestContext, type SignificantChangeKind } from '../security-events/record.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { cancelScheduledEmails, scheduleEmail } from '../mail/scheduled.ts';
import { setupWindowClosingEmail, waitingPeriodEndedEmail, waitingPeriodStartedEmail } from './emails.ts';
import { regionName } from './regions.ts';
import { explainEligibility, partsText } from './explain.ts';
import { ELIGIBILITY_ERRORS } from './errors.ts';
import { failure, type Failure, type Result } from '../result.ts';
import {
  WINDOW_REMINDER_BEFORE_MS,
  eligibility as evaluate,
  isWaitingReason,
  setupDeadline,
  waitingPeriodForChange,
  type Eligibility,
  type EligibilityInput,
  type NewWaitingPeriod,
  type WaitingPeriodFacts,
  type WaitingReason,
} from './eligibility.ts';

export interface EligibilityDeps {
  db: Db;
  clock: Clock;
  appUrl: string;
}

/**
 * The account a significant change was made to. Only `id` is relied on: the other values are read
 * again under the account's row lock, inside the change's transaction (so they include the change
 * itself, e.g. a new rescue email, and cannot be stale when two requests race).
 */
export interface SignificantChangeAccount {
  id: string;
  name: string;
  appleId: string;
  rescueEmail: string | null;
  twoStepEnabledAt: Date | null;
  setupStartedAt?: Date | null;
  /** The zone its emails give times in (src/accounts/time-zone.ts), and their language (src/mail/recipients.ts, emailReader). */
  timeZone: string | null;
  language: string | null;
  browserLanguage: string | null;
}

/** The newest waiting period of the account, or null. */
export async function latestWaitingPeriod(tx: DbTx, accountId: string): Promise<WaitingPeriodFacts | null> {
  // Raw: read on every view of Password and Security (src/db/raw.ts).
  const rows = await tx.$queryRaw<Record<string, unknown>[]>`
    SELECT "id", "reason", "reasonAt", "startedAt", "endsAt", "windowEndsAt" FROM "WaitingPeriod"
    WHERE "accountId" = ${accountId} ORDER BY "startedAt" DESC, "endsAt" DESC LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  const reason = String(row.reason);
  if (!isWaitingReason(reason)) throw new Error(`WaitingPeriod ${String(row.id)}: unknown reason`);
  return {
    id: String(row.id),
    reason,
    reasonAt: rawDate(row.reasonAt),
    startedAt: rawDate(row.startedAt),
    endsAt: rawDate(row.endsAt),
    windowEndsAt: rawDate(row.windowEndsAt),
  };
}

/** When two-step is offered in the country, or null (raw: read on every view of Password and Security). */
async function countryAvailableFrom(tx: DbTx, countryCode: string): Promise<Date | null> {
  const rows = await tx.$queryRaw<
    { availableFrom: unknown }[]
  >`SELECT "availableFrom" FROM "CountryAvailability" WHERE "countryCode" = ${countryCode}`;
  return rows[0] ? rawDate(rows[0].availableFrom) : null;
}

/** The scheduled emails of a waiting period and its 30-day window (src/mail/scheduled.ts). */
export const SCHEDULED_SETUP_EMAIL_KINDS = ['waiting-period-ended', 'setup-window-closing'];

type Addressee = {
  id: string;
  name: string;
  appleId: string;
  rescueEmail: string | null;
  countryCode: string;
  timeZone: string | null;
  language: string | null;
  browserLanguage: string | null;
};

/**
 * Schedules the "you can turn it on now; complete setup by DATE" email for `endsAt` (when given)
 * and the reminder 5 days before `completeBy`, to every address on file, after cancelling the ones
 * scheduled before (an extension, a new period, a new setup replace them).
 */
async function scheduleSetupEmails(
  tx: DbTx,
  deps: { clock: Clock; appUrl: string },
  account: Addressee,
  dates: { endsAt: Date | null; completeBy: Date },
): Promise<void> {
  await cancelScheduledEmails(tx, { kinds: SCHEDULED_SETUP_EMAIL_KINDS, accountId: account.id }, deps.clock);
  const to = addressesOnFile(account);
  const facts = {
    name: account.name,
    appleId: account.appleId,
    completeBy: dates.completeBy,
    appUrl: deps.appUrl,
    ...emailReader(account),
  };
  if (dates.endsAt) {
    await scheduleEmail(
      tx,
      { kind: 'waiting-period-ended', accountId: account.id, to, ...waitingPeriodEndedEmail(facts) },
      dates.endsAt,
      deps.clock,
    );
  }
  const reminderAt = new Date(dates.completeBy.getTime() - WINDOW_REMINDER_BEFORE_MS);
  // A window shorter than 5 days from now gets no reminder: the ended email already names its date.
  if (reminderAt.getTime() > deps.clock.now().getTime()) {
    await scheduleEmail(
      tx,
      { kind: 'setup-window-closing', accountId: account.id, to, ...setupWindowClosingEmail(facts) },
      reminderAt,
      deps.clock,
    );
  }
}

/**
 * The email of a waiting period that starts or whose end moves later, to every address on file as
 * they are now (a new rescue email included), and the scheduled emails of its end and window. When
 * two-step is not offered in the account's country by the end of the wait, the email says so
 * instead of promising 30 days, and nothing is scheduled (the holder can ask to be emailed when it
 * is offered).
 */
async function notifyPeriod(
  tx: DbTx,
  deps: { clock: Clock; appUrl: string },
  account: Addressee,
  period: { reason: WaitingReason; reasonAt: Date; endsAt: Date; windowEndsAt: Date },
  extended: boolean,
): Promise<void> {
  const country = await tx.countryAvailability.findUnique({ where: { countryCode: account.countryCode }, select: { availableFrom: true } });
  const offeredByEnd = country !== null && country.availableFrom.getTime() <= period.endsAt.getTime();
  await enqueueEmail(
    tx,
    {
      kind: extended ? 'waiting-period-extended' : 'waiting-period-started',
      accountId: account.id,
      to: addressesOnFile(account),
      ...waitingPeriodStartedEmail({
        name: account.name,
        appleId: account.appleId,
        reason: period.reason,
        reasonAt: period.reasonAt,
        endsAt: period.endsAt,
        appUrl: deps.appUrl,
        extended,
        ...emailReader(account),
        countryUnavailable: offeredByEnd
          ? null
          : {
              country: regionName(account.countryCode, emailReader(account).language) ?? account.countryCode,
              availableFrom: country?.availableFrom ?? null,
            },
      }),
    },
    deps.clock,
  );
  if (offeredByEnd) {
    await scheduleSetupEmails(tx, deps, account, { endsAt: period.endsAt, completeBy: period.windowEndsAt });
  } else {
    await cancelScheduledEmails(tx, { kinds: SCHEDULED_SETUP_EMAIL_KINDS, accountId: account.id }, deps.clock);
  }
}

/**
 * Writes a new waiting period, its 'waiting-period-started' event and ONE email to each address on
 * file (Apple ID and rescue email; Apple's FAQ: "Apple sends an email to all of the addresses you
 * have on file"), with the scheduled emails of its end. Must run inside the transaction that
 * decided to start it.
 */
async function persistNewPeriod(
  tx: DbTx,
  deps: { clock: Clock; appUrl: string },
  account: Addressee,
  period: NewWaitingPeriod,
  ctx: RequestContext,
): Promise<void> {
  const created = await tx.waitingPeriod.create({ data: { accountId: account.id, ...period } });
  await recordSecurityEvent(
    tx,
    {
      accountId: account.id,
      kind: 'waiting-period-started',
      at: period.startedAt,
      details: { waitingPeriodId: created.id, reason: period.reason, endsAt: period.endsAt.toISOString() },
    },
    ctx,
  );
  await notifyPeriod(tx, deps, account, period, false);
}

/**
 * Called by every significant change, inside the change's own transaction. Records the change's
 * security event and, unless two-step is on, starts or extends the waiting period
 * (docs/rules.md#waiting-period). A new period ends any setup in progress: setup does not proceed
 * during a waiting period, and after it the holder has a fresh 30-day window. It does NOT send the
 * change notification emails: the caller does that.
 */
export async function recordSignificantChange(
  tx: DbTx,
  deps: { clock: Clock; appUrl: string },
  account: SignificantChangeAccount,
  kind: SignificantChangeKind,
  ctx: RequestContext,
): Promise<void> {
  const now = deps.clock.now();
  // Take the account's row lock first (see the top of this file), and read its current values under it.
  await lockAccountRow(tx, account.id, now);
  const current = await tx.account.findUniqueOrThrow({
    where: { id: account.id },
    select: {
      id: true,
      name: true,
      appleId: true,
      rescueEmail: true,
      twoStepEnabledAt: true,
      countryCode: true,
      timeZone: true,
      language: true,
      browserLanguage: true,
    },
  });
  await recordSecurityEvent(tx, { accountId: current.id, kind, at: now }, ctx);
  if (current.twoStepEnabledAt) return; // nothing to wait for: two-step is already on

  const decision = waitingPeriodForChange(await latestWaitingPeriod(tx, current.id), { kind, at: now });
  if ('extend' in decision) {
    const { id, reason, reasonAt, endsAt, windowEndsAt, endsAtMoved } = decision.extend;
    // The period now names the latest change (the page says why with it).
    await tx.waitingPeriod.update({ where: { id }, data: { reason, reasonAt, endsAt, windowEndsAt } });
    // One email per distinct end date: a change that does not move the end sends none.
    if (endsAtMoved) await notifyPeriod(tx, deps, current, { reason, reasonAt, endsAt, windowEndsAt }, true);
    return;
  }
  await tx.account.update({ where: { id: current.id }, data: { setupStartedAt: null, setupDeadline: null }, select: { id: true } });
  await persistNewPeriod(tx, deps, current, decision.start, ctx);
}

export interface AccountFacts {
  account: {
    id: string;
    name: string;
    appleId: string;
    rescueEmail: string | null;
    countryCode: string;
    twoStepEnabledAt: Date | null;
    setupStartedAt: Date | null;
    setupDeadline: Date | null;
    timeZone: string | null;
    language: string | null;
    browserLanguage: string | null;
  };
  input: EligibilityInput;
}

async function readFacts(tx: DbTx, accountId: string, now: Date): Promise<AccountFacts> {
  const account = await tx.account.findUnique({
    where: { id: accountId },
    select: {
      id: true,
      name: true,
      appleId: true,
      rescueEmail: true,
      countryCode: true,
      twoStepEnabledAt: true,
      setupStartedAt: true,
      setupDeadline: true,
      timeZone: true,
      language: true,
      browserLanguage: true,
    },
  });
  if (!account) throw new Error('eligibility: no such account');
  return { account, input: await eligibilityInputFor(tx, account, now) };
}

/** The eligibility engine's input for an account: its stored facts, its country's availability and its latest waiting period. */
export async function eligibilityInputFor(
  tx: DbTx,
  account: { id: string; countryCode: string; twoStepEnabledAt: Date | null; setupStartedAt: Date | null; setupDeadline: Date | null },
  now: Date,
): Promise<EligibilityInput> {
  const [availableFrom, latest] = await Promise.all([countryAvailableFrom(tx, account.countryCode), latestWaitingPeriod(tx, account.id)]);
  return {
    now,
    countryCode: account.countryCode,
    countryAvailableFrom: availableFrom,
    twoStepEnabledAt: account.twoStepEnabledAt,
    latestWaitingPeriod: latest,
    // Both fields are written together; a half-written setup counts as none.
    setup: account.setupStartedAt && account.setupDeadline ? { startedAt: account.setupStartedAt, deadline: account.setupDeadline } : null,
  };
}

/**
 * What the eligibility engine says of the account now, and the waiting period it would start (a
 * 30-day window ran out and no period was stored for it yet). Reads only: the period is not stored,
 * so its dates run from `now` and would move with every look (startDueWaitingPeriod stores it).
 * `known`: the account as this request already read it (a page's session read).
 */
export async function readEligibility(
  db: DbTx,
  accountId: string,
  now: Date,
  known?: AccountFacts['account'],
): Promise<{ eligibility: Eligibility; dueWaitingPeriod: NewWaitingPeriod | null }> {
  const { result } = await look(db, accountId, now, known);
  return { eligibility: result.eligibility, dueWaitingPeriod: result.startWaitingPeriod };
}

/** The facts and the engine's answer on them. */
async function look(db: DbTx, accountId: string, now: Date, known?: AccountFacts['account']) {
  const facts =
    known?.id === accountId ? { account: known, input: await eligibilityInputFor(db, known, now) } : await readFacts(db, accountId, now);
  return { facts, result: evaluate(facts.input) };
}

/** How often startDueWaitingPeriod re-reads after losing a race; each loss means the state moved on. */
const MAX_ATTEMPTS = 5;

/**
 * WRITES when a 30-day window ran out: stores the waiting period the engine starts for it (with its
 * event and emails, in one transaction, exactly once however many requests do this at the same
 * time), then returns the eligibility. Otherwise it only reads, as readEligibility. Called first by
 * whatever must see a stored period: the steps of setup, and the pages that show the state (their
 * comments say why). A page passes the account it already read as `known` (the fields of
 * AccountFacts['account']).
 */
export async function startDueWaitingPeriod(
  deps: EligibilityDeps,
  accountId: string,
  ctx: RequestContext,
  known?: AccountFacts['account'],
): Promise<Eligibility> {
  for (let attempt = 1; ; attempt++) {
    const now = deps.clock.now();
    // `known`: for the first look only; every write below is guarded or re-reads under the row
    // lock, and a lost race reads again.
    const { facts, result } = await look(deps.db, accountId, now, attempt === 1 ? known : undefined);
    const period = result.startWaitingPeriod;
    if (!period) return result.eligibility;

    // The engine starts a period only when a 30-day window ran out: a setup's (guarded on its
    // deadline, below) or, with no setup, the window after the latest period (guarded by the
    // account's row lock: the facts are read again under it and the period is started only if
    // they still say so, so of several requests at once exactly one starts it).
    const deadlineRead = facts.input.setup?.deadline;
    if (!deadlineRead) {
      const started = await deps.db.$transaction(async (tx) => {
        const lockedAt = deps.clock.now();
        await lockAccountRow(tx, accountId, lockedAt);
        const again = await readFacts(tx, accountId, lockedAt);
        const decided = evaluate(again.input);
        if (!decided.startWaitingPeriod || again.input.setup) return null; // another request (or a change) got there first
        await persistNewPeriod(tx, deps, again.account, decided.startWaitingPeriod, ctx);
        return decided.eligibility;
      });
      if (started) return started;
      if (attempt >= MAX_ATTEMPTS) throw new Error('startDueWaitingPeriod: the account kept changing; try again');
      continue;
    }
    const won = await deps.db.$transaction(async (tx) => {
      const claim = await tx.account.updateMany({
        where: { id: accountId, twoStepEnabledAt: null, setupDeadline: deadlineRead },
        data: { setupStartedAt: null, setupDeadline: null },
      });
      if (claim.count !== 1) return false; // another request started it (or the account changed): re-read
      await persistNewPeriod(tx, deps, facts.account, period, ctx);
      return true;
    });
    if (won) return result.eligibility;
    if (attempt >= MAX_ATTEMPTS) throw new Error('startDueWaitingPeriod: the account kept changing; try again');
  }
}

/**
 * Get Started refused: the state as it is now, and the Two-Step section's sentence for it. (It may
 * read 'available' again when the state changed twice while the request ran: the page shows it.)
 */
export type SetupUnavailable = Failure<'SETUP_UNAVAILABLE'> & { eligibility: Eligibility };

export function setupUnavailable(eligibility: Eligibility): SetupUnavailable {
  return {
    ...failure(ELIGIBILITY_ERRORS, 'SETUP_UNAVAILABLE', partsText(explainEligibility(eligibility, 'holder').sentence)),
    eligibility,
  };
}

/**
 * "Get Started": records a setup in progress with its deadline (setupDeadline: the end of the
 * 30-day window after the latest waiting period, else 30 days from now). Refuses unless setup is
 * available. Choosing Get Started again during a setup keeps its deadline (ours: the window cannot
 * be stretched by clicking again).
 */
export async function startSetup(
  deps: EligibilityDeps,
  accountId: string,
  ctx: RequestContext,
): Promise<Result<{ deadline: Date }> | SetupUnavailable> {
  // First let a window that ran out start its waiting period (with its email), as a page view would.
  const before = await startDueWaitingPeriod(deps, accountId, ctx);
  if (before.state !== 'available') return setupUnavailable(before);

  const outcome = await deps.db.$transaction(async (tx) => {
    const now = deps.clock.now();
    // Take the account's row lock, then decide on facts no concurrent change can move under us.
    await lockAccountRow(tx, accountId, now);
    const facts = await readFacts(tx, accountId, now);
    const result = evaluate(facts.input);
    if (result.eligibility.state !== 'available' || result.startWaitingPeriod) return { ok: false as const, now };
    if (facts.input.setup) return { ok: true as const, deadline: facts.input.setup.deadline };
    const deadline = setupDeadline(facts.input.latestWaitingPeriod, now);
    await tx.account.update({ where: { id: accountId }, data: { setupStartedAt: now, setupDeadline: deadline }, select: { id: true } });
    await recordSecurityEvent(
      tx,
      { accountId, kind: 'two-step-setup-started', at: now, details: { deadline: deadline.toISOString() } },
      ctx,
    );
    // A fresh 30 days (no window was running): its reminder 5 days before the deadline. A running
    // window's reminder was scheduled with its waiting period.
    if (deadline.getTime() !== facts.input.latestWaitingPeriod?.windowEndsAt.getTime()) {
      await scheduleSetupEmails(tx, deps, facts.account, { endsAt: null, completeBy: deadline });
    }
    return { ok: true as const, deadline };
  });
  if (outcome.ok) return { ok: true, deadline: outcome.deadline };
  // The state changed between the two reads (a change, a window that just ran out): report it as it is now.
  return setupUnavailable(await startDueWaitingPeriod(deps, accountId, ctx));
}
