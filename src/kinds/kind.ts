// What a kind of trusted device is: the one interface every kind implements, in its own folder
// (./<kind>/), listed once in ./registry.ts. Code outside the kind folders asks a kind these
// questions; it never asks which kind it holds.
//
// Modelled on one strategy per method (Ory Kratos' selfservice/strategy/<method>/): a kind says how
// it is called and shown, how it proves a second step (a code we send, a code it makes itself, or a
// signature) and how it is described in emails, the activity list and the support console.
import type { DbTx } from '../db/client.ts';
import type { AuthMethod } from '../sessions/auth-methods.ts';
import type { Logger } from '../observability/log.ts';
import type { KindCodeDeps } from './deps-registry.ts';
import type { KindCodeError, KindFixedCodeError } from './errors-registry.ts';

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
  /** What the kind's deliver() needs to reach it (a number, a device's id and name). */
  to: Record<string, string>;
}

/**
 * Why a delivery failed, as a code of CODES_ERRORS (src/codes/errors.ts: the kind's own, or the
 * generic one) with its arguments, and what the log keeps.
 */
export interface DeliveryRefusal {
  code: KindCodeError | 'SEND_FAILED';
  args: string[];
  details: Record<string, string | number>;
}

/** A code of a kind that makes its own (nothing sent, nothing stored per code). */
export type OwnCodeVerdict =
  /** Right, and this use is claimed (of concurrent requests with one code, exactly one gets this). */
  | { ok: true }
  /** 'used': right once already (not a wrong code); 'unreadable': the kind cannot check now (the operator's problem). */
  | { ok: false; reason: OwnCodeRefusal };

export type OwnCodeRefusal = 'wrong' | 'used' | 'unreadable';

/** What a kind that makes its own codes is given to check one: it reads the device's secret itself. */
export interface OwnCodeCheck {
  db: DbTx;
  now: Date;
  accountId: string;
  trustedDeviceId: string;
  /** What the kinds are given for codes (./deps-registry.ts): the kind's own key is among them. */
  deps: KindCodeDeps;
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
      /** Sends the code through the kind's sender, one of what the kinds are given (./deps-registry.ts). */
      deliver(deps: KindCodeDeps, to: Destination, code: string): Promise<void>;
      /** The kind's own errors of delivery, or null for any other (the caller logs only its type). */
      deliveryFailure(err: unknown, log: Pick<Logger, 'error'>): DeliveryRefusal | null;
    }
  /** The device makes its own codes (an app that shows them): nothing is sent. */
  | {
      by: 'own-code';
      digits: number;
      check(c: OwnCodeCheck): Promise<OwnCodeVerdict>;
      /**
       * The kind's own sentences for a refused code (codes of its errors.ts), which can say what to
       * check on the device; left out, the code service's kind-neutral ones (OWN_CODE_*).
       */
      refusals?: Record<OwnCodeRefusal, KindFixedCodeError>;
    }
  /** The device signs a challenge: no code at all. */
  | { by: 'signature' };

export interface TrustedDeviceKind {
  /** Its value in TrustedDevice.kind. */
  id: string;
  /** As a noun in a sentence ("Add a phone number"): lower case unless a brand, without its article. */
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
  /** The RFC 8176 method of its proof (a kind whose devices differ may say another at each use, as its check finds it). */
  method: AuthMethod;
  proof: ProofBy;
  /** How pages list it: "+1 ••• ••• ••34", "Jamie’s iPhone", or its noun and the name the holder gave it. */
  label(d: DeviceRow): string;
  /** As the activity list names it, kind first: "Phone number (+1 ••• ••• ••34)". */
  title(d: DeviceRow): string;
  /** In a sentence of an email or event: "the phone number +1 ••• ••• ••34". */
  describe(d: DeviceRow): string;
}

/** The kind's noun at the start of a line: "Phone number" (and "iOS device": a brand keeps its case). */
export function titleOf(noun: string): string {
  return /^[a-z][A-Z]/.test(noun) ? noun : noun[0].toUpperCase() + noun.slice(1);
}

/** The noun after "a" or "an": "an iOS device", "a phone number". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * The three names of a kind whose devices the holder names ("YubiKey", "Wallet card"): listed as
 * "<Noun> (<name>)", described as the <noun> “<name>”, or "a <noun>" when unnamed.
 */
export function namedByHolder(noun: string): Pick<TrustedDeviceKind, 'label' | 'title' | 'describe'> {
  const label = (d: DeviceRow) => (d.name ? `${titleOf(noun)} (${d.name})` : titleOf(noun));
  return { label, title: label, describe: (d) => (d.name ? `the ${noun} “${d.name}”` : withArticle(noun)) };
}
