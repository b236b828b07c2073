// Every look by support staff is a SecurityEvent on the account (docs/rules.md#support-console:
// "Every look is recorded in the account's security events, which the holder sees"). The staff
// member's display name goes in the details, so the holder's Recent Security Activity can say who
// looked.
import type { DbTx } from '../db/client.ts';
import { recordSecurityEvent, type RequestContext, type SecurityEventKind } from '../security-events/record.ts';
import type { Staff } from './staff.ts';

/** The events a staff session writes; nothing else in the database is account data it may change. */
export const SUPPORT_LOOK_KINDS = [
  'support-looked-up',
  'support-details-viewed',
  'support-pin-accepted',
  'support-pin-failed',
] as const satisfies readonly SecurityEventKind[];
export type SupportLookKind = (typeof SUPPORT_LOOK_KINDS)[number];

export async function recordLook(
  tx: DbTx,
  staff: Staff,
  event: { accountId: string; kind: SupportLookKind; at: Date; details?: Record<string, string | number | boolean> },
  ctx: RequestContext,
): Promise<void> {
  await recordSecurityEvent(
    tx,
    {
      accountId: event.accountId,
      kind: event.kind,
      at: event.at,
      details: { ...event.details, staffUserId: staff.id, staffName: staff.displayName },
    },
    ctx,
  );
}
