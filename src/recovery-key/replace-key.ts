// Replace Lost Key (docs/rules.md#recovery-key): signed in with the password AND a trusted
// device (a code entered within the last 10 minutes, src/step-up/fresh-code.ts) → a new key. The
// stored hash is overwritten in one UPDATE, so the old key stops working at once. The new key is
// returned once, to be shown and printed; it is never logged, emailed or put in event details.
import type { Db } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import type { Actor } from '../sessions/actor.ts';
import { addressesOnFile, emailReader } from '../mail/recipients.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { recoveryKeyReplacedEmail } from '../mail/templates.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { freshCodeRefusal } from '../step-up/fresh-code.ts';
import type { StepUpError } from '../step-up/errors.ts';
import { failure, type Result } from '../result.ts';
import { formatRecoveryKey, generateRecoveryKey, hashRecoveryKey } from './recovery-key.ts';
import { RECOVERY_KEY_ERRORS, type RecoveryKeyError } from './errors.ts';

type ReplaceKeyResult = Result<{ recoveryKey: string; createdAt: Date }, RecoveryKeyError | StepUpError>;

export async function replaceRecoveryKey(
  deps: { db: Db; clock: Clock; bcryptCost: number },
  actor: Actor,
  ctx: RequestContext,
): Promise<ReplaceKeyResult> {
  const stale = await freshCodeRefusal(deps, actor);
  if (stale) return stale;
  const key = generateRecoveryKey();
  const hash = await hashRecoveryKey(key, deps.bcryptCost); // bcrypt before the transaction
  return deps.db.$transaction(async (tx): Promise<ReplaceKeyResult> => {
    const now = deps.clock.now();
    const account = await tx.account.findUniqueOrThrow({ where: { id: actor.accountId } });
    if (!account.twoStepEnabledAt) return failure(RECOVERY_KEY_ERRORS, 'REPLACE_NEEDS_TWO_STEP');
    await tx.account.update({
      where: { id: account.id },
      data: { recoveryKeyHash: hash, recoveryKeyCreatedAt: now, recoveryKeyConfirmedAt: null },
      select: { id: true },
    });
    await recordSecurityEvent(tx, { accountId: account.id, kind: 'recovery-key-replaced', at: now }, ctx);
    await enqueueEmail(
      tx,
      {
        kind: 'recovery-key-replaced',
        accountId: account.id,
        to: addressesOnFile(account),
        ...recoveryKeyReplacedEmail({ name: account.name, appleId: account.appleId, at: now, ...emailReader(account) }),
      },
      deps.clock,
    );
    return { ok: true, recoveryKey: formatRecoveryKey(key), createdAt: now };
  });
}
