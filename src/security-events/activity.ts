// The holder's view of their security log ("Recent security activity"): one plain-English line per
// event, newest first, a page at a time. Only the time, what happened, the client address and a
// short browser name are shown; `details` never leaves the database (it may hold ids), except the
// support staff member's display name, which support events carry for the holder to read, and the
// title of a trusted device added or removed ("Phone number (+1 ••• ••• ••34)"; src/devices), which
// names the device as the holder's own pages do.
import { z } from 'zod';
import type { DbTx } from '../db/client.ts';
import { rawCount, rawDate, rawTextOrNull } from '../db/raw.ts';
import type { SecurityEventKind } from './record.ts';

/** What the holder reads for each kind of event. Every kind must have one (a test checks). */
export const ACTIVITY_LABELS: Record<SecurityEventKind, string> = {
  'account-created': 'Account created',
  'signed-in': 'Signed in',
  'sign-in-failed': 'Wrong password at sign-in',
  'signed-out': 'Signed out',
  'signed-out-everywhere': 'Signed out on all browsers',
  'password-changed': 'Password changed',
  'password-reset': 'Password reset',
  'security-questions-changed': 'Security questions changed',
  'rescue-email-changed': 'Rescue email changed',
  'birth-date-changed': 'Birth date changed',
  'waiting-period-started': 'Waiting period started before two-step setup',
  'two-step-setup-started': 'Two-step verification setup started',
  'security-questions-passed': 'Security questions answered correctly',
  'security-questions-failed': 'Wrong answer to a security question',
  'password-reset-requested': 'Password reset requested',
  'password-reset-failed': 'Wrong answers while resetting the password',
  'device-registered': 'iOS device registered',
  'trusted-device-added': 'Trusted device added',
  'trusted-device-removed': 'Trusted device removed',
  'code-sent': 'Verification code sent',
  'code-send-failed': 'A code could not be sent',
  'code-verified': 'Verification code accepted',
  'code-wrong': 'Wrong verification code',
  'code-reused': 'A used code was tried again',
  'codes-paused': 'Verification codes paused after too many wrong tries',
  'app-password-created': 'App-specific password created',
  'app-password-revoked': 'App-specific password revoked',
  'app-passwords-revoked-all': 'All app-specific passwords revoked',
  'app-sign-in-failed': 'An app was refused: wrong or main password',
  'recovery-key-created': 'Recovery Key created during two-step setup',
  'recovery-key-confirmed': 'Recovery Key confirmed during two-step setup',
  'two-step-turned-on': 'Two-step verification turned on',
  'recovery-key-used': 'Signed in with the Recovery Key',
  'recovery-key-failed': 'Wrong Recovery Key entered',
  'identity-confirmed': 'Code entered before a security change',
  'recovery-key-replaced': 'Recovery Key replaced',
  'two-step-turned-off': 'Two-step verification turned off',
  'password-reset-key-accepted': 'Recovery Key accepted to reset the password',
  // Support console: a look by a staff member names them, "Apple Support (Sam Staff) …" (activityLabel).
  'support-pin-created': 'Apple Support PIN created',
  'support-looked-up': 'Apple Support looked up your account',
  'support-details-viewed': 'Apple Support viewed your account details',
  'support-pin-accepted': 'Apple Support entered the support PIN you gave them',
  'support-pin-failed': 'Apple Support tried a support PIN that was wrong or expired',
  // Apps: the app is named when the event names it, "iCloud (demo) was allowed to sign you in" (activityLabel).
  'app-allowed': 'Allowed an app to sign you in',
  'app-used-from-new-browser': 'Signed in to an app from a new browser',
  'app-stopped': 'Stopped an app from signing you in',
  'browser-signed-out': 'A browser was signed out from your list of browsers',
};

/** An app event names the app when it was recorded with its name (details.app). */
const APP_LABELS: Partial<Record<SecurityEventKind, (app: string) => string>> = {
  'app-allowed': (app) => `${app} was allowed to sign you in`,
  'app-used-from-new-browser': (app) => `Signed in to ${app} from a new browser`,
  'app-stopped': (app) => `${app} can no longer sign you in`,
};

