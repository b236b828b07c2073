// Security questions: the fixed list an account holder picks three from while two-step is off,
// in the style of Apple's, and how answers are normalised before they are hashed and compared.
// The ids are stored with each account's questions: never change or reuse one, only add.

export interface SecurityQuestion {
  id: string;
  text: string;
}

export const SECURITY_QUESTIONS: ReadonlyArray<Readonly<SecurityQuestion>> = Object.freeze(
  [
    { id: 'first-pet', text: 'What was the name of your first pet?' },
    { id: 'parents-met-city', text: 'In what city did your parents meet?' },
    { id: 'best-friend-high-school', text: 'What is the first name of your best friend in high school?' },
    { id: 'first-car-model', text: 'What was the model of your first car?' },
    { id: 'childhood-nickname', text: 'What was your childhood nickname?' },
    { id: 'favourite-teacher', text: 'Who was your favourite teacher?' },
    { id: 'favourite-colour', text: 'What is your favourite colour?' },
    { id: 'childhood-street', text: 'What is the name of the street where you grew up?' },
    { id: 'first-boss', text: 'What was the first name of your first boss?' },
    { id: 'first-album', text: 'What was the first album that you bought?' },
    { id: 'first-flight', text: 'Where did you go the first time you flew on a plane?' },
    { id: 'dream-job', text: 'What is your dream job?' },
  ].map((q) => Object.freeze(q)),
);

const byId = new Map(SECURITY_QUESTIONS.map((q) => [q.id, q]));

export function isSecurityQuestionId(id: string): boolean {
  return byId.has(id);
}

/** The text of a question, or undefined for an unknown id. */
export function securityQuestionText(id: string): string | undefined {
  return byId.get(id)?.text;
}

/**
 * The form of an answer that is hashed and compared (docs/rules.md#account: case, surrounding and
 * repeated spaces do not matter): NFKC-normalised (so full-width letters, ligatures and no-break
 * spaces become their plain forms), lower-cased without regard to locale, trimmed, and with every
 * run of whitespace reduced to one space. "  Rex\u00a0 the  DOG " and "rex the dog" are the same
 * answer. Changing this function would make every stored answer hash unmatchable.
 */
export function normaliseAnswer(answer: string): string {
  return answer.normalize('NFKC').toLowerCase().trim().replace(/\s+/gu, ' ');
}
