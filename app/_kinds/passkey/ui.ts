// The passkey on the Trusted Devices page: beside the phone numbers, its form and the browser's
// ceremony in place (added at once, so never left unfinished).
import { passkeyKind } from '@/src/kinds/passkey/kind.ts';
import type { KindUi } from '../kind-ui.ts';
import { AddPasskeyBlock } from './add-form.tsx';

export const passkeyUi: KindUi = {
  id: passkeyKind.id,
  way: 'a passkey',
  adding: {
    beside: {
      title: 'Passkeys',
      hint: "A passkey or security key proves it's you without a code, and can't be tricked by a fake website.",
      Offer: AddPasskeyBlock,
    },
  },
};