/** For a kind stored by a newer or older version that this one does not know. */
export const UNKNOWN_ACTIVITY = 'Other account activity';

/** A trusted device added or removed names the device, kind first: "Phone number (+1 ••• ••• ••34) added". */
const DEVICE_CHANGES: Partial<Record<SecurityEventKind, string>> = { 'trusted-device-added': 'added', 'trusted-device-removed': 'removed' };

/**
 * The label of an event. `details` (the stored JSON) is read for two things only: the display name
 * of the support staff member who looked, which the holder reads as "Apple Support (Sam Staff)",
 * and the title of a trusted device added or removed. Events recorded before devices had titles
 * keep the generic label.
 */
export function activityLabel(kind: string, details?: string | null, reader: ActivityReader = 'holder'): string {
  if (reader === 'agent') {
    const agentLabel = agentActivityLabel(kind, details);
    if (agentLabel) return agentLabel;
  }
  const label = Object.hasOwn(ACTIVITY_LABELS, kind) ? ACTIVITY_LABELS[kind as SecurityEventKind] : UNKNOWN_ACTIVITY;
  const change = Object.hasOwn(DEVICE_CHANGES, kind) ? DEVICE_CHANGES[kind as SecurityEventKind] : undefined;
  const title = change ? detailText(details, 'title') : null;
  if (title) return `${title} ${change}`;
  const appLabel = Object.hasOwn(APP_LABELS, kind) ? APP_LABELS[kind as SecurityEventKind] : undefined;
  const app = appLabel ? detailText(details, 'app') : null;
  if (appLabel && app) return appLabel(app);
  const name = detailText(details, 'staffName');
  return name && label.startsWith('Apple Support ') ? label.replace('Apple Support', `Apple Support (${name})`) : label;
}

/**
 * Who reads the activity: the holder on their own pages ("your account"), or a support agent on the
 * staff console, who reads about someone else's account ("Sam Staff looked up this account").
 */
export type ActivityReader = 'holder' | 'agent';

/** The support events, as the agent reads them: the staff member named first (or "Apple Support"). */
const AGENT_SUPPORT_LABELS: Partial<Record<SecurityEventKind, (who: string) => string>> = {
  'support-looked-up': (who) => `${who} looked up this account`,
  'support-details-viewed': (who) => `${who} viewed this account's details`,
  'support-pin-accepted': (who) => `${who} entered the support PIN the holder gave them`,
  'support-pin-failed': (who) => `${who} tried a support PIN that was wrong or expired`,
};

/** The other kinds whose holder's words say "you": the app, when named, or "an app". */
const AGENT_APP_LABELS: Partial<Record<SecurityEventKind, (app: string | null) => string>> = {
  'app-allowed': (app) => (app ? `${app} was allowed to sign in with this Apple ID` : 'An app was allowed to sign in with this Apple ID'),
  'app-stopped': (app) =>
    app ? `${app} can no longer sign in with this Apple ID` : 'An app was stopped from signing in with this Apple ID',
};

const AGENT_LABELS: Partial<Record<SecurityEventKind, string>> = {
  'browser-signed-out': "A browser was signed out from the holder's list of browsers",
};

/** The agent's words for a kind, when they differ from the holder's; null otherwise. */
function agentActivityLabel(kind: string, details: string | null | undefined): string | null {
  if (!Object.hasOwn(ACTIVITY_LABELS, kind)) return null;
  const k = kind as SecurityEventKind;
  const support = AGENT_SUPPORT_LABELS[k];
  if (support) return support(detailText(details, 'staffName') ?? 'Apple Support');
  const app = AGENT_APP_LABELS[k];
  if (app) return app(detailText(details, 'app'));
  return AGENT_LABELS[k] ?? null;
}

function detailText(details: string | null | undefined, key: 'staffName' | 'title' | 'app'): string | null {
  if (!details) return null;
  try {
    const value = (JSON.parse(details) as Record<string, unknown>)[key];
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  } catch {
    return null;
  }
}

export const UNKNOWN_BROWSER = 'Unknown browser';

