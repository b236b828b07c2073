import type { TrustedDeviceView } from '@/src/devices/trusted-devices.ts';

/** A trusted device as the code form shows it: its id, masked label, kind and how its code comes. */
export interface CodeDevice {
  id: string;
  label: string;
  kind: string;
  /** "text message", "notification", "code from the app" (its kind's channel, src/kinds/). */
  channel: string;
  /** Whether we send it a code (false: it shows its own). */
  sendsCode: boolean;
  /** Its codes' digits when they are not the flow's sent-code digits (a device that makes its own). */
  digits: number | null;
}

/**
 * What the code form needs of each trusted device (numbers already masked): nothing more reaches
 * the browser. Only the kinds whose proof is a typed code: a device that signs has its own button.
 */
export function codeDevices(devices: TrustedDeviceView[]): CodeDevice[] {
  return devices
    .filter((d) => d.shows.proof !== 'signature')
    .map((d) => ({
      id: d.id,
      label: d.label,
      kind: d.kind,
      channel: d.shows.channel,
      sendsCode: d.shows.proof === 'sent-code',
      digits: d.shows.ownDigits,
    }));
}

/** The kinds of the devices that sign, once each: their buttons are offered beside the code form. */
export const signingKindsAmong = (devices: TrustedDeviceView[]): string[] => [
  ...new Set(devices.filter((d) => d.shows.proof === 'signature').map((d) => d.kind)),
];
