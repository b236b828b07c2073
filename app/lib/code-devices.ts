import type { TrustedDeviceView } from '@/src/devices/trusted-devices.ts';

/** A trusted device as the code form shows it: its id, masked label and kind. */
export interface CodeDevice {
  id: string;
  label: string;
  kind: string;
}

/** What the code form needs of each trusted device (numbers already masked): nothing more reaches the browser. */
export function codeDevices(devices: TrustedDeviceView[]): CodeDevice[] {
  return devices.map((d) => ({ id: d.id, label: d.label, kind: d.kind }));
}