// Order matters: Edge, Opera and Samsung Internet also say "Chrome" and "Safari"; Chrome says
// "Safari"; the iOS browsers are all Safari underneath but name themselves (CriOS, FxiOS, EdgiOS).
const BROWSERS: Array<[RegExp, string]> = [
  [/\b(?:Edg|EdgA|EdgiOS|Edge)\//, 'Edge'],
  [/\b(?:OPR|OPiOS|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/(?:\b|Headless)(?:Chrome|CriOS|Chromium)\//, 'Chrome'], // HeadlessChrome: automated Chrome, still Chrome
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

// Android and ChromeOS say "Linux" too, so they come first; iPhones say "like Mac OS X".
const SYSTEMS: Array<[RegExp, string]> = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\biPod\b/, 'iPod'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMacintosh\b|\bMac OS X\b/, 'Mac'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

/** A short human form of a User-Agent header: "Chrome on Linux", "Safari on iPhone". */
export function browserName(userAgent: string | null | undefined): string {
  if (!userAgent) return UNKNOWN_BROWSER;
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  if (!browser) return UNKNOWN_BROWSER;
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  return system ? `${browser} on ${system}` : browser;
}

export interface ActivityItem {
  id: string;
  at: Date;
  label: string;
  /** The client address: for support staff only (the agent's view); null in the holder's. */
  clientAddress: string | null;
  browser: string;
  /** Made by the browser reading the list, in its current session (ActivityQuery.thisSession). */
  thisBrowser: boolean;
}

export interface ActivityPage {
  items: ActivityItem[];
  /** The page shown, 1-based, after clamping to 1..pages. */
  page: number;
  /** At least 1, even with no events. */
  pages: number;
}

export const ACTIVITY_PAGE_SIZE = 20;

/** The `page` search parameter: a positive whole number, otherwise 1. */
export function parseActivityPage(value: unknown): number {
  return z.coerce
    .number()
    .int()
    .positive()
    .catch(1)
    .parse(Array.isArray(value) ? value[0] : value);
}

/**
 * Where a page starts: the (time, id) of an event next to it. The page links carry one (keyset
 * pagination), so the 50th page costs what the first does: no OFFSET that reads and skips the
 * 980 events before it. Newest first is (createdAt desc, id desc); the id breaks ties.
 */
export interface ActivityCursor {
  at: Date;
  id: string;
}

/** A cursor as it goes in a link: milliseconds, a dot, the event id. */
export function activityCursorText(item: { at: Date; id: string }): string {
  return `${item.at.getTime()}.${item.id}`;
}

/** A cursor from a link, or undefined for anything that is not one (then the page number decides). */
export function parseActivityCursor(value: unknown): ActivityCursor | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const m = typeof text === 'string' ? /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(text) : null;
  return m ? { at: new Date(Number(m[1])), id: m[2]! } : undefined;
}

export interface ActivityQuery {
  /** Whose words the labels use (ActivityReader); the holder's unless the console asks. */
  reader?: ActivityReader;
  /** The page number to show (and, without a cursor, to read by offset). */
  page?: number;
  pageSize?: number;
  /** The page that follows, newest first, the event with this cursor (a "Next" link). */
  before?: ActivityCursor;
  /** The page that precedes the event with this cursor (a "Previous" link). */
  after?: ActivityCursor;
  /** The holder's session reading the list: its own events are "this browser". */
  thisSession?: string;
}

/**
 * The browser of a session, as its events can be told by. Events do not name their session, so an
 * event counts as this browser's when it came after the session began, from the same address with
 * the same User-Agent: what "this browser" can be known by. Anything earlier is named by its browser.
 */
interface SessionBrowser {
  since: Date;
  userAgent: string | null;
  clientAddress: string | null;
}

async function sessionBrowser(db: DbTx, accountId: string, sessionId: string | undefined): Promise<SessionBrowser | null> {
  if (!sessionId) return null;
  const row = await db.session.findFirst({
    where: { id: sessionId, accountId },
    select: { createdAt: true, userAgent: true, clientAddress: true },
  });
  return row && row.userAgent ? { since: row.createdAt, userAgent: row.userAgent, clientAddress: row.clientAddress } : null;
}

/** Whether an event was made by the session's browser (SessionBrowser). */
export function isFromBrowser(
  event: { createdAt: Date; userAgent: string | null; clientAddress: string | null },
  browser: SessionBrowser | null,
): boolean {
  return (
    browser !== null &&
    event.createdAt.getTime() >= browser.since.getTime() &&
    event.userAgent === browser.userAgent &&
    event.clientAddress === browser.clientAddress
  );
}

const ACTIVITY_SELECT = { id: true, kind: true, createdAt: true, clientAddress: true, userAgent: true, details: true } as const;
const NEWEST_FIRST = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
// The cursor conditions are written as a range on createdAt (<= / >=) minus the cursor's own
// instant up to its id, not as an OR: the index on (accountId, createdAt) then seeks straight to
// the cursor on both engines instead of walking every newer event.

// The two reads of every view, raw (src/db/raw.ts): the count and the page by number (the first
// page has no cursor). The cursor reads compare dates, so they stay model queries (SQLite stores
// dates as text in the adapter's format; raw SQL compares no dates).
async function eventCount(db: DbTx, accountId: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: unknown }[]>`SELECT COUNT(*) AS "n" FROM "SecurityEvent" WHERE "accountId" = ${accountId}`;
  return rawCount(rows[0]?.n);
}

type EventRow = {
  id: string;
  kind: string;
  createdAt: Date;
  clientAddress: string | null;
  userAgent: string | null;
  details: string | null;
};

async function eventsByOffset(db: DbTx, accountId: string, skip: number, take: number): Promise<EventRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT "id", "kind", "createdAt", "clientAddress", "userAgent", "details" FROM "SecurityEvent"
    WHERE "accountId" = ${accountId} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${take} OFFSET ${skip}`;
  return rows.map((r) => ({
    id: String(r.id),
    kind: String(r.kind),
    createdAt: rawDate(r.createdAt),
    clientAddress: rawTextOrNull(r.clientAddress),
    userAgent: rawTextOrNull(r.userAgent),
    details: rawTextOrNull(r.details),
  }));
}

/** One page of an account's security events, newest first. */
export async function recentActivity(
  db: DbTx,
  accountId: string,
  { page = 1, pageSize = ACTIVITY_PAGE_SIZE, before, after, reader = 'holder', thisSession }: ActivityQuery = {},
): Promise<ActivityPage> {
  const size = Number.isInteger(pageSize) && pageSize > 0 ? pageSize : ACTIVITY_PAGE_SIZE;
  const byCursor = before
    ? db.securityEvent.findMany({
        where: { accountId, createdAt: { lte: before.at }, NOT: { createdAt: before.at, id: { gte: before.id } } },
        orderBy: NEWEST_FIRST,
        take: size,
        select: ACTIVITY_SELECT,
      })
    : after
      ? db.securityEvent
          .findMany({
            where: { accountId, createdAt: { gte: after.at }, NOT: { createdAt: after.at, id: { lte: after.id } } },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            take: size,
            select: ACTIVITY_SELECT,
          })
          .then((rows) => rows.reverse())
      : null;
  const [total, cursorRows, reading] = await Promise.all([eventCount(db, accountId), byCursor, sessionBrowser(db, accountId, thisSession)]);
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Number.isFinite(page) ? Math.min(pages, Math.max(1, Math.trunc(page))) : 1;
  // No cursor, or one that leads nowhere (its events were deleted, a hand-made link): by page number.
  const rows = cursorRows && cursorRows.length > 0 ? cursorRows : await eventsByOffset(db, accountId, (current - 1) * size, size);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.createdAt,
      // `details` only for the label (a support staff member's name); it is not returned.
      label: activityLabel(r.kind, r.details, reader),
      // A raw address means nothing to a holder (and says where they were to whoever looks over
      // their shoulder): their view names the browser; support staff keep the address.
      clientAddress: reader === 'agent' ? r.clientAddress : null,
      browser: browserName(r.userAgent),
      thisBrowser: reader === 'holder' && isFromBrowser(r, reading),
    })),
    page: current,
    pages,
  };
}
