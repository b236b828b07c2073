// The support console (docs/rules.md#support-console): find an account by Apple ID and VIEW its
// security state. Nothing here changes an account: the only writes are the look events the holder
// sees (looks.ts) and the staff session's own bookkeeping (which account it found).
//
// Apple's FAQ (docs/rules.md#support-console): "Apple Support can help you with other aspects of
// your service, but they aren't able to update or recover these three things for you" (password,
// trusted devices, Recovery Key). So staff see when the Recovery Key was created, never the key or
// its hash; phone numbers only masked to the last two digits; and, with two-step on, only that the
// account exists and has two-step on until the holder reads them a support PIN (pin.ts).
import { appsUsing } from '../oidc/app-authorizations.ts';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { appleIdKey, emailField } from '../accounts/apple-id.ts';
import { listDevices } from '../devices/trusted-devices.ts';
import { eligibility, type Eligibility, type WaitingPeriodFacts } from '../eligibility/eligibility.ts';
import { eligibilityInputFor } from '../eligibility/waiting-periods.ts';
import { regionName } from '../eligibility/regions.ts';
import { recentActivity, type ActivityItem } from '../security-events/activity.ts';
import { countKnownBrowsers } from '../sessions/known-browsers.ts';
import type { RequestContext } from '../security-events/record.ts';
import { failure } from '../result.ts';
import { invalidFields, type FormResult } from '../forms/forms.ts';
import { recordLook } from './looks.ts';
import { SUPPORT_ERRORS, type SupportError } from './errors.ts';
import { isUnlocked } from './pin.ts';
import type { ConsoleSession } from './staff.ts';

export interface ConsoleDeps {
  db: Db;
  clock: Clock;
}

/** Recent security events shown to staff. */
export const SUPPORT_EVENTS_SHOWN = 20;

const searchSchema = z.object({ appleId: emailField });

/**
 * Finds an account by Apple ID (exact, case-insensitive) and makes it this session's account. The
 * search is a look, recorded at once: the answer alone tells the staff member the account exists.
 */
export async function findAccount(
  deps: ConsoleDeps,
  session: ConsoleSession,
  input: unknown,
  ctx: RequestContext,
): Promise<FormResult<{ accountId: string }, SupportError | 'INVALID_FIELDS'>> {
  const parsed = searchSchema.safeParse(input);
  if (!parsed.success) return invalidFields({ appleId: parsed.error.issues[0]!.message });
  const { db, clock } = deps;
  const account = await db.account.findUnique({ where: { appleIdKey: appleIdKey(parsed.data.appleId) }, select: { id: true } });
  await db.staffSession.update({ where: { id: session.id }, data: { accountId: account?.id ?? null } });
  if (!account) return failure(SUPPORT_ERRORS, 'NO_SUCH_ACCOUNT');
  await recordLook(db, session.staff, { accountId: account.id, kind: 'support-looked-up', at: clock.now() }, ctx);
  return { ok: true, accountId: account.id };
}

/** With two-step on and no PIN entered in this session: existence and two-step on, nothing more. */
export interface LockedView {
  kind: 'locked';
  appleId: string;
}

export interface DetailsView {
  kind: 'details';
  appleId: string;
  name: string;
  country: string;
  /** ISO 3166-1 alpha-2: the console names it in the staff member's language. */
  countryCode: string;
  createdAt: Date;
  twoStepSince: Date | null;
  /** Kind, label (numbers masked, names as the holder gave them) and dates only: never a secret, credential id, public key or counter. */
  devices: Array<{ label: string; kind: string; addedAt: Date; verifiedAt: Date | null; lastUsedAt: Date | null }>;
  eligibility: Eligibility;
  waitingPeriod: WaitingPeriodFacts | null;
  recoveryKeyCreatedAt: Date | null;
  appPasswords: Array<{ label: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }>;
  /** Apps signing in with this Apple ID: names and dates only, never a token or what the app received. */
  apps: Array<{ name: string; firstUsedAt: Date; lastUsedAt: Date }>;
  /** How many browsers the account knows (src/sessions/known-browsers.ts): a number, never an id. */
  rememberedBrowsers: number;
  events: ActivityItem[];
}

export type AccountView = LockedView | DetailsView;

/**
 * What the staff session may see of the account it found, or null when it found none. Showing the
 * details is a look, recorded every time; the locked view shows no more than the recorded search.
 */
export async function viewAccount(deps: ConsoleDeps, session: ConsoleSession, ctx: RequestContext): Promise<AccountView | null> {
  if (!session.accountId) return null;
  const { db, clock } = deps;
  const now = clock.now();
  const account = await db.account.findUnique({
    where: { id: session.accountId },
    select: {
      id: true,
      appleId: true,
      name: true,
      countryCode: true,
      createdAt: true,
      twoStepEnabledAt: true,
      setupStartedAt: true,
      setupDeadline: true,
      recoveryKeyCreatedAt: true,
    },
  });
  if (!account) return null;
  if (account.twoStepEnabledAt && !(await isUnlocked(db, session.id, account.id))) return { kind: 'locked', appleId: account.appleId };

  await recordLook(db, session.staff, { accountId: account.id, kind: 'support-details-viewed', at: now }, ctx);
  const [devices, input, appPasswords, apps, rememberedBrowsers, activity] = await Promise.all([
    listDevices(db, account.id),
    eligibilityInputFor(db, account, now),
    db.appPassword.findMany({
      where: { accountId: account.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      select: { label: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    }),
    appsUsing(db, account.id),
    countKnownBrowsers(db, account.id, now),
    recentActivity(db, account.id, { page: 1, pageSize: SUPPORT_EVENTS_SHOWN, reader: 'agent' }),
  ]);
  // The pure eligibility engine on the facts as they are, NOT startDueWaitingPeriod: that one stores
  // a waiting period when a setup window ran out, and a staff look must change nothing.
  const state = eligibility(input).eligibility;
  const latest = input.latestWaitingPeriod;
  return {
    kind: 'details',
    appleId: account.appleId,
    name: account.name,
    country: regionName(account.countryCode) ?? account.countryCode,
    countryCode: account.countryCode,
    createdAt: account.createdAt,
    twoStepSince: account.twoStepEnabledAt,
    // deviceLabel (via listDevices) masks phone numbers to their last two digits; listDevices reads
    // no sealed secret, credential id, public key or counter, so none can reach the console.
    devices: [...devices.trusted, ...devices.pending].map((d) => ({
      label: d.label,
      kind: d.kind,
      addedAt: d.createdAt,
      verifiedAt: d.verifiedAt,
      lastUsedAt: d.lastUsedAt,
    })),
    eligibility: state,
    waitingPeriod: latest,
    recoveryKeyCreatedAt: account.recoveryKeyCreatedAt,
    appPasswords,
    apps: apps.map((a) => ({ name: a.name, firstUsedAt: a.firstUsedAt, lastUsedAt: a.lastUsedAt })),
    rememberedBrowsers,
    events: activity.items,
  };
}
