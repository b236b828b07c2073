// Delivers the transactional outbox (see outbox.ts). Several app instances may share one PostgreSQL
// database and each run this worker, so every row is CLAIMED with one conditional UPDATE before it
// is sent: the database lets exactly one worker win the claim, and only the winner sends.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { HOUR, MINUTE, type Clock } from '../clock.ts';
import type { MailSender } from './smtp.ts';
import { logger } from '../observability/log.ts';
import { metrics, type OutboxStats } from '../observability/metrics.ts';

/** After this many failed attempts a row is left unsent, with its lastError, for an operator. */
export const MAX_ATTEMPTS = 12;
/** Wait after the first failure; doubles after each further failure... */
export const BACKOFF_BASE_MS = 30_000;
/** ...up to this. The 12 attempts then span about 5 hours. */
export const BACKOFF_MAX_MS = HOUR;
/**
 * How long a claim holds. Far longer than one send can take with the SMTP timeouts (smtp.ts), so a
 * claim only expires when its worker died mid-send; another worker may then retry the row.
 */
export const CLAIM_MS = MINUTE;
/** Rows looked at per call of deliverDueEmails. */
export const DEFAULT_BATCH_SIZE = 20;
/** How often startOutboxWorker polls. */
export const DEFAULT_POLL_INTERVAL_MS = 2_000;
/** lastError is cut to this many characters. */
const MAX_ERROR_LENGTH = 500;

/** The wait before the next attempt, after `failedAttempts` (>= 1) failures: 30 s, 60 s, 120 s, ... capped at 1 h. */
export function backoffMs(failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // Compare exponents rather than computing 2^exponent, which overflows for absurd inputs.
  if (exponent >= Math.log2(BACKOFF_MAX_MS / BACKOFF_BASE_MS)) return BACKOFF_MAX_MS;
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** exponent);
}

export interface OutboxDeps {
  db: Db;
  clock: Clock;
  mailer: MailSender;
}

/**
 * An error's message, without anything that looks like credentials in a URL (user:pass@), cut to a
 * sane length. Used for lastError and logs; never the email body.
 */
export function safeErrorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/(\/\/)[^/\s:@]+:[^/\s@]*@/g, '$1***@').slice(0, MAX_ERROR_LENGTH);
}

/** Rows that may be attempted now: unsent, due, not claimed (or the claim expired), retries left. */
function dueWhere(now: Date) {
  return {
    sentAt: null,
    nextAttemptAt: { lte: now },
    attempts: { lt: MAX_ATTEMPTS },
    OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
  };
}

export async function deliverDueEmails(
  deps: OutboxDeps,
  opts: { batchSize?: number; workerId?: string; shouldStop?: () => boolean } = {},
): Promise<{ sent: number; failed: number }> {
  const { db, clock, mailer } = deps;
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const now = clock.now();
  const candidates = await db.emailOutbox.findMany({
    where: dueWhere(now),
    orderBy: [{ nextAttemptAt: 'asc' }, { createdAt: 'asc' }],
    take: batchSize,
    select: { id: true },
  });

  let sent = 0;
  let failed = 0;
  const shouldStop = opts.shouldStop ?? (() => false);
  for (const { id } of candidates) {
    // A stop (the instance shuts down) claims nothing more: the rest is left for another worker.
    if (shouldStop()) break;
    // The claim repeats the whole "due" condition: another worker may have sent this row, or failed
    // it and pushed nextAttemptAt out, between our findMany and now. One UPDATE ... WHERE is atomic
    // on both engines, so of several workers racing for a row exactly one gets count === 1.
    const claimedAt = clock.now();
    const lockedUntil = new Date(claimedAt.getTime() + CLAIM_MS);
    const claim = await db.emailOutbox.updateMany({ where: { id, ...dueWhere(claimedAt) }, data: { lockedUntil } });
    if (claim.count !== 1) continue;
    if (shouldStop()) {
      // Claimed but not sent yet: give the row back now rather than hold it for CLAIM_MS (only
      // our own claim: `lockedUntil` is still the one we wrote).
      await db.emailOutbox.updateMany({ where: { id, sentAt: null, lockedUntil }, data: { lockedUntil: null } });
      break;
    }

    const row = await db.emailOutbox.findUnique({
      where: { id },
      select: { toAddress: true, subject: true, textBody: true, language: true, attempts: true, kind: true },
    });
    if (!row) continue;

    try {
      await mailer.send({ to: row.toAddress, subject: row.subject, text: row.textBody, language: row.language });
    } catch (err) {
      const attempts = row.attempts + 1;
      const failedAt = clock.now();
      const nextAttemptAt = new Date(failedAt.getTime() + backoffMs(attempts));
      const error = safeErrorMessage(err);
      await db.emailOutbox.update({
        where: { id },
        data: { attempts, lastError: error, nextAttemptAt, lockedUntil: null },
      });
      // The row, never its body or recipient: the body may hold a link with a token.
      const final = attempts >= MAX_ATTEMPTS;
      metrics.emailFailures.inc({ final: String(final) });
      if (final)
        logger().error(
          { event: 'email-given-up', emailId: id, emailKind: row.kind, attempt: attempts, error },
          'outbox: email given up after the last attempt',
        );
      else
        logger().warn(
          { event: 'email-retry', emailId: id, emailKind: row.kind, attempt: attempts, nextAttemptAt: nextAttemptAt.toISOString(), error },
          'outbox: email delivery failed; will retry',
        );
      failed++;
      continue;
    }
    // Delivery is at-least-once only if this write fails after a successful send (the claim then
    // expires and the row is sent again); claims make it exactly-once in every other case.
    await db.emailOutbox.update({
      where: { id },
      data: { sentAt: clock.now(), lockedUntil: null, lastError: null },
    });
    metrics.emailsSent.inc();
    sent++;
  }
  return { sent, failed };
}

