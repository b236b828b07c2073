// Trusted devices of every kind (docs/rules.md#trusted-devices): what is common to adding them
// (room under MAX_TRUSTED_DEVICES, a pending row, its first code), confirming a pending one with
// its code, resending, removing, listing, and telling the holder. A device is added *pending* and
// becomes trusted only when the code it got (or shows) is entered here. Adding and removing a
// trusted device is recorded and told to every address on file. How a device of each kind is
// added is its kind's (src/kinds/<kind>/add.ts); what a kind is, its registry (src/kinds/registry.ts).
//
// Codes themselves (making, hashing, sending, limits, checking) belong to src/codes/codes.ts; this
// module decides which device gets one and what a verified code means.
import { isUniqueViolation } from '../db/unique-violation.ts';
import { z } from 'zod';
import type { Db, DbTx } from '../db/client.ts';
import { lockAccountRow } from '../db/row-locks.ts';
import type { Clock } from '../clock.ts';
import { sendCode, verifyCode, type CodeDeps, type CodePurpose } from '../codes/codes.ts';
import type { CodesError } from '../codes/errors.ts';
import type { Actor } from '../sessions/actor.ts';
import { addressesOnFile, emailReader } from '../mail/recipients.ts';
import { parseForm, type FormResult } from '../forms/forms.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { trustedDeviceEmail } from '../mail/templates.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { freshCodeRefusal } from '../step-up/fresh-code.ts';
import type { StepUpError } from '../step-up/errors.ts';
import { failure, type Failure, type Result } from '../result.ts';
import { isTrustedPhone, trustedPhoneCount } from './trusted-phones.ts';
import { trustedDeviceRows } from './device-rows.ts';
import { DEVICES_PAGE } from '../sessions/stage-policy.ts';
import { DEVICES_ERRORS, type DevicesError } from './errors.ts';
import { kindOf } from '../kinds/registry.ts';
import { kindView, type KindView } from '../kinds/view.ts';
import { registeredDevices, type RegisteredDeviceView } from '../kinds/push/registered.ts';
import { REQUEST_ID } from '../db/row-id.ts';
import type { Prisma } from '../generated/sqlite/client.ts';
import { sentenceOf } from '../result.ts';
import { noticeText } from '../i18n/said.ts';
import { fieldMessage } from '../forms/field-messages.ts';

export { kindView, type KindView } from '../kinds/view.ts';
export type { RegisteredDeviceView } from '../kinds/push/registered.ts';

/** What the device flows need: the code service's (they send and check codes through it). */
export type DeviceDeps = CodeDeps;

/** A form's answer: a confirmation, or why not (with messages next to fields when they say it). */
export type DeviceResult<T extends object = object> = FormResult<
  { message: string } & T,
  DevicesError | CodesError | StepUpError | 'INVALID_FIELDS'
>;

// (ours) An account holds at most this many trusted and pending devices together: enough for a
// household's phones, few enough to bound what one session can make us send. (Registered iOS
// devices have their own limit: src/kinds/push/registered.ts.)
export const MAX_TRUSTED_DEVICES = 10;
/** Adding a device needs a fresh code, except in a Recovery Key session, which exists to add one. */
export const ADDING = DEVICES_PAGE;

type DeviceRow = { kind: string; phoneNumber: string | null; name?: string | null; registeredDevice?: { name: string } | null };

/**
 * How pages list a device, as its kind says (src/kinds/): a phone number masked to its last two
 * digits, an iOS device's name, or the kind's noun and the holder's name for it.
 */
export function deviceLabel(d: DeviceRow): string {
  return kindOf(d.kind).label(d);
}

/**
 * The device as the holder's activity list names it, kind first: "Phone number (+1 ••• ••• ••34)",
 * "iOS device (Jamie’s iPhone)", or the kind's noun with the holder's name for it.
 */
