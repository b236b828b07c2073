// Trusted devices: SMS-capable phone numbers and registered iOS devices (Find My iPhone) that
// receive 4-digit verification codes (docs/rules.md#trusted-devices). A device is added *pending*,
// a code is sent to it, and it becomes trusted only when that code is entered here. Landline and
// web-based (VoIP) numbers are refused before anything is sent or stored
// (docs/rules.md#trusted-devices). Adding and removing a trusted device is recorded and told to
// every address on file.
//
// Codes themselves (making, hashing, sending, limits, checking) belong to src/codes/codes.ts; this
// module decides which device gets one and what a verified code means.
import { randomBytes } from 'node:crypto';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { z } from 'zod';
import type { Db, DbTx } from '../db/client.ts';
import { lockAccountRow } from '../db/row-locks.ts';
import type { Clock } from '../clock.ts';
import { HOUR } from '../clock.ts';
import { isSmsError, type LineType, type LineTypeLookup, type SmsSender } from '../sms/twilio-sms.ts';
import type { PushSender } from '../push/push-sender.ts';
import { sendCode, verifyCode, type CodePurpose } from '../codes/codes.ts';
import { maskPhoneNumber } from '../kinds/sms/mask.ts';
import type { CodesError } from '../codes/errors.ts';
import type { Actor } from '../sessions/actor.ts';
import { displayText } from '../accounts/display-text.ts';
import { addressesOnFile } from '../mail/recipients.ts';
import { fieldFailure, parseForm, type FormResult } from '../forms/forms.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { trustedDeviceEmail } from '../mail/templates.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { takeAttempt, type LockPolicy } from '../throttle/throttle.ts';
import { freshCodeRefusal } from '../step-up/fresh-code.ts';
import type { StepUpError } from '../step-up/errors.ts';
import { regionName } from '../eligibility/regions.ts';
import { failure, type FactsOf, type Failure, type Result } from '../result.ts';
import { isPhoneCountry, parsePhoneNumber } from './phone-numbers.ts';
import { trustedPhoneCount } from './trusted-phones.ts';
import { registeredDeviceRows, trustedDeviceRows } from './device-rows.ts';
import { DEVICES_PAGE } from '../sessions/stage-policy.ts';
import { DEVICES_ERRORS, type DevicesError } from './errors.ts';
import { kindOf } from '../kinds/registry.ts';
import { titleOf, type ProofBy } from '../kinds/kind.ts';
import { logger } from '../observability/log.ts';
import { isRequestId, REQUEST_ID } from '../db/row-id.ts';


export interface DeviceDeps {
  db: Db;
  clock: Clock;
  codeKey: string;
  codeDigits: number;
  /** TOTP_ENCRYPTION_KEY: seals and opens authenticator apps' secrets. */
  totpKey: Buffer;
  sms: SmsSender & LineTypeLookup;
  push: PushSender;
}

/** A form's answer: a confirmation, or why not (with messages next to fields when they say it). */
type DeviceResult<T extends object = object> = FormResult<{ message: string } & T, DevicesError | CodesError | StepUpError | 'INVALID_FIELDS'>;

// (ours) An account holds at most this many trusted and pending devices together, and this many
// registered iOS devices: enough for a household's phones, few enough to bound what one session
// can make us send.
export const MAX_TRUSTED_DEVICES = 10;
export const MAX_REGISTERED_DEVICES = 10;

// (ours) Line type lookups cost money like texts do, and refused numbers send no code, so the
// code sending limits never see them: at most 20 lookups per account per hour.
export const LOOKUPS_PER_ACCOUNT: LockPolicy = { maxFailures: 20, windowMs: HOUR, lockMs: HOUR };
const lookupKey = (accountId: string) => `lookup:account:${accountId}`;

/** Apple's FAQ (docs/rules.md#trusted-devices): "You can't use landline or web-based (VOIP) phone services for two-step verification." */
const REFUSED_LINE_TYPES: Partial<Record<LineType, 'LANDLINE' | 'VOIP'>> = { landline: 'LANDLINE', fixedVoip: 'VOIP', nonFixedVoip: 'VOIP' };
/** Adding a device needs a fresh code, except in a Recovery Key session, which exists to add one. */
export const ADDING = DEVICES_PAGE;


