// Adding a phone number that receives texts (docs/rules.md#trusted-devices): the number is read
// as the holder typed it for their country (src/devices/phone-numbers.ts), asked of Twilio Lookup for its
// line type, and landline and web-based (VoIP) numbers are refused before anything is sent or
// stored. Then it is a pending device like any other (src/devices/trusted-devices.ts) and gets its
// first code; the code entered makes it trusted through confirmDevice.
import { z } from 'zod';
import { HOUR } from '../../clock.ts';
import { isSmsError, type LineType, type LineTypeLookup } from './twilio-sms.ts';
import type { Actor } from '../../sessions/actor.ts';
import { fieldFailure, parseForm } from '../../forms/forms.ts';
import type { RequestContext } from '../../security-events/record.ts';
import { takeAttempt, type LockPolicy } from '../../throttle/throttle.ts';
import { freshCodeRefusal } from '../../step-up/fresh-code.ts';
import { regionName } from '../../eligibility/regions.ts';
import { failure, type FactsOf } from '../../result.ts';
import { logger } from '../../observability/log.ts';
import { isPhoneCountry, parsePhoneNumber } from '../../devices/phone-numbers.ts';
import {
  ADDING,
  createPendingDevice,
  roomForAnother,
  sendFirstCode,
  type DeviceDeps,
  type DeviceResult,
} from '../../devices/trusted-devices.ts';
import { maskPhoneNumber } from './mask.ts';
import { smsKind } from './kind.ts';
import { PHONE_NUMBER_ERRORS } from './errors.ts';
import { sentenceOf } from '../../result.ts';
import { noticeText } from '../../i18n/said.ts';
import { fieldMessage } from '../../forms/field-messages.ts';

/** What adding a number needs beyond any device: the line type lookup of the SMS adapter. */
export type PhoneDeps = DeviceDeps & { sms: LineTypeLookup };

// (ours) Line type lookups cost money like texts do, and refused numbers send no code, so the
// code sending limits never see them: at most 20 lookups per account per hour.
export const LOOKUPS_PER_ACCOUNT: LockPolicy = { maxFailures: 20, windowMs: HOUR, lockMs: HOUR };
const lookupKey = (accountId: string) => `lookup:account:${accountId}`;

/** Apple's FAQ (docs/rules.md#trusted-devices): "You can't use landline or web-based (VOIP) phone services for two-step verification." */
const REFUSED_LINE_TYPES: Partial<Record<LineType, 'LANDLINE' | 'VOIP'>> = {
  landline: 'LANDLINE',
  fixedVoip: 'VOIP',
  nonFixedVoip: 'VOIP',
};

/** A refusal about the phone number, shown next to its field. */
const numberFailure = <
  C extends 'INVALID_NUMBER' | 'NUMBER_ALREADY_TRUSTED' | 'NUMBER_AWAITING_CODE' | 'NUMBER_REFUSED' | 'LANDLINE' | 'VOIP',
>(
  code: C,
  ...facts: FactsOf<(typeof PHONE_NUMBER_ERRORS)[C]>
) => fieldFailure(PHONE_NUMBER_ERRORS, code, 'phoneNumber', ...facts);

const phoneSchema = z.object({
  countryCode: z.string().trim().toUpperCase().max(2, sentenceOf(PHONE_NUMBER_ERRORS, 'CHOOSE_COUNTRY')).optional(),
  phoneNumber: z
    .string(fieldMessage('phoneNumber.empty'))
    .trim()
    .min(1, fieldMessage('phoneNumber.empty'))
    .max(40, fieldMessage('phoneNumber.invalid')),
});

/**
 * Adds an SMS number as a pending trusted device and texts it a code. Landline and VoIP numbers
 * (Twilio Lookup line type) are refused before anything is stored or sent.
 */
export async function addPhoneNumber(
  deps: PhoneDeps,
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
  if (!isPhoneCountry(country)) return fieldFailure(PHONE_NUMBER_ERRORS, 'CHOOSE_COUNTRY', 'countryCode');
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
  if (locked) return failure(PHONE_NUMBER_ERRORS, 'TOO_MANY_LOOKUPS', locked, now);
  let lineType: LineType;
  try {
    lineType = await deps.sms.lineType(e164);
  } catch (e) {
    // isSmsError, not instanceof: the adapter's SmsError comes from another copy of its module (./twilio-sms.ts).
    if (isSmsError(e) && e.fault === 'number') return numberFailure('NUMBER_REFUSED');
    const twilio = isSmsError(e) ? { twilioCode: e.twilioCode, httpStatus: e.httpStatus } : {};
    logger().error(
      { event: 'line-type-lookup-failed', ...twilio },
      `devices: line type lookup failed: ${isSmsError(e) ? e.message : e instanceof Error ? e.name : 'unknown error'}`,
    );
    return failure(PHONE_NUMBER_ERRORS, 'LOOKUP_UNAVAILABLE');
  }
  const refused = REFUSED_LINE_TYPES[lineType];
  if (refused) return numberFailure(refused);

  const device = await createPendingDevice(deps.db, account.id, { kind: smsKind.id, phoneNumber: e164 }, now);
  if (device === 'taken') return alreadyOnAccount(null); // added meanwhile
  if ('error' in device) return device;
  const sent = await sendFirstCode(deps, account.id, device.id, ctx);
  if (!sent.ok) return sent;
  return {
    ok: true,
    trustedDeviceId: device.id,
    expiresAt: sent.expiresAt,
    message: noticeText('codeSent', { digits: deps.codeDigits, destination: maskPhoneNumber(e164) }),
  };
}

function alreadyOnAccount(verifiedAt: Date | null) {
  return verifiedAt ? numberFailure('NUMBER_ALREADY_TRUSTED') : numberFailure('NUMBER_AWAITING_CODE');
}
