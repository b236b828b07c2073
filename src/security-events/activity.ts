// The holder's view of their security log ("Recent security activity"): one plain-English line per
// event, newest first, a page at a time. Only the time, what happened, the client address and a
// short browser name are shown; `details` never leaves the database (it may hold ids), except the
// support staff member's display name, which support events carry for the holder to read, and the
// title of a trusted device added or removed ("Phone number (+1 ••• ••• ••34)"; src/devices), which
// names the device as the holder's own pages do.
import { z } from 'zod';
import type { DbTx } from '../db/client.ts';
import { rawCount, rawDate, rawTextOrNull } from '../db/raw.ts';
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from './record.ts';
import { translator } from '../i18n/translate.ts';

/** The catalogue's name of a kind: "password-changed" → "passwordChanged". */
const camel = (kind: string) => kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** An event's label as the catalogue says it (messages/<locale>/changes.json): its key and what fills it. */
export interface ActivitySaid {
  key: string;
  facts: Record<string, string>;
}

const isKind = (kind: string): kind is SecurityEventKind => (SECURITY_EVENT_KINDS as readonly string[]).includes(kind);

/** Support's events: the holder reads "Apple Support (Sam Staff) …", the agent "Sam Staff …" (or "Apple Support …"). */
const SUPPORT_KINDS = new Set<string>(['support-looked-up', 'support-details-viewed', 'support-pin-accepted', 'support-pin-failed']);
/** App events name the app when it was recorded with its name (details.app): "iCloud (demo) was allowed to sign you in". */
const APP_KINDS = new Set<string>(['app-allowed', 'app-used-from-new-browser', 'app-stopped']);
/** The app events whose holder's words say "you": the agent reads of "this Apple ID", the app named or "an app". */
const AGENT_APP_KINDS = new Set<string>(['app-allowed', 'app-stopped']);
/** A trusted device added or removed names the device, kind first: "Phone number (+1 ••• ••• ••34) added". */
const DEVICE_KINDS = new Set<string>(['trusted-device-added', 'trusted-device-removed']);

/**
 * The label of an event, in no language yet. `details` (the stored JSON) is read for three
 * things only: the display name of the support staff member who looked, the title of a trusted
 * device added or removed, and the name of an app. Events recorded before devices had titles
 * keep the generic label; a kind stored by a newer or older version is "Other account activity".
 */
export function activitySaid(kind: string, details?: string | null, reader: ActivityReader = 'holder'): ActivitySaid {
  if (!isKind(kind)) return { key: 'changes.activity.other', facts: {} };
  const name = camel(kind);
  const named = (fact: 'staffName' | 'title' | 'app', as: string, key = `changes.activity.${name}Named`): ActivitySaid | null => {
    const value = detailText(details, fact);
    return value ? { key, facts: { [as]: value } } : null;
  };
  if (reader === 'agent' && SUPPORT_KINDS.has(kind)) {
    return named('staffName', 'staff', `changes.agent.${name}`) ?? { key: `changes.agent.${name}Unnamed`, facts: {} };
  }
  if (reader === 'agent' && AGENT_APP_KINDS.has(kind)) {
    return named('app', 'app', `changes.agent.${name}`) ?? { key: `changes.agent.${name}Unnamed`, facts: {} };
  }
  if (reader === 'agent' && kind === 'browser-signed-out') return { key: 'changes.agent.browserSignedOut', facts: {} };
  const generic = { key: `changes.activity.${name}`, facts: {} };
  if (DEVICE_KINDS.has(kind)) return named('title', 'title') ?? generic;
  if (APP_KINDS.has(kind)) return named('app', 'app') ?? generic;
  if (SUPPORT_KINDS.has(kind)) return named('staffName', 'staff') ?? generic;
  return generic;
}

// The English words, for what is not a page: logs, tests, programs. Pages say activitySaid in the reader's language.
const english = translator({ locale: 'en', timeZone: null });

/** What the holder reads for each kind of event, in English. Every kind must have one (a test checks). */
export const ACTIVITY_LABELS = Object.fromEntries(
  SECURITY_EVENT_KINDS.map((kind) => [kind, english(`changes.activity.${camel(kind)}`)]),
) as Record<SecurityEventKind, string>;

/** For a kind stored by a newer or older version that this one does not know. */
export const UNKNOWN_ACTIVITY = english('changes.activity.other');

/** The label of an event in English (activitySaid). */
export function activityLabel(kind: string, details?: string | null, reader: ActivityReader = 'holder'): string {
  const said = activitySaid(kind, details, reader);
  return english(said.key, said.facts);
}

/**
 * Who reads the activity: the holder on their own pages ("your account"), or a support agent on the
 * staff console, who reads about someone else's account ("Sam Staff looked up this account").
 */
export type ActivityReader = 'holder' | 'agent';

function detailText(details: string | null | undefined, key: 'staffName' | 'title' | 'app'): string | null {
  if (!details) return null;
  try {
    const value = (JSON.parse(details) as Record<string, unknown>)[key];
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  } catch {
    return null;
  }
}

export const UNKNOWN_BROWSER = english('changes.browser.unknown');

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

/** The names of browsers and systems said as they are in every language ("Chrome", "Linux"): products' names. */
export const BROWSER_AND_SYSTEM_NAMES: readonly string[] = [...BROWSERS, ...SYSTEMS].map(([, name]) => name);

/** A User-Agent header as the catalogue says it: "{browser} on {system}", the browser alone, or "Unknown browser". */
export function browserSaid(userAgent: string | null | undefined): ActivitySaid {
  const browser = userAgent ? BROWSERS.find(([re]) => re.test(userAgent))?.[1] : undefined;
  if (!userAgent || !browser) return { key: 'changes.browser.unknown', facts: {} };
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  return system ? { key: 'changes.browser.on', facts: { browser, system } } : { key: 'changes.browser.only', facts: { browser } };
}

/** A short human form of a User-Agent header, in English: "Chrome on Linux", "Safari on iPhone". */
export function browserName(userAgent: string | null | undefined): string {
  const said = browserSaid(userAgent);
  return english(said.key, said.facts);
}

export interface ActivityItem {
  id: string;
  at: Date;
  /** In English (activityLabel); a page says `said` in its reader's language. */
  label: string;
  said: ActivitySaid;
  /** The client address: for support staff only (the agent's view); null in the holder's. */
  clientAddress: string | null;
  /** In English (browserName); a page says `browserSaid`. */
  browser: string;
  browserSaid: ActivitySaid;
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
      said: activitySaid(r.kind, r.details, reader),
      // A raw address means nothing to a holder (and says where they were to whoever looks over
      // their shoulder): their view names the browser; support staff keep the address.
      clientAddress: reader === 'agent' ? r.clientAddress : null,
      browser: browserName(r.userAgent),
      browserSaid: browserSaid(r.userAgent),
      thisBrowser: reader === 'holder' && isFromBrowser(r, reading),
    })),
    page: current,
    pages,
  };
}