/**
 * What /readyz asks the worker (src/server/health.ts). Times are real milliseconds (Date.now),
 * never the app's clock, which dev tools may move.
 */
export interface OutboxWorkerStatus {
  /** Started and not stopped. */
  running: boolean;
  /** A delivery run is in progress (each send is bounded by the SMTP timeouts, smtp.ts). */
  busy: boolean;
  intervalMs: number;
  startedAt: number;
  /** When the last run ended; null before the first. */
  lastRunEndedAt: number | null;
}

export interface OutboxWorker {
  /** Sends nothing more: a send in progress finishes, a row claimed but not sent is released. */
  stop(): Promise<void>;
  status(): OutboxWorkerStatus;
}

/**
 * Polls the outbox every `intervalMs` (default 2 s) for as long as the app runs. A run never
 * overlaps the previous one; errors (database down, ...) are logged without secrets and the next
 * poll tries again, so the app keeps running. `stop()` waits for a run in progress to finish its
 * current send, and claims nothing more.
 */
export function startOutboxWorker(
  deps: OutboxDeps,
  opts: { intervalMs?: number; batchSize?: number; workerId?: string } = {},
): OutboxWorker {
  const intervalMs = opts.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const workerId = opts.workerId ?? randomUUID();
  const startedAt = Date.now();
  let lastRunEndedAt: number | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const runOnce = async () => {
    try {
      // Keep going while full batches come back, so a backlog drains without waiting a poll each.
      for (;;) {
        // Each failure is logged where it happens (deliverDueEmails), with its row and attempt.
        const result = await deliverDueEmails(deps, { batchSize, workerId, shouldStop: () => stopped });
        if (stopped || result.sent + result.failed < batchSize) break;
      }
    } catch (err) {
      logger().error({ event: 'outbox-run-failed', workerId, error: safeErrorMessage(err) }, 'outbox: delivery run failed');
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().finally(() => {
        running = undefined;
        lastRunEndedAt = Date.now();
        schedule();
      });
    }, intervalMs);
    // The worker alone must not keep a process (a test, a script) alive.
    timer.unref?.();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    status: () => ({ running: !stopped, busy: running !== undefined, intervalMs, startedAt, lastRunEndedAt }),
  };
}

/**
 * The outbox as the metrics show it (two_step_outbox_*): unsent rows by state, and how long the
 * oldest email that should have gone out has waited (since it fell due; a retried one since it
 * was queued). The server registers this as the gauges' provider (src/server/serve.ts).
 */
export async function outboxStats(db: Db, now: Date): Promise<OutboxStats> {
  const unsent = { sentAt: null };
  const [due, retrying, failed, scheduled, oldestDue, oldestRetry] = await Promise.all([
    db.emailOutbox.count({ where: { ...unsent, attempts: 0, nextAttemptAt: { lte: now } } }),
    db.emailOutbox.count({ where: { ...unsent, attempts: { gt: 0, lt: MAX_ATTEMPTS } } }),
    db.emailOutbox.count({ where: { ...unsent, attempts: { gte: MAX_ATTEMPTS } } }),
    db.emailOutbox.count({ where: { ...unsent, attempts: 0, nextAttemptAt: { gt: now } } }),
    db.emailOutbox.aggregate({ where: { ...unsent, attempts: 0, nextAttemptAt: { lte: now } }, _min: { nextAttemptAt: true } }),
    db.emailOutbox.aggregate({ where: { ...unsent, attempts: { gt: 0, lt: MAX_ATTEMPTS } }, _min: { createdAt: true } }),
  ]);
  const since = [oldestDue._min.nextAttemptAt, oldestRetry._min.createdAt].filter((d): d is Date => d !== null).map((d) => d.getTime());
  const oldestWaitingSeconds = since.length ? Math.max(0, (now.getTime() - Math.min(...since)) / 1000) : 0;
  return { due, retrying, failed, scheduled, oldestWaitingSeconds };
}
