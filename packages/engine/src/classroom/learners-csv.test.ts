import { describe, expect, it } from 'vitest';
import { learnersFromCsv, parseCsv } from './learners-csv.ts';

const CSV = 'name,email,login\r\n"Kim, Minji",minji@example.edu,\nLee Jun,,jun.lee\n박서연,seoyeon@example.edu,\n';

describe('classroom CSV', () => {
  it('reads quoted fields, a header in any order, and rows without one', () => {
    expect(parseCsv('a,"b ""c"", d"\r\n\r\ne,f')).toEqual([['a', 'b "c", d'], ['e', 'f']]);
    expect(learnersFromCsv(CSV)).toEqual([
      { name: 'Kim, Minji', email: 'minji@example.edu' },
      { name: 'Lee Jun', login: 'jun.lee' },
      { name: '박서연', email: 'seoyeon@example.edu' },
    ]);
    expect(learnersFromCsv('Ann,ann@x.org\nBob,bob')).toEqual([{ name: 'Ann', email: 'ann@x.org' }, { name: 'Bob', login: 'bob' }]);
  });

  it('refuses an unclosed quote and a list without learners, on the csv field', () => {
    expect(() => parseCsv('a,"b')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'csv', messageCode: 'classroom.csvQuoteUnclosed' }));
    expect(() => learnersFromCsv('name,email\n')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'csv', messageCode: 'classroom.csvEmpty' }));
  });
});
