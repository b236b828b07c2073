// What the kinds are given, listed once: each kind's senders, keys or relying party (its deps.ts),
// built from the configuration. The composition root (src/runtime.ts) spreads them into the
// runtime, and the code service and the kinds' adding take them from there; neither knows what is
// inside. A kind's proof (./kind.ts) is given the part that codes need and uses its own share.
import type { Config } from '../config.ts';
import { smsKindDeps, type SmsCodeDeps, type SmsKindDeps } from './sms/deps.ts';
import { pushKindDeps, type PushKindDeps } from './push/deps.ts';
import { appKindDeps, type AppKindDeps } from './authenticator-app/deps.ts';
import { passkeyKindDeps, type PasskeyKindDeps } from './passkey/deps.ts';

export type KindDeps = SmsKindDeps & PushKindDeps & AppKindDeps & PasskeyKindDeps;

/** The part the code service passes on (src/codes/codes.ts): what the kinds deliver and check codes with. */
export type KindCodeDeps = SmsCodeDeps & PushKindDeps & AppKindDeps;

/** Every kind's dependencies, built from the configuration (once per process: src/runtime.ts). */
export function kindDeps(c: Config): KindDeps {
  return { ...smsKindDeps(c), ...pushKindDeps(c), ...appKindDeps(c), ...passkeyKindDeps(c) };
}