type DeviceRow = { kind: string; phoneNumber: string | null; name?: string | null; registeredDevice?: { name: string } | null };

/**
 * How pages list a device, as its kind says (src/kinds/): a phone number masked to its last two
 * digits, an iOS device's name, or "Authenticator app (NAME)" / "Passkey or security key (NAME)".
 */
export function deviceLabel(d: DeviceRow): string {
  return kindOf(d.kind).label(d);
}

/**
 * The device as the holder's activity list names it, kind first: "Phone number (+1 ••• ••• ••34)",
 * "iOS device (Jamie’s iPhone)", "Authenticator app (Authy)", "Passkey or security key (YubiKey)".
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
  // `title` is what the activity list shows ("Authenticator app (Authy) added"; src/security-events/activity.ts).
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
      ...trustedDeviceEmail({ name: account.name, appleId: account.appleId, device: describeDevice(device), uses: kindOf(device.kind).trustedUses, added, at }),
    },
    clock,
  );
}

export async function roomForAnother(db: DbTx, accountId: string): Promise<Failure<'TOO_MANY_DEVICES'> | null> {
  const count = await db.trustedDevice.count({ where: { accountId } });
  return count >= MAX_TRUSTED_DEVICES ? failure(DEVICES_ERRORS, 'TOO_MANY_DEVICES', MAX_TRUSTED_DEVICES) : null;
}

/** A refusal about the phone number, shown next to its field. */
const numberFailure = <C extends 'INVALID_NUMBER' | 'NUMBER_ALREADY_TRUSTED' | 'NUMBER_AWAITING_CODE' | 'NUMBER_REFUSED' | 'LANDLINE' | 'VOIP'>(code: C, ...facts: FactsOf<(typeof DEVICES_ERRORS)[C]>) =>
  fieldFailure(DEVICES_ERRORS, code, 'phoneNumber', ...facts);

/** A new pending device; an authenticator app brings its own id (its secret is sealed to it) and its name. */
type NewDevice = { kind: 'sms'; phoneNumber: string } | { kind: 'push'; registeredDeviceId: string } | { kind: 'totp'; id: string; name: string; totpSecret: string };

/**
 * Creates a pending device if the account has room: counted and created under the account's row
 * lock, so concurrent adds cannot pass MAX_TRUSTED_DEVICES. 'taken': the same device was added meanwhile.
 */
