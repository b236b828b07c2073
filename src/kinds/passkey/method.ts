// The passkey kind's RFC 8176 methods, in the layer beneath the sessions that record them
// (.dependency-cruiser.cjs, 'kinds/*/method'), listed by ../method-registry.ts: a proof of
// possession of a key, 'hwk' when it is bound to one device and 'swk' when it is synced between
// devices in software ('multiDevice': WebAuthn's backup eligibility, decided at each use).
export const PASSKEY_METHODS = ['hwk', 'swk'] as const;

/** A passkey's method from what its assertion says of it. */
export function passkeyMethod(credentialDeviceType: string): (typeof PASSKEY_METHODS)[number] {
  return credentialDeviceType === 'multiDevice' ? 'swk' : 'hwk';
}
