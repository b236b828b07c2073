// Delivering a code to a trusted device: a text message to a phone number, or a push notification
// to a registered iOS device. The code goes into the message and nowhere else: what is kept of a
// failure (for the security log and the person) is a safe message and error codes, never the code
// or the message body.
import { isSmsError, type SmsSender } from '../sms/twilio-sms.ts';
import { verificationSms } from '../sms/sms-text.ts';
import { isPushError, type PushSender } from '../push/push-sender.ts';
import { failure, type Failure } from '../result.ts';
import { CODES_ERRORS } from './errors.ts';
import { logger, type Logger } from '../observability/log.ts';

export type Destination =
  | { kind: 'sms'; phoneNumber: string }
  | { kind: 'push'; deviceId: string; deviceName: string };

export interface DeliverableDevice {
  kind: string;
  phoneNumber: string | null;
  registeredDevice: { deviceId: string; name: string } | null;
}

/** Where a trusted device receives codes; null when the row cannot receive any (no number, no registered device). */
export function destinationOf(device: DeliverableDevice): Destination | null {
  if (device.kind === 'sms' && device.phoneNumber) return { kind: 'sms', phoneNumber: device.phoneNumber };
  if (device.kind === 'push' && device.registeredDevice) {
    return { kind: 'push', deviceId: device.registeredDevice.deviceId, deviceName: device.registeredDevice.name };
  }
  return null;
}

/** What CodeSend.destination holds: the number or the registered device id (for the per-destination limit). */
export function destinationKey(d: Destination): string {
  return d.kind === 'sms' ? d.phoneNumber : d.deviceId;
}

export const PUSH_TITLE = 'Two-Step';
export const pushBody = (code: string) => `Your verification code is ${code}.`;

export async function deliverCode(senders: { sms: SmsSender; push: PushSender }, d: Destination, code: string): Promise<void> {
  if (d.kind === 'sms') {
    await senders.sms.send(d.phoneNumber, verificationSms(code));
  } else {
    await senders.push.push({ deviceId: d.deviceId, deviceName: d.deviceName }, { title: PUSH_TITLE, body: pushBody(code) });
  }
}

/** Why a code could not be delivered: the codes of CODES_ERRORS a delivery failure can have. */
export type DeliveryError = 'SMS_NUMBER_REFUSED' | 'SMS_UNAVAILABLE' | 'PUSH_FAILED' | 'SEND_FAILED';

/**
 * What a failed delivery tells the person, and what the security log keeps of it. Only our own
 * error types are trusted to carry a message fit for the person; anything else (which might quote
 * a request, and so the code) gets the generic message and only its type is kept.
 *
 * Our error types are recognised by their `kind` field, not `instanceof`: the SMS and push
 * adapters live in the runtime cached on globalThis, made by another copy of their module than
 * the one Next.js bundled with this file, so `instanceof` would be false for every one of them.
 *
 * A failure that is the service's and not the number's (bad Twilio credentials, Twilio down,
 * unreachable) is logged as an error for the operator, with Twilio's error code and HTTP status
 * and the SmsError's operator message: codes and statuses only, never the message body or a
 * credential. Every failure is also a code-send-failed security event, logged and counted by
 * Twilio error code (src/security-events/signals.ts).
 */
export function deliveryFailure(
  err: unknown,
  log: Pick<Logger, 'error'> = logger(),
): { refusal: Failure<DeliveryError>; details: Record<string, string | number> } {
  if (isSmsError(err)) {
    const twilio = { ...(err.twilioCode !== undefined ? { twilioCode: err.twilioCode } : {}), ...(err.httpStatus !== undefined ? { httpStatus: err.httpStatus } : {}) };
    if (err.fault === 'service') log.error({ event: 'sms-failed', ...twilio, fault: err.fault }, `sms: sending a code failed: ${err.message}`);
    return {
      // The adapter's sentence for a number fault is SMS_BAD_NUMBER, for a service fault SMS_UNAVAILABLE.
      refusal: failure(CODES_ERRORS, err.fault === 'number' ? 'SMS_NUMBER_REFUSED' : 'SMS_UNAVAILABLE'),
      details: { error: 'sms', ...twilio },
    };
  }
  // PushError messages are written for the person (src/push/push-sender.ts).
  if (isPushError(err)) return { refusal: err.message ? failure(CODES_ERRORS, 'PUSH_FAILED', err.message) : failure(CODES_ERRORS, 'SEND_FAILED'), details: { error: 'push' } };
  // Only the type: the message of a foreign error might quote the request, and so the code.
  log.error({ event: 'code-delivery-failed', errorType: err instanceof Error ? err.name : typeof err }, `codes: sending a code failed with an unexpected ${err instanceof Error ? err.name : typeof err}`);
  return { refusal: failure(CODES_ERRORS, 'SEND_FAILED'), details: { error: 'unknown' } };
}