export async function createPendingDevice(db: Db, accountId: string, device: NewDevice, now: Date): Promise<{ id: string } | Failure<'TOO_MANY_DEVICES'> | 'taken'> {
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
async function sendFirstCode(deps: DeviceDeps, accountId: string, trustedDeviceId: string, ctx: RequestContext): Promise<Result<{ expiresAt: Date }, CodesError>> {
  const sent = await sendCode(deps, { accountId, trustedDeviceId, purpose: 'verify-device' }, ctx);
  if (!sent.ok) await deps.db.trustedDevice.deleteMany({ where: { id: trustedDeviceId, accountId, verifiedAt: null } });
  if (sent.ok && !sent.sent) throw new Error('a new phone number or iOS device is sent its first code'); // only an app sends nothing
  return sent;
}

// ---- Phone numbers --------------------------------------------------------------------------

const phoneSchema = z.object({
  countryCode: z.string().trim().toUpperCase().max(2, DEVICES_ERRORS.CHOOSE_COUNTRY).optional(),
  phoneNumber: z.string('Enter a phone number.').trim().min(1, 'Enter a phone number.').max(40, 'Enter a valid phone number.'),
});

/**
 * Adds an SMS number as a pending trusted device and texts it a code. Landline and VoIP numbers
 * (Twilio Lookup line type) are refused before anything is stored or sent.
 */
export async function addPhoneNumber(
  deps: DeviceDeps,
  actor: Actor,
  input: unknown,
  ctx: RequestContext,
): Promise<DeviceResult<{ trustedDeviceId: string; expiresAt: Date }>> {
  const parsed = parseForm(phoneSchema, input, {});
  if (!parsed.ok) return parsed;
  const stale = await freshCodeRefusal(deps, actor, ADDING);
  if (stale) return stale;
  const account = await deps.db.account.findUniqueOrThrow({ where: { id: actor.accountId } });
  const country = parsed.data.countryCode || account.countryCode;
  if (!isPhoneCountry(country)) return fieldFailure(DEVICES_ERRORS, 'CHOOSE_COUNTRY', 'countryCode');
  const phone = parsePhoneNumber(parsed.data.phoneNumber, country);
  if (!phone.ok) return numberFailure('INVALID_NUMBER', regionName(country) ?? country);
  const e164 = phone.e164;

  const existing = await deps.db.trustedDevice.findFirst({ where: { accountId: account.id, phoneNumber: e164 } });
  if (existing) return alreadyOnAccount(existing.verifiedAt);
  const full = await roomForAnother(deps.db, account.id);
  if (full) return full;

  // Landline or VoIP? Asked before anything is stored or sent.
  const now = deps.clock.now();
  // Every lookup counts (each costs a request to Twilio), right or wrong.
  const locked = await takeAttempt(deps.db, lookupKey(account.id), LOOKUPS_PER_ACCOUNT, now);
  if (locked) return failure(DEVICES_ERRORS, 'TOO_MANY_LOOKUPS', locked, now);
  let lineType: LineType;
  try {
    lineType = await deps.sms.lineType(e164);
  } catch (e) {
    // isSmsError, not instanceof: the adapter's SmsError comes from another copy of its module (src/sms/twilio-sms.ts).
    if (isSmsError(e) && e.fault === 'number') return numberFailure('NUMBER_REFUSED');
    const twilio = isSmsError(e) ? { twilioCode: e.twilioCode, httpStatus: e.httpStatus } : {};
    logger().error({ event: 'line-type-lookup-failed', ...twilio }, `devices: line type lookup failed: ${isSmsError(e) ? e.message : e instanceof Error ? e.name : 'unknown error'}`);
    return failure(DEVICES_ERRORS, 'LOOKUP_UNAVAILABLE');
  }
  const refused = REFUSED_LINE_TYPES[lineType];
  if (refused) return numberFailure(refused);

  const device = await createPendingDevice(deps.db, account.id, { kind: 'sms', phoneNumber: e164 }, now);
  if (device === 'taken') return alreadyOnAccount(null); // added meanwhile
  if ('error' in device) return device;
  const sent = await sendFirstCode(deps, account.id, device.id, ctx);
  if (!sent.ok) return sent;
  return {
    ok: true,
    trustedDeviceId: device.id,
    expiresAt: sent.expiresAt,
    message: `We sent a ${deps.codeDigits}-digit code to ${maskPhoneNumber(e164)}. Enter it below to finish adding the number.`,
  };
}

function alreadyOnAccount(verifiedAt: Date | null) {
  return verifiedAt ? numberFailure('NUMBER_ALREADY_TRUSTED') : numberFailure('NUMBER_AWAITING_CODE');
}

// ---- iOS devices with Find My iPhone ----------------------------------------------------------

// Names are shown on pages and in emails: one line of text.
const registerSchema = z.object({
  name: displayText(60, { empty: 'Enter a name for the device, such as “Jamie’s iPhone”.', tooLong: 'Keep the name to 60 characters or fewer.' }),
});

/**
 * Registers a (simulated) iOS device with Find My iPhone to the account
 * (docs/rules.md#trusted-devices: devices are registered before they can be made trusted). Its
 * device id names it at the push stand-in.
 */
export async function registerDevice(
  deps: Pick<DeviceDeps, 'db' | 'clock'>,
  actor: Actor,
  input: unknown,
  ctx: RequestContext,
): Promise<DeviceResult<{ registeredDeviceId: string; deviceId: string }>> {
  const parsed = parseForm(registerSchema, input, {});
  if (!parsed.ok) return parsed;
  const { name } = parsed.data;
  const now = deps.clock.now();
  for (let attempt = 0; ; attempt++) {
    const deviceId = `sim-${randomBytes(4).toString('hex')}`;
    try {
      const row = await deps.db.$transaction(async (tx) => {
        // Counted and created under the account's row lock: concurrent registrations cannot pass the limit.
        await lockAccountRow(tx, actor.accountId, now);
        if ((await tx.registeredDevice.count({ where: { accountId: actor.accountId } })) >= MAX_REGISTERED_DEVICES) return null;
        const created = await tx.registeredDevice.create({ data: { accountId: actor.accountId, deviceId, name, createdAt: now } });
        await recordSecurityEvent(tx, { accountId: actor.accountId, kind: 'device-registered', at: now, details: { deviceId, name } }, ctx);
        return created;
      });
      if (!row) return failure(DEVICES_ERRORS, 'TOO_MANY_REGISTERED', MAX_REGISTERED_DEVICES);
      return { ok: true, registeredDeviceId: row.id, deviceId, message: `${name} is registered. Send a code to it to make it a trusted device.` };
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 2) throw e; // a device id already taken: draw another
    }
  }
}