export function deviceTitle(d: DeviceRow): string {
  return kindOf(d.kind).title(d);
}

/** The device in a sentence of an email or event. */
export function describeDevice(d: DeviceRow): string {
  return kindOf(d.kind).describe(d);
}

/**
 * Tells the holder a device became trusted (added) or was taken away: the security event and the
 * email to every address on file, in the caller's transaction (the transactional outbox). Every
 * kind goes through here, so none can be added or removed silently.
 */
export async function announceDeviceChange(
  tx: DbTx,
  clock: Clock,
  change: { accountId: string; device: DeviceRow & { verifiedAt?: Date | null }; added: boolean; at: Date },
  ctx: RequestContext,
): Promise<void> {
  const { accountId, device, added, at } = change;
  const account = await tx.account.findUniqueOrThrow({ where: { id: accountId } });
  // `title` is what the activity list shows ("Phone number (+1 ••• ••• ••34) added"; src/security-events/activity.ts).
  const details: Record<string, string | boolean> = { kind: device.kind, device: deviceLabel(device), title: deviceTitle(device) };
  if (!added) details.wasTrusted = Boolean(device.verifiedAt);
  await recordSecurityEvent(tx, { accountId, kind: added ? 'trusted-device-added' : 'trusted-device-removed', at, details }, ctx);
  if (!added && !device.verifiedAt) return; // a pending device was never trusted: nothing to tell
  await enqueueEmail(
    tx,
    {
      kind: added ? 'trusted-device-added' : 'trusted-device-removed',
      accountId,
      to: addressesOnFile(account),
      ...trustedDeviceEmail({
        name: account.name,
        appleId: account.appleId,
        device: describeDevice(device),
        uses: kindOf(device.kind).trustedUses,
        added,
        at,
        ...emailReader(account),
      }),
    },
    clock,
  );
}

export async function roomForAnother(db: DbTx, accountId: string): Promise<Failure<'TOO_MANY_DEVICES'> | null> {
  const count = await db.trustedDevice.count({ where: { accountId } });
  return count >= MAX_TRUSTED_DEVICES ? failure(DEVICES_ERRORS, 'TOO_MANY_DEVICES', MAX_TRUSTED_DEVICES) : null;
}

/**
 * A new pending device: its kind and the columns its kind fills (a kind whose secret is sealed to
 * its row brings the row's id too).
 */
export type NewDevice = Omit<Prisma.TrustedDeviceUncheckedCreateInput, 'accountId' | 'createdAt' | 'verifiedAt'>;

/**
 * Creates a pending device if the account has room: counted and created under the account's row
 * lock, so concurrent adds cannot pass MAX_TRUSTED_DEVICES. 'taken': the same device was added meanwhile.
 */
