// What a kind of staff second factor offers (./staff-factors.ts has what they all share). Each is
// the holders' kind of the same id, in that kind's folder (src/kinds/<kind>/staff.ts), and
// src/kinds/staff-registry.ts lists them: the staff sign-in pages and their actions
// (app/actions/staff-second-factor.ts) ask the listed kind, never a kind by name.
//
// Setting one up and proving it are two steps each: the first gives the browser what it needs (a
// challenge to sign), or makes something the setup page then shows (a key to scan); the second
// takes the staff member's answer (the form's fields, or a ceremony's JSON) and, when it is right,
// opens the console: a new session's token. Every answer is untrusted input.
import type { RequestContext } from '../security-events/record.ts';
import type { Result } from '../result.ts';
import type { FormResult } from '../forms/forms.ts';
import type { StaffFactorKind } from '../kinds/staff-kinds-registry.ts';
import type { SupportError } from './errors.ts';
import type { StaffSession } from './staff.ts';

/** A first step's answer: the options of the browser's ceremony, or none (what it made is on the page). */
export type StaffFactorOffer = Result<{ options?: unknown }, SupportError>;

/** A second step's answer: the console session's token, or the refusal. */
export type StaffFactorPassed = FormResult<{ token: string }, SupportError>;

export interface KindOfStaffFactor<Deps> {
  /** Its StaffFactor.kind value: the holders' kind of the same id. */
  id: StaffFactorKind;
  /** Setting one up, first step: refused when the staff member already has a factor. */
  begin(deps: Deps, session: StaffSession): Promise<StaffFactorOffer>;
  /** Setting one up, its proof: the factor becomes theirs, and the session opens the console. */
  confirm(deps: Deps, session: StaffSession, answer: unknown, ctx: RequestContext): Promise<StaffFactorPassed>;
  /** Signing in after the password, first step. */
  challenge(deps: Deps, session: StaffSession): Promise<StaffFactorOffer>;
  /** Signing in, its proof: counted before it is checked (staffFactorLimits). */
  prove(deps: Deps, session: StaffSession, answer: unknown, ctx: RequestContext): Promise<StaffFactorPassed>;
}
