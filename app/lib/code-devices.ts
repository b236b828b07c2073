import type { TrustedDeviceView } from '@/src/devices/trusted-devices.ts';

/** A trusted device as the code form shows it: its id, masked label and kind. */
export interface CodeDevice {
  id: string;
  label: string;
  kind: string;
}

/**
 * What the code form needs of each trusted device (numbers already masked): nothing more reaches the
 * browser. A passkey is never a place to send a code: it has its own button (PasskeyButton).
 */
export function codeDevices(devices: TrustedDeviceView[]): CodeDevice[] {
  return devices.filter((d) => d.kind !== 'passkey').map((d) => ({ id: d.id, label: d.label, kind: d.kind }));
}

/** Whether to offer "Use a passkey or security key" beside the code form. */
export const hasPasskeyAmong = (devices: TrustedDeviceView[]): boolean => devices.some((d) => d.kind === 'passkey');
