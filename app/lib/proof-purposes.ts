// Every flow that asks for a second step, in one table: the session or stage each one needs, how it
// asks for and checks the proof (one domain function each, all through src/proof/second-step.ts),
// and the finish it ends in. app/actions/proof.ts serves them all with one pair of actions.
//
// The purpose reaches those actions from the browser (an argument the page bound), so it is
// attacker-controlled: it is only ever a key looked up in this table (own keys only), and each entry
// checks its own session or stage first, at every call, as its page does. Nothing here trusts the
// page that bound it; whatever else the page bound (an app's interaction, the page to go back to)
// is parsed again here against its own rule.
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { runtime } from '@/src/runtime.ts';
import type { SignatureOptions } from '@/src/kinds/registry.ts';
import { completeSignIn, completeSignInWithSignature, sendSignInCode, signInSignatureOptions } from '@/src/sign-in/code.ts';
import { SIGN_IN_ERRORS } from '@/src/sign-in/errors.ts';
import { confirmIdentity, confirmIdentityWithSignature, identitySignatureOptions, sendIdentityCode } from '@/src/step-up/fresh-code.ts';
import {
  keyResetSignatureOptions,
  sendKeyResetCode,
  verifyKeyResetCode,
  verifyKeyResetSignature,
} from '@/src/password-reset/by-recovery-key.ts';
import { createSupportPin, sendSupportPinCode } from '@/src/support/pin.ts';
import { guessingRequestContext } from './request.ts';
import { sessionToken, setSessionCookie, signedIn } from './session.ts';
import { refuseStaff } from './staff-session.ts';
import { requireSecurityPass } from './security-pass.ts';
import { resetToken } from './reset-cookie.ts';
import { freshCodePage } from './fresh-code.ts';
import { rememberThisBrowser } from './known-browser.ts';
import { afterSignIn, interactionParam, withInteraction } from './app-sign-in.ts';
import type { FormState, ProofState } from './form-state.ts';
import { optionsOr, type Options } from './signature-options.ts';
import { sentenceOf } from '@/src/result.ts';

export const PROOF_PURPOSES = ['sign-in', 'fresh-code', 'recovery-key-reset', 'support-pin', 'app-sign-in'] as const;
export type ProofPurpose = (typeof PROOF_PURPOSES)[number];

/** The signing challenge's options for the browser (or the sentence saying why there are none). */
export type Challenge = Options<SignatureOptions>;

/** What the holder gave: the code form's fields, or the browser's answer to the signing challenge (both untrusted). */
export type Given = { form: Record<string, string> } | { signature: string };

export interface ProofFlow {
  /** A code for the device chosen in the form (or, for a device that shows its own, nothing sent). */
  ask(form: Record<string, string>): Promise<FormState>;
  /**
   * The signing challenge, naming the account's devices that sign: only for a flow a signature may
   * prove, whose page shows their button beside the code form.
   */
  challenge?(): Promise<Challenge>;
  /** Checks the proof; right, the flow's finish (a redirect, or what the page shows once). `bound`: what the page bound. */
  prove(bound: unknown, given: Given): Promise<ProofState>;
}

type Sent = { ok: true; message: string; trustedDeviceId: string } | { ok: false; error: string; waitMs?: number };

/**
 * A code was asked for: the sentence saying where it went, and the device, so the code form shows.
 * Refused: the sentence, the device chosen (still chosen in the form), and for a refusal that ends
 * by itself the wait, by the portal's clock, that the form counts down.
 */
function sent(result: Sent, form: Record<string, string>): FormState {
  if (!result.ok) {
    const values = { trustedDeviceId: form.trustedDeviceId ?? '' };
    return result.waitMs === undefined ? { error: result.error, values } : { error: result.error, values, waitMs: result.waitMs };
  }
  return { done: true, notice: result.message, values: { trustedDeviceId: result.trustedDeviceId } };
}

/** A refused proof: the sentence, and the device the code was for, so its code form stays. */
function refused(given: Given, error: string): FormState {
  return 'form' in given ? { error, values: { trustedDeviceId: given.form.trustedDeviceId ?? '' } } : { error };
}

/**
 * Signing in with two-step on. Needs the session that passed the password, not a staff one; ends in
 * the signed-in session (and back to an app's sign-in, if one was bound).
 */
const signIn: ProofFlow = {
  async ask(form) {
    await refuseStaff();
    const token = await sessionToken();
    if (!token) redirect('/sign-in');
    return sent(await sendSignInCode(runtime(), token, form, await guessingRequestContext()), form);
  },
  async challenge() {
    await refuseStaff();
    const token = await sessionToken();
    return token ? optionsOr(await signInSignatureOptions(runtime(), token)) : { error: sentenceOf(SIGN_IN_ERRORS, 'SIGN_IN_EXPIRED') };
  },
  async prove(interaction, given) {
    await refuseStaff();
    const uid = interactionParam(interaction);
    const token = await sessionToken();
    if (!token) redirect(withInteraction('/sign-in', uid));
    const ctx = await guessingRequestContext();
    const result =
      'form' in given
        ? await completeSignIn(runtime(), token, given.form, ctx)
        : await completeSignInWithSignature(runtime(), token, given.signature, ctx);
    if (!result.ok) return refused(given, result.error);
    await signedIn(result.sessionToken, result.accountId);
    redirect(await afterSignIn(uid));
  },
};

