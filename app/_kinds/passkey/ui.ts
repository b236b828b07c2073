// The passkey on the Trusted Devices page: beside the phone numbers, its form and the browser's
// ceremony in place (added at once, so never left unfinished).
import { passkeyKind } from '@/src/kinds/passkey/kind.ts';
import type { KindUi } from '../kind-ui.ts';
import { AddPasskeyBlock } from './add-form.tsx';

export const passkeyUi: KindUi = {
  id: passkeyKind.id,
  adding: { beside: { Offer: AddPasskeyBlock } },
};
