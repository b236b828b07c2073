// Ids of rows inserted by raw SQL (src/db/row-id.ts): cuid-shaped, unique, and in the order they
// were made (lists break ties on the same createdAt by id).
import { describe, expect, it } from 'vitest';
import { newRowId } from '../../src/db/row-id.ts';

describe('row ids made for raw inserts', () => {
  it('are unique and sort in the order they were made, many in one millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => newRowId());
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
  });
  it('have the shape of a cuid: 25 lower-case letters and digits, starting with c', () => {
    expect(newRowId()).toMatch(/^c[0-9a-z]{24}$/);
  });
});
