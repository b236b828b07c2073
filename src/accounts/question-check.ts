// Asking two of the account's three security questions: for the Password and Security page
// (two-step off, docs/rules.md#password-and-security-page) and for a password reset by emailed
// link. Both share one lockout, so neither can be used to guess around the other: three wrong
// answers in a row lock the questions for 15 minutes.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { rawCount } from '../db/raw.ts';
import { DAY, MINUTE } from '../clock.ts';
import { verifySecret } from './passwords.ts';
import { normaliseAnswer, securityQuestionText } from './security-questions.ts';
import { attemptFailed, clearFailures, lockedUntil, takeAttempt, type LockPolicy } from '../throttle/throttle.ts';
import { failure, type Failure } from '../result.ts';
import { ACCOUNTS_ERRORS } from './errors.ts';
import { sentenceOf } from '../result.ts';

// (ours) "in a row": a success clears the count, so the window only needs to be long.
export const QUESTION_LOCK: LockPolicy = { maxFailures: 3, windowMs: DAY, lockMs: 15 * MINUTE };

export type QuestionPair = [number, number]; // positions 1..3

/** Two different positions out of three, from a CSPRNG. */
export function randomQuestionPair(): QuestionPair {
  const skipped = randomInt(1, 4);
  return [1, 2, 3].filter((p) => p !== skipped) as QuestionPair;
}

export function encodePair(pair: QuestionPair): string {
  return pair.join(',');
}

export function decodePair(stored: string | null | undefined): QuestionPair | null {
  const m = /^([123]),([123])$/.exec(stored ?? '');
  return m && m[1] !== m[2] ? [Number(m[1]), Number(m[2])] : null;
}

/** The answer to an asked question; its messages say which, as the page shows two (the error summary lists both). */
function askedAnswerField(which: 'first' | 'second') {
  return z
    .string(`Enter your answer to the ${which} question.`)
    .trim()
    .min(1, `Enter your answer to the ${which} question.`)
    .max(100, `Keep the answer to the ${which} question under 100 characters.`);
}

export const answersSchema = z.object({
  answer1: askedAnswerField('first'),
  answer2: askedAnswerField('second'),
});

export interface AskedQuestion {
  position: number;
  /** The question of the fixed list (a page says it in its language by this id); null when the stored one is unknown. */
  id: string | null;
  text: string;
}

/** The texts of the two questions of the pair, in order. */
export async function askedQuestions(db: Db, accountId: string, pair: QuestionPair): Promise<AskedQuestion[]> {
  const rows = await db.securityQuestion.findMany({ where: { accountId, position: { in: pair } } });
  return pair.map((position) => {
    const row = rows.find((r) => r.position === position);
    const text = row && securityQuestionText(row.questionId);
    return { position, id: text ? row.questionId : null, text: text ?? 'Security question' };
  });
}

/** How many questions the account has set: three from sign-up; none once two-step is on (turning it on deletes them). */
export async function securityQuestionCount(db: Db, accountId: string): Promise<number> {
  // Raw: read on every view of Password and Security (src/db/raw.ts).
  const rows = await db.$queryRaw<{ n: unknown }[]>`SELECT COUNT(*) AS "n" FROM "SecurityQuestion" WHERE "accountId" = ${accountId}`;
  return rawCount(rows[0]?.n);
}

const lockKey = (accountId: string) => `security-questions:${accountId}`;

/** The lock's sentence (QUESTIONS_LOCKED) while the questions are locked, else null. */
export async function questionsLock(db: Db, accountId: string, now: Date): Promise<string | null> {
  const until = await lockedUntil(db, lockKey(accountId), QUESTION_LOCK, now);
  return until ? sentenceOf(ACCOUNTS_ERRORS, 'QUESTIONS_LOCKED', until, now) : null;
}

/**
 * `wrong`: the answers were compared and were wrong. A refusal before any comparison (the questions
 * locked, or too many answers in flight at once) is not a wrong answer.
 */
type AnswerCheck = { ok: true } | (Failure<'QUESTIONS_LOCKED' | 'WRONG_ANSWERS'> & { locked: boolean; wrong: boolean });

const lockedOut = (until: Date, now: Date, wrong: boolean): AnswerCheck => ({
  ...failure(ACCOUNTS_ERRORS, 'QUESTIONS_LOCKED', until, now),
  locked: true,
  wrong,
});

/**
 * Checks both answers (each against its bcrypt hash, both always computed). Counts a wrong pair
 * toward the account's lock and clears the count on success.
 */
export async function checkAnswers(
  db: Db,
  accountId: string,
  pair: QuestionPair,
  answers: [string, string],
  now: Date,
): Promise<AnswerCheck> {
  const refusedUntil = await takeAttempt(db, lockKey(accountId), QUESTION_LOCK, now);
  if (refusedUntil) return lockedOut(refusedUntil, now, false);
  const rows = await db.securityQuestion.findMany({ where: { accountId, position: { in: pair } } });
  const results = await Promise.all(
    pair.map((position, i) => {
      const row = rows.find((r) => r.position === position);
      return row ? verifySecret(normaliseAnswer(answers[i]), row.answerHash) : Promise.resolve(false);
    }),
  );
  if (results.every(Boolean)) {
    await clearFailures(db, lockKey(accountId));
    return { ok: true };
  }
  const lock = await attemptFailed(db, lockKey(accountId), QUESTION_LOCK, now);
  if (lock) return lockedOut(lock, now, true);
  return { ...failure(ACCOUNTS_ERRORS, 'WRONG_ANSWERS'), locked: false, wrong: true };
}
