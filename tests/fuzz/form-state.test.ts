// A server action's arguments are whatever the request carried: formFields and formValues take
// anything, and anything that is not a FormData is a form with no fields.
import { describe, expect, it } from 'vitest';
import { formField, formFields, formValues } from '../../app/lib/form-state.ts';

describe('formFields / formValues / formField take any argument', () => {
  const notForms: unknown[] = [
    undefined,
    null,
    '',
    'name=Jane',
    42,
    true,
    {},
    [],
    ['a', 'b'],
    { name: 'Jane', entries: 1 },
    new Map([[1, 2]]),
    new Set(['x']),
    () => 1,
    Promise.resolve(1),
  ];

  it.each(notForms.map((v) => [Object.prototype.toString.call(v), v]))('%s is a form with no fields', (_, v) => {
    expect(formFields(v)).toEqual({});
    expect(formValues(v)).toEqual({});
    expect(formField(v, 'name')).toBe('');
  });

  it('reads the text fields of a FormData; files, $-names (React internals) and secrets in values are left out', () => {
    const fd = new FormData();
    fd.set('name', 'Jane');
    fd.set('password', 'secret');
    fd.set('$ACTION_ID_abc', '');
    fd.set('photo', new Blob(['x']), 'x.png');
    fd.set('a\u0000b', 'nul in the name');
    expect(formFields(fd)).toEqual({ name: 'Jane', password: 'secret', 'a\u0000b': 'nul in the name' });
    expect(formValues(fd)).toEqual({ name: 'Jane', 'a\u0000b': 'nul in the name' });
    expect(formField(fd, 'photo')).toBe('');
    expect(formField(fd, 'name')).toBe('Jane');
  });

  it('security answers, the Recovery Key and the country come back; passwords, codes and PINs do not', () => {
    const fd = new FormData();
    for (const [k, v] of Object.entries({
      question1: 'pet',
      answer1: 'rex',
      recoveryKey: 'ABCD-EFGH-JKLM',
      countryCode: 'US',
      birthDate: '1990-01-01',
      currentPassword: 'x',
      confirmPassword: 'y',
      code: '1234',
      pin: '123456',
    }))
      fd.set(k, v);
    expect(formValues(fd)).toEqual({
      question1: 'pet',
      answer1: 'rex',
      recoveryKey: 'ABCD-EFGH-JKLM',
      countryCode: 'US',
      birthDate: '1990-01-01',
    });
  });

  it('a field named __proto__ is an ordinary field', () => {
    const fd = new FormData();
    fd.set('__proto__', 'x');
    const fields = formFields(fd);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.keys(fields)).toEqual(['__proto__']);
  });
});
