// What the push kind is given by the composition root (src/runtime.ts, through ../deps-registry.ts):
// the sender that pushes codes to registered devices (./kind.ts).
import { createHttpPushSender, type PushSender } from './push-sender.ts';
import type { PushSettings } from './settings.ts';

export interface PushKindDeps {
  push: PushSender;
}

export function pushKindDeps(c: PushSettings & { STANDINS_URL?: string }): PushKindDeps {
  // Push goes to the stand-in; a real push service would be another PushSender here.
  return { push: createHttpPushSender(c.PUSH_URL ?? c.STANDINS_URL ?? 'http://127.0.0.1:4010') };
}