export async function createPendingDevice(
  db: Db,
  accountId: string,
  device: NewDevice,
  now: Date,
): Promise<{ id: string } | Failure<'TOO_MANY_DEVICES'> | 'taken'> {
  try {
    return await db.$transaction(async (tx) => {
      await lockAccountRow(tx, accountId, now);
      const full = await roomForAnother(tx, accountId);
      if (full) return full;
      return tx.trustedDevice.create({ data: { accountId, ...device, createdAt: now }, select: { id: true } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) return 'taken';
    throw e;
  }
}

/** Sends the verification code to a new pending device; if that fails the device is not kept. */
export async function sendFirstCode(
  deps: DeviceDeps,
  accountId: string,
  trustedDeviceId: string,
  ctx: RequestContext,
): Promise<Result<{ expiresAt: Date }, CodesError>> {
  const sent = await sendCode(deps, { accountId, trustedDeviceId, purpose: 'verify-device' }, ctx);
  if (!sent.ok) await deps.db.trustedDevice.deleteMany({ where: { id: trustedDeviceId, accountId, verifiedAt: null } });
  if (sent.ok && !sent.sent) throw new Error('only a device of a kind that is sent codes is sent its first code'); // a kind that makes its own codes is sent nothing
  return sent;
}

// ---- Verifying, resending, removing -----------------------------------------------------------

const deviceIdField = z.string().regex(REQUEST_ID);
const confirmSchema = z.object({ trustedDeviceId: deviceIdField, code: z.string(fieldMessage('code')).max(20, fieldMessage('code')) });

async function findDevice(db: Db, accountId: string, trustedDeviceId: unknown) {
  if (!deviceIdField.safeParse(trustedDeviceId).success) return null;
  return db.trustedDevice.findFirst({ where: { id: trustedDeviceId as string, accountId }, include: { registeredDevice: true } });
}

/** Checks the code sent to a pending device; when it is right the device becomes trusted. */
export async function confirmDevice(deps: DeviceDeps, actor: Actor, input: unknown, ctx: RequestContext): Promise<DeviceResult> {
  const parsed = parseForm(confirmSchema, input, {});
  if (!parsed.ok) return parsed.fieldErrors.trustedDeviceId ? failure(DEVICES_ERRORS, 'DEVICE_GONE') : parsed;
  const code = parsed.data.code.replace(/[\s-]+/g, ''); // "12 34" and "12-34" as typed from a message; verifyCode checks the rest
  const device = await findDevice(deps.db, actor.accountId, parsed.data.trustedDeviceId);
  if (!device) return failure(DEVICES_ERRORS, 'DEVICE_GONE');
  if (device.verifiedAt) return { ok: true, message: sentenceOf(DEVICES_ERRORS, 'DEVICE_ALREADY_TRUSTED', deviceLabel(device)) };

  const checked = await verifyCode(deps, { accountId: actor.accountId, trustedDeviceId: device.id, purpose: 'verify-device', code }, ctx);
  // The code's refusal, shown next to the code field.
  if (!checked.ok) return { ok: false, code: checked.code, error: '', fieldErrors: { code: checked.error } };

  const now = deps.clock.now();
  const confirmed = await deps.db.$transaction(async (tx) => {
    // Only a device still pending and still here: it may have been removed meanwhile.
    const { count } = await tx.trustedDevice.updateMany({
      where: { id: device.id, accountId: actor.accountId, verifiedAt: null },
      data: { verifiedAt: now },
    });
    if (count === 0) return false;
    await announceDeviceChange(tx, deps.clock, { accountId: actor.accountId, device, added: true, at: now }, ctx);
    return true;
  });
  if (!confirmed) return failure(DEVICES_ERRORS, 'DEVICE_GONE');
  return { ok: true, message: noticeText('deviceTrusted', { label: deviceLabel(device) }) };
}

/**
 * Sends a new code to a device of this account, within the sending limits: the verification code
 * of a pending device, or (for sign-in and other flows) a code for `purpose` to a trusted one.
 */
export async function resendCode(
  deps: DeviceDeps,
  actor: Actor,
  trustedDeviceId: unknown,
  ctx: RequestContext,
  purpose: CodePurpose = 'verify-device',
): Promise<DeviceResult<{ expiresAt: Date | null }>> {
  const device = await findDevice(deps.db, actor.accountId, trustedDeviceId);
  if (!device) return failure(DEVICES_ERRORS, 'DEVICE_GONE');
  if (purpose === 'verify-device' && device.verifiedAt) return failure(DEVICES_ERRORS, 'DEVICE_ALREADY_TRUSTED', deviceLabel(device));
  const sent = await sendCode(deps, { accountId: actor.accountId, trustedDeviceId: device.id, purpose }, ctx);
  if (!sent.ok) return sent;
  if (!sent.sent) return { ok: true, expiresAt: null, message: noticeText('enterCodeShown', { label: deviceLabel(device) }) };
  return { ok: true, expiresAt: sent.expiresAt, message: noticeText('newCodeSent', { label: deviceLabel(device) }) };
}

/**
 * Removes a trusted or pending device at once: the row and its codes are deleted, so no code sent
 * to it verifies any more (Apple's FAQ: "That device can then no longer be used to help verify your
 * identity"). While two-step is on, the last trusted phone number stays (Apple's FAQ: at least one
 * number that receives texts).
 */
export async function removeDevice(
  deps: Pick<DeviceDeps, 'db' | 'clock'>,
  actor: Actor,
  trustedDeviceId: unknown,
  ctx: RequestContext,
): Promise<DeviceResult> {
  // Taking a trusted device away needs a fresh code; a pending one (never trusted) may go without.
  const target = await findDevice(deps.db, actor.accountId, trustedDeviceId);
  const stale = await freshCodeRefusal(deps, actor, target && !target.verifiedAt ? ADDING : {});
  if (stale) return stale;
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx): Promise<DeviceResult> => {
    // The account's row lock first makes concurrent removals on this account take turns, so two
    // of them cannot each remove "the other" last number.
    await lockAccountRow(tx, actor.accountId, now);
    const account = await tx.account.findUniqueOrThrow({ where: { id: actor.accountId } });
    const device = deviceIdField.safeParse(trustedDeviceId).success
      ? await tx.trustedDevice.findFirst({
          where: { id: trustedDeviceId as string, accountId: account.id },
          include: { registeredDevice: true },
        })
      : null;
    if (!device) return failure(DEVICES_ERRORS, 'DEVICE_GONE');
    // Two-step needs a trusted phone number (./trusted-phones.ts): this one may not be the last.
    if (account.twoStepEnabledAt && isTrustedPhone(device.kind) && device.verifiedAt && (await trustedPhoneCount(tx, account.id)) === 1) {
      return failure(DEVICES_ERRORS, 'LAST_TRUSTED_PHONE');
    }
    await tx.trustedDevice.delete({ where: { id: device.id } }); // its codes go with it (onDelete: Cascade)
    const label = deviceLabel(device);
    await announceDeviceChange(tx, deps.clock, { accountId: account.id, device, added: false, at: now }, ctx);
    if (!device.verifiedAt) return { ok: true, message: `${label} was removed.` };
    return { ok: true, message: `${label} was removed. It can no longer be used to verify your identity.` };
  });
}

// ---- Listing ----------------------------------------------------------------------------------

export interface TrustedDeviceView {
  id: string;
  /** Its TrustedDevice.kind: ask src/kinds/registry.ts what it is. */
  kind: string;
  /**
   * As its kind labels it (src/kinds/kind.ts, label): a masked phone number, the device's name, or
   * the kind's noun and the holder's name for it.
   */
  label: string;
  createdAt: Date;
  verifiedAt: Date | null;
  /** When it last completed a step (sign-in, fresh code, reset); null when never. */
  lastUsedAt: Date | null;
  /** What its kind shows next to it and how it proves a step (src/kinds/kind.ts): the pages need nothing else of the kind. */
  shows: KindView;
}

export interface DeviceList {
  trusted: TrustedDeviceView[];
  pending: TrustedDeviceView[];
  registered: RegisteredDeviceView[];
}

/** The account's trusted and pending devices (oldest first) and its registered iOS devices. */
export async function listDevices(db: Db, accountId: string): Promise<DeviceList> {
  const [devices, registered] = await Promise.all([trustedDeviceRows(db, accountId), registeredDevices(db, accountId)]);
  const views = devices.map((d): TrustedDeviceView => ({
    id: d.id,
    kind: kindOf(d.kind).id,
    label: deviceLabel(d),
    createdAt: d.createdAt,
    verifiedAt: d.verifiedAt,
    lastUsedAt: d.lastUsedAt,
    shows: kindView(d.kind),
  }));
  return {
    trusted: views.filter((d) => d.verifiedAt),
    pending: views.filter((d) => !d.verifiedAt),
    registered,
  };
}
