import type { TrustedDeviceView } from '@/src/devices/trusted-devices.ts';
import { isSentCodeKind, isTypedCodeKind, KIND_CHANNELS } from '@/src/authenticators/kinds.ts';
import { TOTP_DIGITS } from '@/src/authenticators/totp.ts';

/** A trusted device as the code form shows it: its id, masked label, kind and how its code comes. */
export interface CodeDevice {
  id: string;
  label: string;
  kind: string;
  /** "text message", "notification", "code from the app" (KIND_CHANNELS). */
  channel: string;
  /** Whether we send it a code (false: an authenticator app shows its own). */
  sendsCode: boolean;
  /** Its codes' digits when they are not the flow's sent-code digits (an app's: TOTP_DIGITS). */
  digits: number | null;
}

/**
 * What the code form needs of each trusted device (numbers already masked): nothing more reaches
 * the browser. Only the kinds whose proof is a typed code: a passkey has its own button.
 */
export function codeDevices(devices: TrustedDeviceView[]): CodeDevice[] {
  return devices
    .filter((d) => isTypedCodeKind(d.kind))
    .map((d) => ({ id: d.id, label: d.label, kind: d.kind, channel: KIND_CHANNELS[d.kind], sendsCode: isSentCodeKind(d.kind), digits: d.kind === 'totp' ? TOTP_DIGITS : null }));
}

/** Whether to offer "Use a passkey or security key" beside the code form. */
export const hasPasskeyAmong = (devices: TrustedDeviceView[]): boolean => devices.some((d) => d.kind === 'passkey');
