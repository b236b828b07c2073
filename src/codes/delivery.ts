// Delivering a code to a trusted device, through its kind (src/kinds/: a text message, a push
// notification...). The code goes into the message and nowhere else: what is kept of a failure
// (for the security log and the person) is a safe message and error codes, never the code or the
// message body.
import { failure, type Failure } from '../result.ts';
import { CODES_ERRORS } from './errors.ts';
import { logger, type Logger } from '../observability/log.ts';
import { allKinds } from '../kinds/registry.ts';
import type { DeliveryRefusal } from '../kinds/kind.ts';

/** Why a code could not be delivered: the codes of CODES_ERRORS a delivery failure can have. */
export type DeliveryError = DeliveryRefusal['code'];

/**
 * What a failed delivery tells the person, and what the security log keeps of it. Only the kinds'
 * own error types (each kind recognises its senders' errors, and logs what is the operator's) are
 * trusted to carry a message fit for the person; anything else (which might quote a request, and
 * so the code) gets the generic message and only its type is kept. Every failure is also a
 * code-send-failed security event, logged and counted (src/security-events/signals.ts).
 */
export function deliveryFailure(
  err: unknown,
  log: Pick<Logger, 'error'> = logger(),
): { refusal: Failure<DeliveryError>; details: Record<string, string | number> } {
  for (const kind of allKinds()) {
    const known = kind.proof.by === 'sent-code' ? kind.proof.deliveryFailure(err, log) : null;
    if (known) return { refusal: failure(CODES_ERRORS, known.code, ...(known.args as [string])), details: known.details };
  }
  // Only the type: the message of a foreign error might quote the request, and so the code.
  log.error(
    { event: 'code-delivery-failed', errorType: err instanceof Error ? err.name : typeof err },
    `codes: sending a code failed with an unexpected ${err instanceof Error ? err.name : typeof err}`,
  );
  return { refusal: failure(CODES_ERRORS, 'SEND_FAILED'), details: { error: 'unknown' } };
}
