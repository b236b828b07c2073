// The code step (app/components/code-step.tsx) never dead-ends: a send refused with a wait keeps
// the code field (and says the wait, counted down from the server's wait), and only the newest
// answer's messages show.
import { describe, expect, it } from 'vitest';
import { afterAnswers, NO_ANSWERS, type Answers } from '../../app/components/code-step.tsx';
import { msLeft, sentenceNow } from '../../app/components/send-wait.tsx';
import { waitIn } from '../../src/i18n/durations.ts';
import type { FormState } from '../../app/lib/form-state.ts';

const EMPTY: FormState = {};
const start: Answers = { sent: EMPTY, checked: EMPTY, last: null };
const codeSent = (id: string): FormState => ({ done: true, notice: 'We sent a code. Enter it below.', values: { trustedDeviceId: id } });
const waitFor = (id: string, waitMs: number): FormState => ({
  error: 'Wait 26 seconds before asking for another code.',
  values: { trustedDeviceId: id },
  waitMs,
});

describe('which answer the code step shows, and the device its code field is for', () => {
  it('has no code field before a code was asked for', () => {
    expect(afterAnswers(start, EMPTY, EMPTY)).toBe(start);
    expect(start.codeFor).toBeUndefined();
  });

  it('keeps the code field for the device when a new code is refused with a wait', () => {
    const sent = afterAnswers(start, codeSent('phone'), EMPTY);
    expect(sent).toMatchObject({ last: 'sent', codeFor: 'phone' });
    const waiting = afterAnswers(sent, waitFor('phone', 26_000), EMPTY);
    expect(waiting).toMatchObject({ last: 'sent', codeFor: 'phone' });
  });

  it('shows the code field after a wait for a device a code went to moments ago (a page loaded again)', () => {
    expect(afterAnswers(start, waitFor('phone', 12_000), EMPTY)).toMatchObject({ last: 'sent', codeFor: 'phone' });
  });

  it('keeps the field as it was when a send is refused for another reason', () => {
    const sent = afterAnswers(start, codeSent('phone'), EMPTY);
    const failed: FormState = { error: "We couldn't send a code right now. Try again later.", values: { trustedDeviceId: 'other' } };
    expect(afterAnswers(sent, failed, EMPTY)).toMatchObject({ last: 'sent', codeFor: 'phone' });
    expect(afterAnswers(start, failed, EMPTY).codeFor).toBeUndefined();
  });

  it('brings the code field with the answer a page was first rendered with (scripts off: the form posted)', () => {
    expect(afterAnswers(NO_ANSWERS, NO_ANSWERS.sent, NO_ANSWERS.checked)).toBe(NO_ANSWERS);
    expect(afterAnswers(NO_ANSWERS, codeSent('phone'), NO_ANSWERS.checked)).toMatchObject({ last: 'sent', codeFor: 'phone' });
    const wrong: FormState = { error: 'Incorrect code.', values: { trustedDeviceId: 'phone' } };
    expect(afterAnswers(NO_ANSWERS, NO_ANSWERS.sent, wrong)).toMatchObject({ last: 'checked', codeFor: 'phone' });
  });

  it('takes the newest answer of either form as the one whose messages show', () => {
    const sent = afterAnswers(start, codeSent('phone'), EMPTY);
    const wrong: FormState = { error: 'Too many wrong tries for this code. Ask for a new one.', values: { trustedDeviceId: 'phone' } };
    const checked = afterAnswers(sent, sent.sent, wrong);
    expect(checked).toMatchObject({ last: 'checked', codeFor: 'phone' });
    const again = afterAnswers(checked, waitFor('phone', 29_000), wrong);
    expect(again).toMatchObject({ last: 'sent', codeFor: 'phone' });
    // The same answer again is no new answer (a render, not a reply).
    expect(afterAnswers(again, again.sent, again.checked)).toBe(again);
  });
});

describe('the countdown of the wait', () => {
  it('counts down from the server wait by the time since the answer came, to 0 and no further', () => {
    expect(msLeft(26_000, 0)).toBe(26_000);
    expect(msLeft(26_000, 1_000)).toBe(25_000);
    expect(msLeft(26_000, 26_000)).toBe(0);
    expect(msLeft(26_000, 90_000)).toBe(0);
    expect(msLeft(26_000, -3_000)).toBe(26_000);
  });

  it("says the server's sentence with the time left in place of the wait it was written with", () => {
    const sentence = 'Wait 26 seconds before asking for another code.';
    expect(sentenceNow('en-US', sentence, 25_400, 25_400)).toBe(sentence);
    expect(sentenceNow('en-US', sentence, 25_400, 24_400)).toBe('Wait 25 seconds before asking for another code.');
    expect(sentenceNow('en-US', sentence, 25_400, 400)).toBe('Wait 1 second before asking for another code.');
    const paused = 'Too many wrong codes were entered. For your security, try again in 2 minutes.';
    expect(sentenceNow('en-US', paused, 90_000, 50_000)).toBe(
      'Too many wrong codes were entered. For your security, try again in 50 seconds.',
    );
  });

  it('says the wait in the language of the page, as the server wrote it there', () => {
    expect(waitIn('fr', 25_000)).toMatch(/^25\s+secondes$/);
    expect(waitIn('fr', 1_000)).toMatch(/^1\s+seconde$/);
    expect(waitIn('fr', 90_000)).toMatch(/^2\s+minutes$/);
    expect(waitIn('ja', 25_000)).toMatch(/^25\s*秒$/);
    expect(waitIn('ja', 90_000)).toMatch(/^2\s*分$/);
    const french = `Attendez ${waitIn('fr', 26_000)} avant de demander un autre code.`;
    expect(sentenceNow('fr', french, 25_400, 24_400)).toMatch(/^Attendez 25\s+secondes avant de demander un autre code\.$/);
    expect(sentenceNow('fr', french, 25_400, 400)).toMatch(/^Attendez 1\s+seconde avant/);
    const japanese = `別のコードを要求するまで${waitIn('ja', 26_000)}お待ちください。`;
    expect(sentenceNow('ja', japanese, 25_400, 24_400)).toMatch(/^別のコードを要求するまで25\s*秒お待ちください。$/);
    // English words in a French sentence are no French wait: the sentence stays as it came.
    expect(sentenceNow('fr', 'Wait 26 seconds before asking for another code.', 25_400, 24_400)).toBe(
      'Wait 26 seconds before asking for another code.',
    );
  });
});
