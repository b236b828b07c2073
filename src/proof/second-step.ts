// One way to prove a second step, for every flow that needs one (signing in, a fresh code before a
// change and the apps that sign in through the portal, the Recovery Key reset, the support PIN).
// A flow names its purpose and its finish; how the holder's trusted device proves itself is its
// kind's business (src/kinds/): a code we send or one the device shows, typed into the form, or a
// signature over our challenge. Either way the flow's finish runs in the transaction that accepts
// the proof (modelled on better-auth's verify-two-factor: every factor ends in one finish).
import type { CodeDeps, CodePurpose, OnVerified } from '../codes/codes.ts';
import { checkEnteredCode, sendCodeToChosenDevice, type ChosenDeviceSent } from '../codes/chosen-device.ts';
import type { CodesError } from '../codes/errors.ts';
// The kinds' proving layer, through its list: src/kinds/registry.ts sits below the code service.
import { signatureOptions, verifySignature } from '../kinds/prove-registry.ts';
import type { SignatureDeps, SignatureError, SignatureOptions, SignaturePurpose } from '../kinds/registry.ts';
import type { RequestContext } from '../security-events/record.ts';
import type { Result } from '../result.ts';

export type { ChosenDeviceSent };

/** Which flow asks, for which account: a proof for one purpose proves nothing for another. */
export interface Step<P extends CodePurpose = CodePurpose> {
  accountId: string;
  purpose: P;
}

/**
 * What the holder gives: the form with the chosen device and its code (untrusted input), or the
 * browser's answer to a signing challenge (untrusted input). Signing is for the purposes a
 * signature may prove (SIGNATURE_PURPOSES).
 */
export type ProofGiven = { form: unknown } | { signature: unknown };

/** Asks the device chosen in the form for a code (or, for a device that shows its own, nothing). */
export function askForCode(deps: CodeDeps, step: Step, form: unknown, ctx: RequestContext): Promise<Result<ChosenDeviceSent, CodesError>> {
  return sendCodeToChosenDevice(deps, step.accountId, step.purpose, form, ctx);
}

/** The challenge for a device that signs, naming every such device of the account. */
export function askForSignature(
  deps: SignatureDeps,
  step: Step<SignaturePurpose>,
): Promise<Result<{ options: SignatureOptions }, SignatureError>> {
  return signatureOptions(deps, step.accountId, step.purpose);
}

/**
 * Checks the holder's proof for the step. Right → `finish` runs in the transaction that accepts it
 * and its answer comes back as `then`; wrong → the refusal, counted in the account's run of wrong
 * codes whichever kind of device it came from.
 */
export function proveSecondStep<T = undefined>(
  deps: CodeDeps,
  step: Step,
  given: { form: unknown },
  ctx: RequestContext,
  finish?: OnVerified<T>,
): Promise<Result<{ then?: T }, CodesError>>;
export function proveSecondStep<T = undefined>(
  deps: SignatureDeps,
  step: Step<SignaturePurpose>,
  given: { signature: unknown },
  ctx: RequestContext,
  finish?: OnVerified<T>,
): Promise<Result<{ then?: T }, SignatureError>>;
export async function proveSecondStep<T = undefined>(
  deps: CodeDeps | SignatureDeps,
  step: Step,
  given: ProofGiven,
  ctx: RequestContext,
  finish?: OnVerified<T>,
): Promise<Result<{ then?: T }, CodesError | SignatureError>> {
  if ('form' in given) return checkEnteredCode(deps as CodeDeps, step.accountId, step.purpose, given.form, ctx, finish);
  const checked = await verifySignature(
    deps as SignatureDeps,
    { accountId: step.accountId, purpose: step.purpose as SignaturePurpose, response: given.signature },
    ctx,
    finish,
  );
  return checked.ok ? { ok: true, then: checked.then } : checked;
}