/** Makes a device registered to this account a pending trusted device and pushes a code to it. */
export async function addPushDevice(
  deps: DeviceDeps,
  actor: Actor,
  registeredDeviceId: unknown,
  ctx: RequestContext,
): Promise<DeviceResult<{ trustedDeviceId: string; expiresAt: Date }>> {
  const stale = await freshCodeRefusal(deps, actor, ADDING);
  if (stale) return stale;
  const registered =
    isRequestId(registeredDeviceId)
      ? await deps.db.registeredDevice.findFirst({ where: { id: registeredDeviceId, accountId: actor.accountId } })
      : null;
  if (!registered) return failure(DEVICES_ERRORS, 'NOT_REGISTERED');
  const existing = await deps.db.trustedDevice.findFirst({ where: { accountId: actor.accountId, registeredDeviceId: registered.id } });
  if (existing?.verifiedAt) return failure(DEVICES_ERRORS, 'DEVICE_ALREADY_TRUSTED', registered.name);
  if (existing) return failure(DEVICES_ERRORS, 'DEVICE_AWAITING_CODE', registered.name);
  const device = await createPendingDevice(deps.db, actor.accountId, { kind: 'push', registeredDeviceId: registered.id }, deps.clock.now());
  if (device === 'taken') return failure(DEVICES_ERRORS, 'DEVICE_AWAITING_CODE', registered.name);
  if ('error' in device) return device;
  const sent = await sendFirstCode(deps, actor.accountId, device.id, ctx);
  if (!sent.ok) return sent;
  return {
    ok: true,
    trustedDeviceId: device.id,
    expiresAt: sent.expiresAt,
    message: `We sent a ${deps.codeDigits}-digit code to ${registered.name}. Enter it below to make it a trusted device.`,
  };
}

// ---- Verifying, resending, removing -----------------------------------------------------------

const deviceIdField = z.string().regex(REQUEST_ID);
const confirmSchema = z.object({ trustedDeviceId: deviceIdField, code: z.string('Enter the code.').max(20, 'Enter the code.') });

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
  if (device.verifiedAt) return { ok: true, message: DEVICES_ERRORS.DEVICE_ALREADY_TRUSTED(deviceLabel(device)) };

  const checked = await verifyCode(deps, { accountId: actor.accountId, trustedDeviceId: device.id, purpose: 'verify-device', code }, ctx);
  // The code's refusal, shown next to the code field.
  if (!checked.ok) return { ok: false, code: checked.code, error: '', fieldErrors: { code: checked.error } };

  const now = deps.clock.now();
  const confirmed = await deps.db.$transaction(async (tx) => {
    // Only a device still pending and still here: it may have been removed meanwhile.
    const { count } = await tx.trustedDevice.updateMany({ where: { id: device.id, accountId: actor.accountId, verifiedAt: null }, data: { verifiedAt: now } });
    if (count === 0) return false;
    await announceDeviceChange(tx, deps.clock, { accountId: actor.accountId, device, added: true, at: now }, ctx);
    return true;
  });
  if (!confirmed) return failure(DEVICES_ERRORS, 'DEVICE_GONE');
  return { ok: true, message: `${deviceLabel(device)} is now a trusted device.` };
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
  if (!sent.sent) return { ok: true, expiresAt: null, message: `Enter the code ${deviceLabel(device)} shows now.` };
  return { ok: true, expiresAt: sent.expiresAt, message: `We sent a new code to ${deviceLabel(device)}. Earlier codes no longer work.` };
}

