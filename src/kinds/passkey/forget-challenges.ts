// A support staff member's challenges in flight (./prove-challenges.ts makes and claims them), in the
// layer of what a kind is, so that the operator's reset of a staff member's second factors
// (src/support/staff-factors.ts, through src/kinds/staff-kinds-registry.ts) can drop them: a
// ceremony begun before the reset never finishes after it.
import type { DbTx } from '../../db/client.ts';

export async function forgetStaffChallenges(tx: DbTx, staffUserId: string): Promise<void> {
  await tx.webAuthnChallenge.deleteMany({ where: { staffUserId } });
}
