// An account's form fields and rules, shared by account creation, the Password and Security
// changes, turning two-step off and password resets, so each rule is written once. The plumbing
// (parseForm, rawFields, the refusals next to fields) is src/forms/forms.ts.
import { z } from 'zod';
import { appleIdKey, emailField } from './apple-id.ts';
import { checkNewPassword } from './password-policy.ts';
import { SECURITY_QUESTIONS, normaliseAnswer } from './security-questions.ts';
import { displayText } from './display-text.ts';
import type { FieldErrors } from '../forms/forms.ts';

export { displayText, DISPLAY_TEXT_MESSAGE } from './display-text.ts';

/** An email field that may be left empty (the rescue email). */
export const optionalEmailField = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), emailField.optional());

/** The holder's name: shown on pages, in every email and to support (src/accounts/display-text.ts). */
export const accountNameField = displayText(100, { empty: 'Enter your name.', tooLong: 'Keep your name under 100 characters.' });

export { MIN_AGE_YEARS, isOldEnough } from './age.ts';

export const birthDateField = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter your birth date.')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= '1900-01-01';
  }, 'Enter a real date, such as 1990-04-30.');

const questionIds = SECURITY_QUESTIONS.map((q) => q.id) as [string, ...string[]];
const answerField = z
  .string()
  .max(100, 'Keep the answer under 100 characters.')
  .refine((a) => normaliseAnswer(a).length >= 2, 'Enter an answer of at least 2 characters.');

/** Three questions with their answers, as the forms name them. */
export const questionsFields = {
  question1: z.enum(questionIds, 'Choose a question.'),
  answer1: answerField,
  question2: z.enum(questionIds, 'Choose a question.'),
  answer2: answerField,
  question3: z.enum(questionIds, 'Choose a question.'),
  answer3: answerField,
};

/** New password and its confirmation (NIST SP 800-63B rules in password-policy.ts). */
export function newPasswordErrors(field: (name: string) => string, appleId: string): FieldErrors {
  const errors: FieldErrors = {};
  const problem = checkNewPassword(field('password'), appleId);
  if (problem) errors.password = problem;
  if (field('confirmPassword') !== field('password')) errors.confirmPassword = "The passwords don't match.";
  return errors;
}

/** Three different questions, three different answers. */
export function questionsErrors(field: (name: string) => string): FieldErrors {
  const errors: FieldErrors = {};
  const questions = [field('question1'), field('question2'), field('question3')];
  if (questions.every(Boolean) && new Set(questions).size < 3) errors.question3 = 'Choose three different questions.';
  const answers = [field('answer1'), field('answer2'), field('answer3')].map(normaliseAnswer);
  if (answers.every(Boolean) && new Set(answers).size < 3) errors.answer3 = 'Give a different answer to each question.';
  return errors;
}

export function rescueEmailErrors(rescueEmail: string, appleId: string): FieldErrors {
  return rescueEmail.trim() && appleIdKey(rescueEmail) === appleIdKey(appleId)
    ? { rescueEmail: 'Your rescue email must be different from your Apple ID.' }
    : {};
}

/** The three question rows to store for a parsed form. */
export function questionRows(v: Record<'question1' | 'question2' | 'question3', string>, answerHashes: string[]) {
  return [v.question1, v.question2, v.question3].map((questionId, i) => ({ position: i + 1, questionId, answerHash: answerHashes[i] }));
}
