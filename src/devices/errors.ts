// The codes of trusted and registered devices (adding, verifying, resending, removing) and their
// sentences (src/result.ts). A rule of this folder comes in as a fact (its constant, passed where
// the refusal is made), so this file imports nothing from beside it.
import { sentences } from '../result.ts';
import { KIND_ADDING_ERRORS } from '../kinds/registry.ts';

export const DEVICES_ERRORS = sentences('devices', {
  // ---- Adding a device of each kind: the kind's own reasons (src/kinds/<kind>/errors.ts)
  ...KIND_ADDING_ERRORS,

  // ---- Limits (MAX_TRUSTED_DEVICES)
  TOO_MANY_DEVICES: (max: number) => ({ max }),

  // ---- Verifying, resending, removing
  DEVICE_ALREADY_TRUSTED: (label: string) => ({ label }),
  /** Removed meanwhile, someone else's, or never there. */
  DEVICE_GONE: null,
  /** Apple's FAQ (docs/rules.md#trusted-devices): at least one number that receives texts while two-step is on. */
  LAST_TRUSTED_PHONE: null,
});

export type DevicesError = keyof typeof DEVICES_ERRORS;
