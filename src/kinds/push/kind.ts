// A registered iOS device with Find My iPhone: codes go by push notification. Registering
// the device and making it trusted are ./add.ts's registerDevice and addPushDevice.
import { isPushError } from './push-sender.ts';
import { titleOf, type TrustedDeviceKind } from '../kind.ts';
import { PUSH_METHODS } from './method.ts';

export const PUSH_TITLE = 'Two-Step';
export const pushBody = (code: string) => `Your verification code is ${code}.`;

const NOUN = 'iOS device';
const label: TrustedDeviceKind['label'] = (d) => d.registeredDevice?.name ?? NOUN;

export const pushKind: TrustedDeviceKind = {
  id: 'push',
  noun: NOUN,
  channel: 'notification',
  icon: { text: 'iOS', tone: 'push' },
  labelIs: 'name',
  codeSentTo: 'to this device',
  trustedUses: 'Verification codes can now be sent to it.',
  method: PUSH_METHODS[0], // multiple-channel authentication (./method.ts)
  label,
  title: (d) => `${titleOf(NOUN)} (${label(d)})`,
  describe: (d) => `the device “${label(d)}”`,
  proof: {
    by: 'sent-code',
    destination: (d) =>
      d.registeredDevice?.deviceId
        ? {
            channel: 'push',
            key: d.registeredDevice.deviceId,
            to: { deviceId: d.registeredDevice.deviceId, deviceName: d.registeredDevice.name },
          }
        : null,
    deliver: (deps, to, code) =>
      deps.push.push({ deviceId: to.to.deviceId, deviceName: to.to.deviceName }, { title: PUSH_TITLE, body: pushBody(code) }),
    // PushError messages are written for the person (./push-sender.ts).
    deliveryFailure: (err) =>
      isPushError(err)
        ? err.message
          ? { code: 'PUSH_FAILED', args: [err.message], details: { error: 'push' } }
          : { code: 'SEND_FAILED', args: [], details: { error: 'push' } }
        : null,
  },
};
