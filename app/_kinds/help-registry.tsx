// The kinds' questions on the help page (app/help/two-step/), by the kind's id, in the order of
// src/kinds/registry.ts.
import { allKinds } from '@/src/kinds/registry.ts';
import { smsKind } from '@/src/kinds/sms/kind.ts';
import { pushKind } from '@/src/kinds/push/kind.ts';
import { authenticatorAppKind } from '@/src/kinds/authenticator-app/kind.ts';
import { passkeyKind } from '@/src/kinds/passkey/kind.ts';
import type { KindHelp } from './kind-ui.ts';
import { phoneNumberHelp } from './sms/help.tsx';
import { iosDeviceHelp } from './push/help.tsx';
import { authenticatorAppHelp } from './authenticator-app/help.tsx';
import { passkeyHelp } from './passkey/help.tsx';

const HELP = new Map<string, Omit<KindHelp, 'id'>>([
  [smsKind.id, phoneNumberHelp],
  [pushKind.id, iosDeviceHelp],
  [authenticatorAppKind.id, authenticatorAppHelp],
  [passkeyKind.id, passkeyHelp],
]);

/** Each kind's question and answer, in the kinds' order. */
export const kindHelp = (): KindHelp[] => allKinds().flatMap((k) => (HELP.has(k.id) ? [{ id: k.id, ...HELP.get(k.id)! }] : []));
