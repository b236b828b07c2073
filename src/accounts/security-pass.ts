// The Password and Security pass while two-step is off (docs/rules.md#password-and-security-page;
// the users' reports: "I'm now asked my security questions"): two of the account's three questions,
// a pair fixed per session, answered once per session and good for 15 minutes idle. With two-step
// on, the code sign-in replaces it.
import type { Db } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { MINUTE } from '../clock.ts';
import {
  answersSchema,
  askedQuestions,
  checkAnswers,
  decodePair,
  encodePair,
  questionsLock,
  randomQuestionPair,
  type AskedQuestion,
} from './question-check.ts';
import { fieldErrorsOf, invalidFields, type FormResult } from '../forms/forms.ts';
import { ACCOUNTS_ERRORS, type AccountsError } from './errors.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { SESSIONS_ERRORS, type SessionsError } from '../sessions/errors.ts';
import { failure } from '../result.ts';

export const SECURITY_PASS_IDLE_MS = 15 * MINUTE;

export interface PassDeps {
  db: Db;
  clock: Clock;
}

export type PassState =
  | { passed: true }
  | { passed: false; questions: AskedQuestion[]; locked: string | null }
  /** The session was ended while this request ran (signed out elsewhere): treat it as signed out. */
  | { passed: false; signedOut: true };

/**
 * securityPassSeenAt is written at most once a minute, not on every page view (like a session's
 * lastSeenAt, src/sessions/sessions.ts): the pass then ends up to this much before 15 idle minutes
 * after the last view, never after.
 */
export const SECURITY_PASS_TOUCH_MS = MINUTE;

/** The facts of the session the pass depends on, as read with it (src/sessions/session-read.ts). */
export interface PassFacts {
  /** The session's row id. */
  id: string;
  accountId: string;
  questionPair: string | null;
  securityPassSeenAt: Date | null;
  twoStepOn: boolean;
}

/** Whether this session may see the page now; if not, the two questions to ask. */
export async function securityPassState(deps: PassDeps, sessionId: string): Promise<PassState> {
  const session = await deps.db.session.findUnique({
    where: { id: sessionId },
    include: { account: { select: { twoStepEnabledAt: true } } },
  });
  if (!session) return { passed: false, signedOut: true };
  return securityPassStateOf(deps, { ...session, twoStepOn: session.account.twoStepEnabledAt !== null });
}

/** The same, on the session's facts already read in this request. */
export async function securityPassStateOf(deps: PassDeps, session: PassFacts): Promise<PassState> {
  const now = deps.clock.now();
  const sessionId = session.id;
  // Every write tolerates a row deleted meanwhile (updateMany counts 0): signed out, not an error.
  const signedOut = { passed: false, signedOut: true } as const;
  if (session.twoStepOn) return { passed: true };
  const seenFor = session.securityPassSeenAt ? now.getTime() - session.securityPassSeenAt.getTime() : null;
  if (seenFor !== null && seenFor < SECURITY_PASS_IDLE_MS) {
    if (seenFor < SECURITY_PASS_TOUCH_MS) return { passed: true };
    const { count } = await deps.db.session.updateMany({ where: { id: sessionId }, data: { securityPassSeenAt: now } });
    return count === 1 ? { passed: true } : signedOut;
  }
  let pair = decodePair(session.questionPair);
  if (!pair) {
    pair = randomQuestionPair();
    const { count } = await deps.db.session.updateMany({
      where: { id: sessionId },
      data: { questionPair: encodePair(pair), securityPassAt: null, securityPassSeenAt: null },
    });
    if (count === 0) return signedOut;
  }
  const [questions, locked] = await Promise.all([
    askedQuestions(deps.db, session.accountId, pair),
    questionsLock(deps.db, session.accountId, now),
  ]);
  return { passed: false, questions, locked };
}

export async function answerSecurityQuestions(
  deps: PassDeps,
  sessionId: string,
  input: unknown,
  ctx: RequestContext,
): Promise<FormResult<object, AccountsError | SessionsError>> {
  const parsed = answersSchema.safeParse(input);
  if (!parsed.success) return invalidFields(fieldErrorsOf(parsed.error));
  const now = deps.clock.now();
  const session = await deps.db.session.findUnique({ where: { id: sessionId } });
  if (!session) return failure(SESSIONS_ERRORS, 'SESSION_ENDED');
  const pair = decodePair(session.questionPair);
  if (!pair) return failure(ACCOUNTS_ERRORS, 'QUESTIONS_NOT_CURRENT');
  const check = await checkAnswers(deps.db, session.accountId, pair, [parsed.data.answer1, parsed.data.answer2], now);
  if (!check.ok) {
    await recordSecurityEvent(deps.db, { accountId: session.accountId, kind: 'security-questions-failed', at: now }, ctx);
    return { ok: false, code: check.code, error: check.error };
  }
  const { count } = await deps.db.session.updateMany({
    where: { id: sessionId },
    data: { securityPassAt: now, securityPassSeenAt: now, questionPair: null },
  });
  if (count === 0) return failure(SESSIONS_ERRORS, 'SESSION_ENDED');
  await recordSecurityEvent(deps.db, { accountId: session.accountId, kind: 'security-questions-passed', at: now }, ctx);
  return { ok: true };
}
