// An account's form fields and rules, shared by account creation, the Password and Security
// changes, turning two-step off and password resets, so each rule is written once. The plumbing
// (parseForm, rawFields, the refusals next to fields) is src/forms/forms.ts.
import { z } from 'zod';
import { appleIdKey, emailField } from './apple-id.ts';
import { checkNewPassword } from './password-policy.ts';
import { SECURITY_QUESTIONS, normaliseAnswer } from './security-questions.ts';
import { displayText } from './display-text.ts';
import { rawFields, type FieldErrors } from '../forms/forms.ts';
import { fieldMessage } from '../forms/field-messages.ts';

const BIRTH_DATE_EXAMPLE = fieldMessage('birthDate.invalid');

export { displayText, DISPLAY_TEXT_MESSAGE } from './display-text.ts';

/** An email field that may be left empty (the rescue email). */
export const optionalEmailField = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), emailField.optional());

/** The holder's name: shown on pages, in every email and to support (src/accounts/display-text.ts). */
const MAX_NAME_LENGTH = 100;

export const accountNameField = displayText(MAX_NAME_LENGTH, {
  empty: fieldMessage('name.empty'),
  tooLong: fieldMessage('name.tooLong', { max: MAX_NAME_LENGTH }),
});

export { MIN_AGE_YEARS, isOldEnough } from './age.ts';

/**
 * The birth date as one ISO date (YYYY-MM-DD). The forms ask for it in three fields, month, day and
 * year (GOV.UK's memorable date: a picker is slow for a date decades back); withBirthDate puts them
 * together before this checks the date.
 */
export const birthDateField = z
  .string(fieldMessage('birthDate.empty'))
  .trim()
  .min(1, fieldMessage('birthDate.empty'))
  .refine((s) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= '1900-01-01';
  }, BIRTH_DATE_EXAMPLE);

/** The birth date's three fields, in the order the forms show them (the US order). */
export const BIRTH_DATE_PARTS = ['birthMonth', 'birthDay', 'birthYear'] as const;

/**
 * `input` with `birthDate` made of the three fields (`birthMonth`, `birthDay`, `birthYear`) when
 * the form sent them; as it is otherwise (a caller that already has the ISO date). Parts that are
 * not numbers, or a year not written in full, make a date birthDateField refuses as not real.
 */
export function withBirthDate(input: unknown): unknown {
  const field = rawFields(input);
  const [month, day, year] = BIRTH_DATE_PARTS.map((name) => field(name).trim());
  if (!month && !day && !year) return input;
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const allNumbers = /^\d{1,2}$/.test(month) && /^\d{1,2}$/.test(day) && /^\d{4}$/.test(year);
  const birthDate = allNumbers ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : `${year}-${month}-${day}`;
  return { ...raw, birthDate };
}

const questionIds = SECURITY_QUESTIONS.map((q) => q.id) as [string, ...string[]];

/** The question's field, its messages naming it ("Question 2: choose a question."): the error summary lists the three together. */
function questionField(n: number) {
  return z.enum(questionIds, fieldMessage('question.choose', { n }));
}

const MIN_ANSWER_LENGTH = 2;
const MAX_ANSWER_LENGTH = 100;

function answerField(n: number) {
  return z
    .string(fieldMessage('answer.tooShort', { n, min: MIN_ANSWER_LENGTH }))
    .max(MAX_ANSWER_LENGTH, fieldMessage('answer.tooLong', { n, max: MAX_ANSWER_LENGTH }))
    .refine((a) => normaliseAnswer(a).length >= MIN_ANSWER_LENGTH, fieldMessage('answer.tooShort', { n, min: MIN_ANSWER_LENGTH }));
}

/** Three questions with their answers, as the forms name them, in the order the forms show them. */
export const questionsFields = {
  question1: questionField(1),
  answer1: answerField(1),
  question2: questionField(2),
  answer2: answerField(2),
  question3: questionField(3),
  answer3: answerField(3),
};

/** New password and its confirmation (NIST SP 800-63B rules in password-policy.ts). */
export function newPasswordErrors(field: (name: string) => string, appleId: string): FieldErrors {
  const errors: FieldErrors = {};
  const problem = checkNewPassword(field('password'), appleId);
  if (problem) errors.password = problem;
  if (field('confirmPassword') !== field('password')) errors.confirmPassword = fieldMessage('password.mismatch');
  return errors;
}

/** The first of `values` (1-based) that repeats an earlier one, with the earlier one; null when all differ or one is empty. */
function firstRepeat(values: string[]): { n: number; earlier: number } | null {
  if (!values.every(Boolean)) return null;
  for (let i = 1; i < values.length; i++) {
    const earlier = values.indexOf(values[i]!);
    if (earlier < i) return { n: i + 1, earlier: earlier + 1 };
  }
  return null;
}

/** Three different questions, three different answers: the message sits at the one that repeats an earlier one, and names both. */
export function questionsErrors(field: (name: string) => string): FieldErrors {
  const errors: FieldErrors = {};
  const question = firstRepeat([field('question1'), field('question2'), field('question3')]);
  if (question) errors[`question${question.n}`] = fieldMessage('question.repeated', { n: question.n, earlier: question.earlier });
  const answer = firstRepeat([field('answer1'), field('answer2'), field('answer3')].map(normaliseAnswer));
  if (answer) errors[`answer${answer.n}`] = fieldMessage('answer.repeated', { n: answer.n, earlier: answer.earlier });
  return errors;
}

export function rescueEmailErrors(rescueEmail: string, appleId: string): FieldErrors {
  return rescueEmail.trim() && appleIdKey(rescueEmail) === appleIdKey(appleId)
    ? { rescueEmail: fieldMessage('rescueEmail.sameAsAppleId') }
    : {};
}

/** The three question rows to store for a parsed form. */
export function questionRows(v: Record<'question1' | 'question2' | 'question3', string>, answerHashes: string[]) {
  return [v.question1, v.question2, v.question3].map((questionId, i) => ({ position: i + 1, questionId, answerHash: answerHashes[i] }));
}
