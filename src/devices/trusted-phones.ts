// Apple's FAQ (docs/rules.md#trusted-devices): two-step verification needs at least one trusted
// phone number, a number that receives codes by text, verified with the code sent to it. A trusted
// iOS device does not count: it cannot receive a text. Which kinds are such numbers, the kinds say
// (src/kinds/kind.ts, trustedPhone). Setup's steps (src/two-step/turn-on.ts), removing a trusted
// device while two-step is on (./trusted-devices.ts: the last number stays) and the pages that list
// devices ask here.
import type { DbTx } from '../db/client.ts';
import { allKinds, isKnownKind, kindOf } from '../kinds/registry.ts';

/** Whether a device of this kind is a trusted phone number that two-step counts. */
export const isTrustedPhone = (kind: string): boolean => isKnownKind(kind) && kindOf(kind).trustedPhone === true;

/** How many verified numbers that receive texts the account has. Inside a transaction too (`tx`). */
export function trustedPhoneCount(db: DbTx, accountId: string): Promise<number> {
  const kinds = allKinds()
    .filter((k) => k.trustedPhone === true)
    .map((k) => k.id);
  return db.trustedDevice.count({ where: { accountId, kind: { in: kinds }, verifiedAt: { not: null } } });
}

/** True while the account has no trusted phone number, so two-step cannot be turned on yet. */
export async function needsTrustedPhone(db: DbTx, accountId: string): Promise<boolean> {
  return (await trustedPhoneCount(db, accountId)) === 0;
}
