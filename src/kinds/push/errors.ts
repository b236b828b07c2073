// The push kind's own refusals (src/result.ts explains the maps): why a code could not be pushed,
// and why an iOS device was not registered or made trusted. src/kinds/registry.ts lists them with
// the other kinds', and the code service's map (src/codes/errors.ts) and the devices' map
// (src/devices/errors.ts) include them.
import { sentences } from '../../result.ts';

/** Delivery failed (src/codes/delivery.ts asks ./kind.ts, deliveryFailure). */
export const PUSH_CODE_ERRORS = sentences('push', {
  /** The push adapter writes its sentence for the person (./push-sender.ts). */
  PUSH_FAILED: (pushSentence: string) => ({ pushSentence }),
});

/** Registering an iOS device and making it trusted (./add.ts). */
export const IOS_DEVICE_ERRORS = sentences('iosDevice', {
  /** MAX_REGISTERED_DEVICES (./registered.ts). */
  TOO_MANY_REGISTERED: (max: number) => ({ max }),
  NOT_REGISTERED: null,
  DEVICE_AWAITING_CODE: (label: string) => ({ label }),
});
