import { describe, expect, it } from 'vitest';
import { SECURITY_QUESTIONS, isSecurityQuestionId, normaliseAnswer, securityQuestionText } from '../../src/accounts/security-questions.ts';

describe('SECURITY_QUESTIONS', () => {
  it('offers about a dozen distinct questions with stable, slug-like ids', () => {
    expect(SECURITY_QUESTIONS.length).toBeGreaterThanOrEqual(10);
    expect(SECURITY_QUESTIONS.length).toBeLessThanOrEqual(15);
    expect(new Set(SECURITY_QUESTIONS.map((q) => q.id)).size).toBe(SECURITY_QUESTIONS.length);
    expect(new Set(SECURITY_QUESTIONS.map((q) => q.text)).size).toBe(SECURITY_QUESTIONS.length);
    for (const q of SECURITY_QUESTIONS) {
      expect(q.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(q.text).toMatch(/^[A-Z].*\?$/);
    }
  });

  it('keeps the ids that accounts already store', () => {
    expect(securityQuestionText('first-pet')).toBe('What was the name of your first pet?');
    expect(securityQuestionText('parents-met-city')).toBe('In what city did your parents meet?');
    expect(isSecurityQuestionId('favourite-colour')).toBe(true);
    expect(isSecurityQuestionId('no-such-question')).toBe(false);
    expect(securityQuestionText('no-such-question')).toBeUndefined();
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(SECURITY_QUESTIONS)).toBe(true);
    expect(Object.isFrozen(SECURITY_QUESTIONS[0])).toBe(true);
  });
});

describe('normaliseAnswer', () => {
  it('ignores case', () => {
    expect(normaliseAnswer('Rex')).toBe('rex');
    expect(normaliseAnswer('PARIS')).toBe(normaliseAnswer('paris'));
    expect(normaliseAnswer('ÉMILE')).toBe('émile');
  });

  it('ignores surrounding and repeated whitespace', () => {
    expect(normaliseAnswer('  rex  ')).toBe('rex');
    expect(normaliseAnswer('Rex   the\tDog')).toBe('rex the dog');
    expect(normaliseAnswer('\n  New\r\n York \u3000')).toBe('new york');
    expect(normaliseAnswer('rex\u00a0\u00a0the dog')).toBe('rex the dog'); // no-break spaces
  });

  it('keeps what tells answers apart: inner spaces, punctuation, accents', () => {
    expect(normaliseAnswer('new york')).not.toBe(normaliseAnswer('newyork'));
    expect(normaliseAnswer("O'Brien")).toBe("o'brien");
    expect(normaliseAnswer('José')).not.toBe(normaliseAnswer('jose'));
  });

  it('applies NFKC: composed and decomposed, full-width and ligatures are the same answer', () => {
    expect(normaliseAnswer('Jose\u0301')).toBe(normaliseAnswer('José'));
    expect(normaliseAnswer('ＲＥＸ')).toBe('rex');
    expect(normaliseAnswer('\ufb01do')).toBe('fido');
  });

  it('lower-cases the same way whatever the locale (Turkish dotted I)', () => {
    // Turkish rules would give "ıstanbul" and "istanbul"; the default Unicode mapping, used here,
    // gives the same result on every server.
    expect(normaliseAnswer('ISTANBUL')).toBe('istanbul');
    expect(normaliseAnswer('\u0130stanbul')).toBe('i\u0307stanbul');
  });

  it('is idempotent', () => {
    for (const a of ['  Rex\u00a0 the  DOG ', 'ＲＥＸ', 'Jose\u0301', '']) {
      expect(normaliseAnswer(normaliseAnswer(a))).toBe(normaliseAnswer(a));
    }
  });
});
