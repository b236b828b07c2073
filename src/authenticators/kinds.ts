// The kinds of trusted device (docs/rules.md#other-kinds-of-trusted-device),
// and how each is named on pages, in emails and in the support console. One place, so a new kind
// cannot be listed in one page and forgotten in another.
//  - 'sms': an SMS-capable phone number; codes by text (Twilio).
//  - 'push': a registered iOS device with Find My iPhone; codes by notification.
//  - 'totp': an authenticator app (RFC 6238); it makes its own codes, nothing is sent.
//  - 'passkey': a passkey or security key (WebAuthn); proven by a signature, not a code.
import { z } from 'zod';
import type { AuthMethod } from '../sessions/auth-methods.ts';

export const DEVICE_KINDS = ['sms', 'push', 'totp', 'passkey'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** A kind read from the database (a plain string column): an unknown value is a bug, not input. */
export const deviceKind = z.enum(DEVICE_KINDS);

/** The kinds we send a code to (src/codes/delivery.ts). */
export const SENT_CODE_KINDS = ['sms', 'push'] as const satisfies readonly DeviceKind[];
/** The kinds whose proof is a code the holder types (sent, or made by the app). */
export const TYPED_CODE_KINDS = ['sms', 'push', 'totp'] as const satisfies readonly DeviceKind[];

export const isSentCodeKind = (kind: string): kind is (typeof SENT_CODE_KINDS)[number] => (SENT_CODE_KINDS as readonly string[]).includes(kind);
export const isTypedCodeKind = (kind: string): kind is (typeof TYPED_CODE_KINDS)[number] => (TYPED_CODE_KINDS as readonly string[]).includes(kind);

/** What each kind is called, as a noun in a sentence ("Add an authenticator app"). */
export const KIND_NOUNS: Record<DeviceKind, string> = {
  sms: 'phone number',
  push: 'iOS device',
  totp: 'authenticator app',
  passkey: 'passkey or security key',
};

/** How the proof reaches the holder, as the device lists say it next to the name. */
export const KIND_CHANNELS: Record<DeviceKind, string> = {
  sms: 'text message',
  push: 'notification',
  totp: 'code from the app',
  passkey: 'no code needed', // its signature is the proof; repeating its noun next to its label says nothing
};

/** What a trusted device of each kind can do once added, as the "device added" email says it. */
export const KIND_TRUSTED_USES: Record<DeviceKind, string> = {
  sms: 'Verification codes can now be sent to it.',
  push: 'Verification codes can now be sent to it.',
  totp: 'The codes it shows can now be used to verify your identity.',
  passkey: 'It can now be used to verify your identity, without a code.',
};

/** The kind's noun at the start of a line: "Authenticator app" (and "iOS device": a brand keeps its case). */
export function kindTitle(kind: DeviceKind): string {
  const noun = KIND_NOUNS[kind];
  return /^[a-z][A-Z]/.test(noun) ? noun : noun[0].toUpperCase() + noun.slice(1);
}

/** The kind's noun after "a" or "an": "an authenticator app", "a passkey or security key". */
export function kindWithArticle(kind: DeviceKind): string {
  const noun = KIND_NOUNS[kind];
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * The method of each kind's proof: a text message is 'sms'; a code pushed to a registered device
 * and typed in the browser is 'mca' (RFC 8176: multiple-channel authentication; it has no value for
 * a push); an authenticator app's code is 'otp' (RFC 6238); a passkey or security key is a proof of
 * possession of a key, 'hwk' when it is bound to one device and 'swk' when it is synced between
 * devices in software (WebAuthn's backup eligibility, decided at each use: passkeyMethod).
 */
export const KIND_METHODS: Record<DeviceKind, AuthMethod> = { sms: 'sms', push: 'mca', totp: 'otp', passkey: 'hwk' };

/** A passkey's method from what its assertion says of it ('multiDevice': synced, backup eligible). */
export function passkeyMethod(credentialDeviceType: string): AuthMethod {
  return credentialDeviceType === 'multiDevice' ? 'swk' : 'hwk';
}

/** The label of a named kind in lists: "Authenticator app (1Password)". */
export function namedKindLabel(kind: 'totp' | 'passkey', name: string | null): string {
  const title = kindTitle(kind);
  return name ? `${title} (${name})` : title;
}
