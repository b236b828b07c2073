// The staff side of the security log: what happened to a staff member's sign-in, as SecurityEvent
// is for a holder's account (src/security-events/record.ts). Each event is a StaffEvent row the
// operator can read, a log line and a count (two_step_staff_events_total). `details` never holds a
// password, code, secret or credential: it is logged as it is.
import type { DbTx } from '../db/client.ts';
import { newRowId } from '../db/row-id.ts';
import { logger } from '../observability/log.ts';
import { metrics } from '../observability/metrics.ts';
import type { RequestContext } from '../security-events/record.ts';

/** Every kind of staff event, with its log level and message. */
export const STAFF_EVENTS = {
  'staff-password-accepted': { level: 'info', message: 'staff password accepted; second factor next' },
  'staff-password-wrong': { level: 'warn', message: 'staff sign-in failed: wrong password' },
  'staff-factor-added': { level: 'info', message: 'staff second factor set up' },
  'staff-signed-in': { level: 'info', message: 'staff signed in with the second factor' },
  'staff-factor-failed': { level: 'warn', message: 'staff second factor refused' },
  'staff-factors-reset': { level: 'warn', message: 'staff second factors removed by the operator' },
} as const satisfies Record<string, { level: 'info' | 'warn'; message: string }>;

export type StaffEventKind = keyof typeof STAFF_EVENTS;

export async function recordStaffEvent(
  tx: DbTx,
  event: { staffUserId: string; kind: StaffEventKind; at: Date; details?: Record<string, string | number | boolean> },
  ctx: RequestContext,
): Promise<void> {
  await tx.staffEvent.create({
    data: {
      id: newRowId(),
      staffUserId: event.staffUserId,
      kind: event.kind,
      createdAt: event.at,
      clientAddress: ctx.clientAddress,
      userAgent: ctx.userAgent?.slice(0, 512) ?? null,
      details: event.details ? JSON.stringify(event.details) : null,
    },
  });
  try {
    const signal = STAFF_EVENTS[event.kind];
    metrics.staffEvents.inc({ kind: event.kind });
    logger()[signal.level](
      { event: event.kind, staffUserId: event.staffUserId, clientAddress: ctx.clientAddress, details: event.details },
      signal.message,
    );
  } catch {
    // A broken metric or log stream is the operator's to see elsewhere; the sign-in goes on.
  }
}
