import type { TrustedDeviceView } from '@/src/devices/trusted-devices.ts';
import type { CodeDevice } from '../components/code-step.tsx';

/** What the code form needs of each trusted device (numbers already masked): nothing more reaches the browser. */
export function codeDevices(devices: TrustedDeviceView[]): CodeDevice[] {
  return devices.map((d) => ({ id: d.id, label: d.label, kind: d.kind }));
}
