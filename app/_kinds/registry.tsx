// The kinds of trusted device on the holder's Trusted Devices page, listed once by their id
// (src/kinds/registry.ts) and in its order. The page and its sections compose from these
// (./kind-ui.ts); a kind with no entry here (one built outside this list) is listed and removed
// like any other, but offers no way to add one.
import { allKinds, isKnownKind } from '@/src/kinds/registry.ts';
import type { KindPage, KindUi } from './kind-ui.ts';
import { smsUi } from './sms/ui.ts';
import { pushUi } from './push/ui.ts';
import { authenticatorAppUi } from './authenticator-app/ui.ts';
import { passkeyUi } from './passkey/ui.ts';

const UIS = new Map<string, KindUi>([smsUi, pushUi, authenticatorAppUi, passkeyUi].map((u) => [u.id, u]));

/** The kinds' parts of the page, in the order of src/kinds/registry.ts. */
export const kindUis = (): KindUi[] => allKinds().flatMap((k) => UIS.get(k.id) ?? []);

/** The part of a device's kind, if it has one. */
export const kindUiOf = (id: string): KindUi | undefined => (isKnownKind(id) ? UIS.get(id) : undefined);

/** A kind's own page under the Trusted Devices page, by the last segment of its address. */
export const kindPage = (slug: string): KindPage | undefined =>
  kindUis()
    .flatMap((u) => u.pages ?? [])
    .find((p) => p.slug === slug);