/** Renews the session's code as before a sensitive change (the fresh code and an app's sign-in ask alike). Needs the security pass. */
const confirming = {
  async ask(form: Record<string, string>) {
    const { actor } = await requireSecurityPass();
    return sent(await sendIdentityCode(runtime(), actor, form, await guessingRequestContext()), form);
  },
  async challenge() {
    const { actor } = await requireSecurityPass();
    return optionsOr(await identitySignatureOptions(runtime(), actor));
  },
  /** The session, renewed by the proof: its new token (the finish sets it), or the refusal. */
  async check(given: Given) {
    const { actor } = await requireSecurityPass();
    const ctx = await guessingRequestContext();
    const result =
      'form' in given
        ? await confirmIdentity(runtime(), actor, given.form, ctx)
        : await confirmIdentityWithSignature(runtime(), actor, given.signature, ctx);
    return { actor, result };
  },
};

/**
 * A fresh code before a sensitive change. Needs the security pass; ends in the step-up mark (the
 * renewed session) and back to `next`, one of the fixed pages (no open redirect).
 */
const freshCode: ProofFlow = {
  ask: confirming.ask,
  challenge: confirming.challenge,
  async prove(next, given) {
    const { result } = await confirming.check(given);
    if (!result.ok) return refused(given, result.error);
    await setSessionCookie(result.sessionToken);
    redirect(freshCodePage.parse(next));
  },
};

/**
 * "Confirm it's you" for an app signing in through the portal. Needs the security pass; ends with
 * this browser known to the account and back to the app's sign-in.
 */
const appSignIn: ProofFlow = {
  ask: confirming.ask,
  challenge: confirming.challenge,
  async prove(interaction, given) {
    const uid = interactionParam(interaction);
    const { actor, result } = await confirming.check(given);
    if (!result.ok) return refused(given, result.error);
    await setSessionCookie(result.sessionToken);
    await rememberThisBrowser(actor.accountId, result.sessionToken);
    redirect(await afterSignIn(uid));
  },
};

/**
 * The Recovery Key reset (two-step on). Needs the reset cookie's reset, not a staff session; ends
 * in the reset's next step, the new password.
 */
const recoveryKeyReset: ProofFlow = {
  async ask(form) {
    await refuseStaff();
    return sent(await sendKeyResetCode(runtime(), await resetToken(), form, await guessingRequestContext()), form);
  },
  async challenge() {
    await refuseStaff();
    return optionsOr(await keyResetSignatureOptions(runtime(), await resetToken()));
  },
  async prove(_bound, given) {
    await refuseStaff();
    const token = await resetToken();
    const ctx = await guessingRequestContext();
    const result =
      'form' in given
        ? await verifyKeyResetCode(runtime(), token, given.form, ctx)
        : await verifyKeyResetSignature(runtime(), token, given.signature, ctx);
    if (!result.ok) return refused(given, result.error);
    redirect('/reset/recovery-key/verify');
  },
};

/**
 * The support PIN. Needs the security pass; ends in the new PIN, shown once in this answer (never
 * in a URL, a cookie or an email). Only a typed code makes one (the domain's purpose takes no signature).
 */
const supportPin: ProofFlow = {
  async ask(form) {
    const { actor } = await requireSecurityPass();
    return sent(await sendSupportPinCode(runtime(), actor.accountId, form, await guessingRequestContext()), form);
  },
  async prove(_bound, given) {
    const { actor } = await requireSecurityPass();
    const form = 'form' in given ? given.form : {}; // app/actions/proof.ts reads anything else as a form
    const result = await createSupportPin(runtime(), actor.accountId, form, await guessingRequestContext());
    if (!result.ok) return refused({ form }, result.error);
    revalidatePath('/account/security');
    return { done: true, pin: { value: result.pin, expiresAt: result.expiresAt.toISOString() } };
  },
};

const FLOWS: Record<ProofPurpose, ProofFlow> = {
  'sign-in': signIn,
  'fresh-code': freshCode,
  'recovery-key-reset': recoveryKeyReset,
  'support-pin': supportPin,
  'app-sign-in': appSignIn,
};

/** The flow a purpose from the browser names, or null: only the table's own keys ("constructor", "__proto__" are not flows). */
export function proofFlow(purpose: unknown): ProofFlow | null {
  return typeof purpose === 'string' && Object.hasOwn(FLOWS, purpose) ? FLOWS[purpose as ProofPurpose] : null;
}
