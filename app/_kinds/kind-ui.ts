// What a kind of trusted device brings to the holder's pages: the app's half of a kind, beside its
// domain half in src/kinds/<kind>/. Each kind's folder (app/_kinds/<kind>/) fills these in, and the
// registries next to this file list them by the kind's id (src/kinds/registry.ts), so the pages
// compose from them and never ask which kind they hold. A kind may leave out what it does not have
// (a kind with no page of its own, no stand-in inbox, no button of its own for a second step).
import type { ComponentType } from 'react';
import type { Metadata } from 'next';
import type { DeviceList } from '@/src/devices/trusted-devices.ts';
import type { FormState } from '../lib/form-state.ts';
import type { Challenge } from '../lib/proof-purposes.ts';

/** What the Trusted Devices page gives a kind's part of it. */
export interface AddProps {
  /** The account's country or region (a phone number's default country). */
  countryCode: string;
  /** Changes after a device was added or removed, so the forms start empty again. */
  formKey: string;
  /** The account's devices, as the page listed them. */
  devices: DeviceList;
}

/** How the Trusted Devices page offers to add a device of the kind. */
export type Adding =
  /** A panel of its own, in the order of the kinds. */
  | { panel: ComponentType<AddProps> }
  /**
   * A part of the one panel after the others, of the kinds that come beside the phone numbers:
   * its plural title (`kinds.<kind>.besideTitle`) joins the panel's heading, its sentence
   * (`kinds.<kind>.besideHint`) the panel's hint.
   */
  | { beside: { Offer: ComponentType<AddProps> } };

/** A page of the kind under the Trusted Devices page (/account/security/devices/<slug>). */
export interface KindPage {
  slug: string;
  /** Its title's key in the `kinds` catalogue ("<kind>.page.title"). */
  titleKey: string;
  Page: ComponentType<{ searchParams: Promise<Record<string, string | string[] | undefined>> }>;
}

/** The kind on the Trusted Devices page and in what the holder reads of it. */
export interface KindUi {
  /**
   * Its TrustedDevice.kind (src/kinds/registry.ts). Its words are the catalogue's `kinds.<kind>`
   * (./kind-key.ts), among them `way`: how the page's lead names it among the ways to confirm, a
   * kind we send codes to by its noun alone (after "a code we send to a"), any other as a whole
   * phrase ("a code from ...").
   */
  id: string;
  adding: Adding;
  /** Its own pages under the Trusted Devices page. */
  pages?: KindPage[];
  /** Where a device of the kind whose setup was not finished is finished; left out when removing it is the only way. */
  finishSetup?: (trustedDeviceId: string) => string;
}

/** The second step's button of a kind that signs, beside the code form (app/components/proof-step.tsx). */
export interface SignStep {
  id: string;
  Button: ComponentType<{ options: () => Promise<Challenge>; finish: (response: string) => Promise<FormState> }>;
}

/** The kind's question and answer on the help page (app/help/two-step/); its question is `kinds.<kind>.help.question`. */
export interface KindHelp {
  id: string;
  /** The answer's anchor on the page. */
  anchor: string;
  Answer: ComponentType;
}

/** A local stand-in's inbox under /dev/ (only with STANDINS=on): where what the kind sends arrives. */
export interface DevInbox {
  /** Its address: /dev/<slug>. */
  slug: string;
  /** What arrives there, in the banner's "... go to the ... inboxes": "emails". */
  carries: string;
  /** The inbox as the banner's sentence names it: "mail" (as in "the mail inbox"). */
  inbox: string;
  /** Its link in the dev pages' menu: "Mail". */
  menu: string;
  /** Its page, served by app/dev/[inbox]/; left out for an inbox with a route of its own (the mail's). */
  page?: { metadata: Metadata; Page: ComponentType };
}
