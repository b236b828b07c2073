// An SMS-capable phone number: codes go by text message (Twilio). Adding one (the line
// type check that refuses landlines and VoIP) is ./add.ts.
import { isSmsError } from './twilio-sms.ts';
import { verificationSms } from './sms-text.ts';
import { titleOf, type TrustedDeviceKind } from '../kind.ts';
import { maskPhoneNumber } from './mask.ts';
import { SMS_METHODS } from './method.ts';

const NOUN = 'phone number';
const label: TrustedDeviceKind['label'] = (d) =>
  d.phoneNumber ? maskPhoneNumber(d.phoneNumber) : (d.registeredDevice?.name ?? 'iOS device');

export const smsKind: TrustedDeviceKind = {
  id: 'sms',
  noun: NOUN,
  channel: 'text message',
  icon: { text: 'SMS', tone: '' },
  labelIs: 'number',
  codeSentTo: 'to this number by text message',
  trustedUses: 'Verification codes can now be sent to it.',
  trustedPhone: true,
  method: SMS_METHODS[0],
  label,
  title: (d) => `${titleOf(NOUN)} (${label(d)})`,
  describe: (d) => `the phone number ${label(d)}`,
  proof: {
    by: 'sent-code',
    destination: (d) => (d.phoneNumber ? { channel: 'sms', key: d.phoneNumber, to: { phoneNumber: d.phoneNumber } } : null),
    deliver: async (deps, to, code) => {
      await deps.sms.send(to.to.phoneNumber, verificationSms(code));
    },
    deliveryFailure(err, log) {
      // isSmsError, not instanceof: the adapter lives in the runtime cached on globalThis, made by
      // another copy of its module than the one Next.js bundled with this file.
      if (!isSmsError(err)) return null;
      const twilio = {
        ...(err.twilioCode !== undefined ? { twilioCode: err.twilioCode } : {}),
        ...(err.httpStatus !== undefined ? { httpStatus: err.httpStatus } : {}),
      };
      // A fault of the service, not of the number (bad credentials, Twilio down): the operator's.
      if (err.fault === 'service')
        log.error({ event: 'sms-failed', ...twilio, fault: err.fault }, `sms: sending a code failed: ${err.message}`);
      // The adapter's sentence for a number fault is SMS_BAD_NUMBER, for a service fault SMS_UNAVAILABLE.
      return { code: err.fault === 'number' ? 'SMS_NUMBER_REFUSED' : 'SMS_UNAVAILABLE', args: [], details: { error: 'sms', ...twilio } };
    },
  },
};
