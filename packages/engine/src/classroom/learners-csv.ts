import { invalidInput } from '../core/errors.ts';
import type { LearnerInput } from './classroom-service.ts';

// A classroom's list of learners as teachers keep it: a CSV (or a spreadsheet's export) of names
// with an e-mail or a login, a header row in English or Korean naming the columns in any order,
// or no header at all.

/** RFC 4180 fields: commas (or semicolons), quotes ("" inside quotes), CRLF or LF; a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',' || c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw invalidInput('The CSV has a quote that is never closed', 'csv').coded('classroom.csvQuoteUnclosed');
  row.push(field);
  rows.push(row);
  return rows.map((cells) => cells.map((cell) => cell.trim())).filter((cells) => cells.some((cell) => cell !== ''));
}

const HEADERS: Record<string, keyof LearnerInput> = { name: 'name', 이름: 'name', email: 'email', 'e-mail': 'email', 이메일: 'email', login: 'login', username: 'login', 로그인: 'login', 아이디: 'login' };

/** Learners from CSV rows: by the header's names when the first row is a header, else name, then e-mail or login. */
export function learnersFromCsv(text: string): LearnerInput[] {
  const rows = parseCsv(text);
  const header = rows[0]?.map((cell) => HEADERS[cell.toLowerCase()]);
  const columns = header?.some((column) => column !== undefined) ? header : undefined;
  const body = columns ? rows.slice(1) : rows;
  if (body.length === 0) throw invalidInput('The CSV has no learners', 'csv').coded('classroom.csvEmpty');
  return body.map((cells) => {
    if (columns) {
      const learner: LearnerInput = { name: '' };
      columns.forEach((column, index) => {
        if (column && cells[index]) learner[column] = cells[index];
      });
      return learner;
    }
    const [name = '', second = ''] = cells;
    return second.includes('@') ? { name, email: second } : second ? { name, login: second } : { name };
  });
}
