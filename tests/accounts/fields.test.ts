// The account forms' shared fields (src/accounts/fields.ts): the birth date asked in three fields,
// and the security questions' messages, which name the question they are about.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { birthDateField, questionsErrors, questionsFields, withBirthDate } from '../../src/accounts/fields.ts';
import { fieldErrorsOf, rawFields } from '../../src/forms/forms.ts';

describe('withBirthDate', () => {
  it('makes one ISO date of the month, day and year fields', () => {
    expect(withBirthDate({ name: 'Jane', birthMonth: '4', birthDay: '30', birthYear: '1990' })).toEqual({
      name: 'Jane',
      birthMonth: '4',
      birthDay: '30',
      birthYear: '1990',
      birthDate: '1990-04-30',
    });
    expect(withBirthDate({ birthMonth: ' 12 ', birthDay: '01', birthYear: '1975 ' })).toMatchObject({ birthDate: '1975-12-01' });
  });

  it('leaves a form without the three fields as it is', () => {
    const input = { birthDate: '1990-04-30' };
    expect(withBirthDate(input)).toBe(input);
  });

  it('makes a date the field refuses as not real from parts that are not a date', () => {
    for (const [birthMonth, birthDay, birthYear] of [
      ['2', '30', '1990'],
      ['13', '1', '1990'],
      ['0', '1', '1990'],
      ['4', '30', '90'],
      ['4', '', '1990'],
      ['4', '30', ''],
      ['four', '30', '1990'],
      ['4', '30', '1899'],
    ]) {
      const { birthDate } = withBirthDate({ birthMonth, birthDay, birthYear }) as { birthDate: string };
      const parsed = birthDateField.safeParse(birthDate);
      expect(parsed.success, `${birthMonth}/${birthDay}/${birthYear}`).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('Enter a real date, such as 4 30 1990 (month, day, year).');
    }
  });

  it('asks for the birth date when none was given', () => {
    const schema = z.object({ birthDate: birthDateField });
    expect(fieldErrorsOf(schema.safeParse(withBirthDate({ birthMonth: '', birthDay: '', birthYear: '' })).error!)).toEqual({
      birthDate: 'Enter your birth date.',
    });
    expect(fieldErrorsOf(schema.safeParse({ birthDate: '' }).error!)).toEqual({ birthDate: 'Enter your birth date.' });
  });
});

describe('the security questions', () => {
  it("name the question in each field's message, as the error summary lists them together", () => {
    const schema = z.object(questionsFields);
    expect(fieldErrorsOf(schema.safeParse({ answer1: 'ok', answer3: 'x'.repeat(101) }).error!)).toEqual({
      question1: 'Question 1: choose a question.',
      question2: 'Question 2: choose a question.',
      answer2: 'Question 2: enter an answer of at least 2 characters.',
      question3: 'Question 3: choose a question.',
      answer3: 'Question 3: keep the answer under 100 characters.',
    });
  });

  it('put a repeated question or answer at the later one, naming the earlier', () => {
    const form = { question1: 'a', question2: 'b', question3: 'b', answer1: 'Blue', answer2: 'red', answer3: ' blue ' };
    expect(questionsErrors(rawFields(form))).toEqual({
      question3: 'Question 3: choose a question different from question 2.',
      answer3: 'Question 3: give an answer different from the answer to question 1.',
    });
    expect(questionsErrors(rawFields({ ...form, question3: 'c', answer3: 'green' }))).toEqual({});
  });
});