/**
 * Removes a trusted or pending device at once: the row and its codes are deleted, so no code sent
 * to it verifies any more (Apple's FAQ: "That device can then no longer be used to help verify your
 * identity"). While two-step is on, the last trusted phone number stays (Apple's FAQ: at least one
 * SMS-capable number).
 */
export async function removeDevice(deps: Pick<DeviceDeps, 'db' | 'clock'>, actor: Actor, trustedDeviceId: unknown, ctx: RequestContext): Promise<DeviceResult> {
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
      ? await tx.trustedDevice.findFirst({ where: { id: trustedDeviceId as string, accountId: account.id }, include: { registeredDevice: true } })
      : null;
    if (!device) return failure(DEVICES_ERRORS, 'DEVICE_GONE');
    // Two-step needs a trusted phone number (./trusted-phones.ts): this one may not be the last.
    if (account.twoStepEnabledAt && device.kind === 'sms' && device.verifiedAt && (await trustedPhoneCount(tx, account.id)) === 1) {
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
  /** Masked phone number ("•••34" style, from maskPhoneNumber), the device's name, or "Authenticator app (NAME)". */
  label: string;
  createdAt: Date;
  verifiedAt: Date | null;
  /** When it last completed a step (sign-in, fresh code, reset); null when never. */
  lastUsedAt: Date | null;
  /** What its kind shows next to it and how it proves a step (src/kinds/kind.ts): the pages need nothing else of the kind. */
  shows: KindView;
}

/** A kind as pages show it: plain values, so a client component gets them without the kind's code. */
export interface KindView {
  /** "text message", "notification", "code from the app", "no code needed". */
  channel: string;
  /** The kind's noun at the start of a line: "Authenticator app" (the support console's Kind column). */
  title: string;
  icon: { text: string; tone: string };
  /** 'sent-code': we send it a code; 'own-code': it shows its own; 'signature': it signs (a passkey button). */
  proof: ProofBy['by'];
  /** The digits of a code it makes itself; null when its codes are the ones we send (or it has none). */
  ownDigits: number | null;
  labelIs: 'number' | 'name';
  codeSentTo: string | null;
}

/** What pages show of a kind of device. */
export function kindView(id: string): KindView {
  const kind = kindOf(id);
  return { channel: kind.channel, title: titleOf(kind.noun), icon: kind.icon, proof: kind.proof.by, ownDigits: kind.proof.by === 'own-code' ? kind.proof.digits : null, labelIs: kind.labelIs, codeSentTo: kind.codeSentTo };
}

export interface RegisteredDeviceView {
  id: string;
  deviceId: string;
  name: string;
  createdAt: Date;
  /** Whether the device is already a trusted device ('trusted'), waiting for its code ('pending'), or neither. */
  status: 'trusted' | 'pending' | null;
  /** A registered device becomes a trusted device of the push kind: shown as one. */
  shows: KindView;
}

export interface DeviceList {
  trusted: TrustedDeviceView[];
  pending: TrustedDeviceView[];
  registered: RegisteredDeviceView[];
}

/** The account's trusted and pending devices (oldest first) and its registered iOS devices. */
export async function listDevices(db: Db, accountId: string): Promise<DeviceList> {
  const [devices, registered] = await Promise.all([trustedDeviceRows(db, accountId), registeredDeviceRows(db, accountId)]);
  const views = devices.map(
    (d): TrustedDeviceView => ({ id: d.id, kind: kindOf(d.kind).id, label: deviceLabel(d), createdAt: d.createdAt, verifiedAt: d.verifiedAt, lastUsedAt: d.lastUsedAt, shows: kindView(d.kind) }),
  );
  return {
    trusted: views.filter((d) => d.verifiedAt),
    pending: views.filter((d) => !d.verifiedAt),
    registered: registered.map((r) => {
      const t = r.trustedDevice;
      return { id: r.id, deviceId: r.deviceId, name: r.name, createdAt: r.createdAt, status: t ? (t.verifiedAt ? 'trusted' : 'pending') : null, shows: kindView('push') };
    }),
  };
}
