// What a kind of trusted device is: the one interface every kind implements, in its own folder
// (./sms/, ./push/, ./authenticator-app/, ./passkey/), listed once in ./registry.ts. Code outside
// the kind folders asks a kind these questions; it never asks which kind it holds.
//
// Modelled on one strategy per method (Ory Kratos' selfservice/strategy/<method>/): a kind says how
// it is called and shown, how it proves a second step (a code we send, a code it makes itself, or a
// signature) and how it is described in emails, the activity list and the support console.
import type { DbTx } from '../db/client.ts';
import type { AuthMethod } from '../sessions/auth-methods.ts';
import type { SmsSender } from '../sms/twilio-sms.ts';
import type { PushSender } from '../push/push-sender.ts';
import type { Logger } from '../observability/log.ts';

/** A trusted device row as the kinds read it (only the columns a kind may need). */
export interface DeviceRow {
  kind: string;
  phoneNumber?: string | null;
  name?: string | null;
  registeredDevice?: { name: string; deviceId?: string } | null;
}

/** Where a code we send goes: `key` is counted by the per-destination limit (CodeSend.destination). */
export interface Destination {
  /** The kind that delivers it (CodeSend events' `channel`). */
  channel: string;
  key: string;
  /** What the kind's deliver() needs: the number, or the device to push to. */
  to: Record<string, string>;
}

/** The senders a kind may deliver through (src/runtime.ts makes them). */
export interface Senders {
  sms: SmsSender;
  push: PushSender;
}

/** Why a delivery failed, as a code of CODES_ERRORS (src/codes/errors.ts) with its arguments, and what the log keeps. */
export interface DeliveryRefusal {
  code: 'SMS_NUMBER_REFUSED' | 'SMS_UNAVAILABLE' | 'PUSH_FAILED' | 'SEND_FAILED';
  args: string[];
  details: Record<string, string | number>;
}

/** A code of a kind that makes its own (nothing sent, nothing stored per code). */
export type OwnCodeVerdict =
  /** Right, and this use is claimed (of concurrent requests with one code, exactly one gets this). */
  | { ok: true }
  /** 'used': right once already (not a wrong code); 'unreadable': the kind cannot check now (the operator's problem). */
  | { ok: false; reason: 'wrong' | 'used' | 'unreadable' };

/** What a kind that makes its own codes is given to check one. */
export interface OwnCodeCheck {
  db: DbTx;
  now: Date;
  accountId: string;
  trustedDeviceId: string;
  /** The kind's secrets from the runtime (TOTP_ENCRYPTION_KEY...). */
  secrets: { totpKey: Buffer };
  /** The columns the device keeps its secret in (TrustedDevice.totpSecret, totpLastStep). */
  secret: OwnCodeSecret;
  /** Exactly the kind's digits (the caller refused anything else without counting it). */
  code: string;
}

/** How a kind proves a second step. */
export type ProofBy =
  /** We send a code (text message, notification): stored hashed, counted by the sending limits (src/codes/). */
  | {
      by: 'sent-code';
      /** Where its codes go; null when the row cannot receive any. */
      destination(d: DeviceRow): Destination | null;
      deliver(senders: Senders, to: Destination, code: string): Promise<void>;
      /** The kind's own errors of delivery, or null for any other (the caller logs only its type). */
      deliveryFailure(err: unknown, log: Pick<Logger, 'error'>): DeliveryRefusal | null;
    }
  /** The device makes its own codes (an authenticator app): nothing is sent. */
  | { by: 'own-code'; digits: number; check(c: OwnCodeCheck): Promise<OwnCodeVerdict> }
  /** The device signs a challenge (WebAuthn): no code at all. */
  | { by: 'signature' };

/** The columns a kind that makes its own codes keeps its secret in. */
export interface OwnCodeSecret {
  sealed: string | null;
  lastStep: number | null;
}

export interface TrustedDeviceKind {
  /** Its value in TrustedDevice.kind. */
  id: string;
  /** As a noun in a sentence: "Add an authenticator app". */
  noun: string;
  /** How its proof reaches the holder, next to its name in lists: "text message". */
  channel: string;
  /** The few letters of its icon in the device lists, and its colour's class name (devices.module.css). */
  icon: { text: string; tone: string };
  /** Whether its label is a (masked) phone number, set in figures, or a name. */
  labelIs: 'number' | 'name';
  /** Where the code of a device waiting for it went, after "Enter the code we sent": "to this device"; null when nothing is sent. */
  codeSentTo: string | null;
  /** What a trusted device of this kind can do, as the "device added" email says it. */
  trustedUses: string;
  /**
   * True for a phone number that receives codes by text: two-step needs at least one such trusted
   * device while it is on (src/devices/trusted-phones.ts). Left out for any other kind.
   */
  trustedPhone?: true;
  /** The RFC 8176 method of its proof (a passkey's is decided at each use: ./passkey/). */
  method: AuthMethod;
  proof: ProofBy;
  /** How pages list it: "+1 ••• ••• ••34", "Jamie’s iPhone", "Authenticator app (Authy)". */
  label(d: DeviceRow): string;
  /** As the activity list names it, kind first: "Phone number (+1 ••• ••• ••34)". */
  title(d: DeviceRow): string;
  /** In a sentence of an email or event: "the phone number +1 ••• ••• ••34". */
  describe(d: DeviceRow): string;
}

/** The kind's noun at the start of a line: "Authenticator app" (and "iOS device": a brand keeps its case). */
export function titleOf(noun: string): string {
  return /^[a-z][A-Z]/.test(noun) ? noun : noun[0].toUpperCase() + noun.slice(1);
}

/** The noun after "a" or "an": "an authenticator app", "a passkey or security key". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * The three names of a kind whose devices the holder names ("Authy", "YubiKey"): listed as
 * "Authenticator app (Authy)", described as the authenticator app “Authy”, or "an authenticator
 * app" when unnamed.
 */
export function namedByHolder(noun: string): Pick<TrustedDeviceKind, 'label' | 'title' | 'describe'> {
  const label = (d: DeviceRow) => (d.name ? `${titleOf(noun)} (${d.name})` : titleOf(noun));
  return { label, title: label, describe: (d) => (d.name ? `the ${noun} “${d.name}”` : withArticle(noun)) };
}
