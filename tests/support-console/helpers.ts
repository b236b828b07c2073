// Building blocks for the support console tests: staff members and their sessions, an account
// with two-step on, and the code deps that send through the real Twilio SDK to the stand-in.
import type { Db } from '../../src/db/client.ts';
import type { TestClock } from '../codes/helpers.ts';
import { CODE_KEY } from '../codes/helpers.ts';
import { addStaffUser, createStaffSession, resolveStaffSession, type StaffSession } from '../../src/support/staff.ts';
import { createTwilioSms } from '../../src/sms/twilio-sms.ts';
import { createHttpPushSender } from '../../src/push/push-sender.ts';
import { STANDIN_TWILIO } from '../../dev/standins/local-env.ts';
import type { Standins } from '../../dev/standins/server.ts';
import type { CodeDeps } from '../../src/codes/codes.ts';
import type { RequestContext } from '../../src/security-events/record.ts';

export const STAFF_PASSWORD = 'a long staff password 2026';
export const DESK: RequestContext = { clientAddress: '10.20.30.40', userAgent: 'Mozilla/5.0 (X11; Linux) Chrome/150 (support desk)' };

export async function staffMember(db: Db, clock: TestClock, email: string, displayName: string): Promise<string> {
  const added = await addStaffUser({ db, clock, bcryptCost: 4 }, { email, displayName, password: STAFF_PASSWORD });
  if (!added.ok) throw new Error(added.error);
  return added.staffUserId;
}

/** A new signed-in staff session of that staff member, as the console's pages resolve it. */
export async function staffSession(db: Db, clock: TestClock, staffUserId: string): Promise<StaffSession & { token: string }> {
  const token = await createStaffSession(db, staffUserId, clock.now(), DESK);
  return { ...(await session(db, clock, token))!, token };
}

/** The session of the token now (what a page sees at the next request), or null. */
export function session(db: Db, clock: TestClock, token: string): Promise<StaffSession | null> {
  return resolveStaffSession(db, token, clock.now());
}

export function codeDeps(db: Db, clock: TestClock, standins: Standins): CodeDeps {
  return {
    db,
    clock,
    codeKey: CODE_KEY,
    codeDigits: 4,
    totpKey: Buffer.alloc(32, 7),
    sms: createTwilioSms({ ...STANDIN_TWILIO, apiBaseUrl: standins.httpUrl, lookupsBaseUrl: standins.httpUrl }),
    push: createHttpPushSender(standins.httpUrl),
  };
}
