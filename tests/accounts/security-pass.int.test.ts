// The Password and Security pass (two-step off): two of the three security questions, a pair fixed
// per session, three wrong answers in a row lock for 15 minutes, and the pass lasts 15 minutes idle.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { accountInput, BROWSER, testDeps, freshAccount } from '../harness/accounts.ts';
import {
  answerSecurityQuestions,
  securityPassState,
  SECURITY_PASS_IDLE_MS,
  SECURITY_PASS_TOUCH_MS,
} from '../../src/accounts/security-pass.ts';
import { SECURITY_QUESTIONS } from '../../src/accounts/security-questions.ts';
import { MINUTE } from '../../src/clock.ts';

// accountInput() answers the first three questions of the list 'Blue', 'Paris', 'Rex'.
const ANSWERS: Record<string, string> = {
  [SECURITY_QUESTIONS[0].text]: '  BLUE ',
  [SECURITY_QUESTIONS[1].text]: 'paris',
  [SECURITY_QUESTIONS[2].text]: 'Rex',
};

describe('the security questions pass', () => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  let sessionId: string;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    ({ deps, sessionId } = await freshAccount(t.db));
  });

  async function asked() {
    const state = await securityPassState(deps, sessionId);
    if (state.passed || 'signedOut' in state) throw new Error('expected questions');
    return state;
  }
  const rightAnswers = (texts: string[]) => ({ answer1: ANSWERS[texts[0]], answer2: ANSWERS[texts[1]] });

  it('asks two different questions of the three, the same two until answered', async () => {
    const first = await asked();
    expect(first.questions).toHaveLength(2);
    expect(new Set(first.questions.map((q) => q.position)).size).toBe(2);
    for (let i = 0; i < 5; i++) expect((await asked()).questions).toEqual(first.questions);
  });

  it('right answers (any case and spacing) open the page for the session, until 15 minutes idle', async () => {
    const texts = (await asked()).questions.map((q) => q.text);
    expect(await answerSecurityQuestions(deps, sessionId, rightAnswers(texts), BROWSER)).toEqual({ ok: true });
    deps.clock.advance(SECURITY_PASS_IDLE_MS - MINUTE);
    expect(await securityPassState(deps, sessionId)).toEqual({ passed: true });
    deps.clock.advance(SECURITY_PASS_IDLE_MS - MINUTE); // still within 15 minutes of the last use
    expect(await securityPassState(deps, sessionId)).toEqual({ passed: true });
    deps.clock.advance(SECURITY_PASS_IDLE_MS);
    expect((await securityPassState(deps, sessionId)).passed).toBe(false);
    expect(await t.db.securityEvent.count({ where: { kind: 'security-questions-passed' } })).toBe(1);
  });

  it('writes when the pass was last used at most once a minute, and still ends it 15 minutes after that write', async () => {
    const texts = (await asked()).questions.map((q) => q.text);
    expect(await answerSecurityQuestions(deps, sessionId, rightAnswers(texts), BROWSER)).toEqual({ ok: true });
    const seen = async () => (await t.db.session.findUniqueOrThrow({ where: { id: sessionId } })).securityPassSeenAt?.getTime();
    const answeredAt = await seen();
    deps.clock.advance(SECURITY_PASS_TOUCH_MS - 1);
    expect(await securityPassState(deps, sessionId)).toEqual({ passed: true });
    expect(await seen()).toBe(answeredAt); // no write
    deps.clock.advance(SECURITY_PASS_IDLE_MS - SECURITY_PASS_TOUCH_MS + 1);
    expect((await securityPassState(deps, sessionId)).passed).toBe(false);
  });

  it('three wrong answers in a row lock the questions for 15 minutes, even the right answers', async () => {
    const texts = (await asked()).questions.map((q) => q.text);
    for (let i = 0; i < 2; i++) {
      expect(await answerSecurityQuestions(deps, sessionId, { answer1: 'no', answer2: 'nope' }, BROWSER)).toMatchObject({
        ok: false,
        code: 'WRONG_ANSWERS',
      });
    }
    expect(await answerSecurityQuestions(deps, sessionId, { answer1: 'no', answer2: 'nope' }, BROWSER)).toEqual({
      ok: false,
      code: 'QUESTIONS_LOCKED',
      error: 'Too many wrong answers. For your security, try again in 15 minutes.',
    });
    expect((await asked()).locked).toMatch(/try again in 15 minutes/);
    deps.clock.advance(10 * MINUTE);
    expect(await answerSecurityQuestions(deps, sessionId, rightAnswers(texts), BROWSER)).toMatchObject({
      ok: false,
      code: 'QUESTIONS_LOCKED',
      error: expect.stringMatching(/try again in 5 minutes/),
    });
    deps.clock.advance(5 * MINUTE);
    expect(await answerSecurityQuestions(deps, sessionId, rightAnswers(texts), BROWSER)).toEqual({ ok: true });
    expect(await t.db.securityEvent.count({ where: { kind: 'security-questions-failed' } })).toBe(4);
  });

  it('one right answer out of two is not enough', async () => {
    const texts = (await asked()).questions.map((q) => q.text);
    expect(await answerSecurityQuestions(deps, sessionId, { answer1: ANSWERS[texts[0]], answer2: 'wrong' }, BROWSER)).toMatchObject({
      ok: false,
      code: 'WRONG_ANSWERS',
    });
    expect((await securityPassState(deps, sessionId)).passed).toBe(false);
  });

  it('empty answers get a message next to each field', async () => {
    await asked();
    expect(await answerSecurityQuestions(deps, sessionId, { answer1: ' ', answer2: '' }, BROWSER)).toMatchObject({
      ok: false,
      code: 'INVALID_FIELDS',
      fieldErrors: { answer1: 'Enter your answer to the first question.', answer2: 'Enter your answer to the second question.' },
    });
  });

  it('with two-step on, no questions are asked', async () => {
    await t.db.account.updateMany({ data: { twoStepEnabledAt: deps.clock.now() } });
    expect(await securityPassState(deps, sessionId)).toEqual({ passed: true });
  });
});
