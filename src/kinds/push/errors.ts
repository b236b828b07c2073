// The push kind's own refusals (src/result.ts explains the maps): why a code could not be pushed,
// and why an iOS device was not registered or made trusted. src/kinds/registry.ts lists them with
// the other kinds', and the code service's map (src/codes/errors.ts) and the devices' map
// (src/devices/errors.ts) include them.
import type { ErrorSentences } from '../../result.ts';

/** Delivery failed (src/codes/delivery.ts asks ./kind.ts, deliveryFailure). */
export const PUSH_CODE_ERRORS = {
  /** The push adapter writes its sentence for the person (./push-sender.ts). */
  PUSH_FAILED: (pushSentence: string) => pushSentence,
} as const satisfies ErrorSentences;

/** Registering an iOS device and making it trusted (./add.ts). */
export const IOS_DEVICE_ERRORS = {
  /** MAX_REGISTERED_DEVICES (./registered.ts). */
  TOO_MANY_REGISTERED: (max: number) => `You have ${max} registered devices, the most an account can have.`,
  NOT_REGISTERED: "That device isn't registered to your account.",
  DEVICE_AWAITING_CODE: (label: string) => `${label} is already waiting for its code.`,
} as const satisfies ErrorSentences;
