'use server';
// The second factor of staff sign-in (src/support/staff-factors.ts): set one up at the first sign-in,
// or prove it at every sign-in. One set of actions for every kind of factor
// (src/kinds/staff-registry.ts): each form binds its kind, which arrives from the browser, so it is
// only a key of that list. Each action takes only a session that passed the password and not yet
// the factor (requireSecondFactorStep, checked first); passing the factor replaces the session with
// a new one that opens the console.
import { notFound, redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { staffFactorOf } from '@/src/kinds/staff-registry.ts';
import type { StaffFactorOffer, StaffFactorPassed } from '@/src/support/staff-factor-kind.ts';
import { requestContext } from '../lib/request.ts';
import { requireSecondFactorStep, SECOND_FACTOR_SETUP_PAGE, setStaffCookie } from '../lib/staff-session.ts';
import { formFields, type FormState } from '../lib/form-state.ts';
import type { Options } from '../lib/signature-options.ts';
import { inLanguage } from '../i18n/said.ts';

/** The session of this step and the factor of the bound kind; an unknown kind is not found. */
async function stepOf(kind: unknown) {
  const session = await requireSecondFactorStep();
  const factor = staffFactorOf(kind);
  if (!factor) notFound();
  return { session, factor };
}

/** A browser ceremony's answer arrives as its JSON text; anything else is the form's fields. */
const answerOf = (given: unknown) => (typeof given === 'string' ? given : formFields(given));

/** The factor passed: the new console session's cookie, and the console. Refused: the form's message. */
async function afterFactor(result: StaffFactorPassed): Promise<FormState> {
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors }, result.said);
  await setStaffCookie(result.token);
  redirect('/support');
}

/** A first step's options for the browser's ceremony, or its refusal. */
const offered = async (result: StaffFactorOffer): Promise<Options<unknown>> =>
  !result.ok ? inLanguage({ error: result.error }, result.said) : { options: result.options ?? null };

// ---- Setting one up ------------------------------------------------------------------------------

/**
 * The first step of a setup: the options of the browser's ceremony, or, for a kind whose first
 * step makes something the setup page shows (an app's key), that page again.
 */
export async function beginStaffFactorAction(kind: unknown): Promise<Options<unknown>> {
  const { session, factor } = await stepOf(kind);
  const result = await factor.begin(runtime(), session);
  if (result.ok && result.options === undefined) redirect(SECOND_FACTOR_SETUP_PAGE);
  return offered(result);
}

/** The setup's proof (the form's fields, or the ceremony's JSON): the factor is theirs, and the console opens. */
export async function confirmStaffFactorAction(kind: unknown, _prev: unknown, given: unknown): Promise<FormState> {
  const { session, factor } = await stepOf(kind);
  return afterFactor(await factor.confirm(runtime(), session, answerOf(given), await requestContext()));
}

// ---- Proving it ----------------------------------------------------------------------------------

/** What the browser's ceremony signs, for a kind that signs. */
export async function challengeStaffFactorAction(kind: unknown): Promise<Options<unknown>> {
  const { session, factor } = await stepOf(kind);
  return offered(await factor.challenge(runtime(), session));
}

/** The proof (the form's fields, or the ceremony's JSON): the console opens. */
export async function proveStaffFactorAction(kind: unknown, _prev: unknown, given: unknown): Promise<FormState> {
  const { session, factor } = await stepOf(kind);
  return afterFactor(await factor.prove(runtime(), session, answerOf(given), await requestContext()));
}
