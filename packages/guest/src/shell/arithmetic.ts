/**
 * $(( )) arithmetic: integers, + - * / % **, comparisons, parentheses,
 * unary +/-/!, and variable names (unset or non-numeric count as 0).
 */
export class ArithmeticError extends Error {}

export function evaluateArithmetic(expression: string, lookup: (name: string) => string | undefined): number {
  const tokens = expression.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||[-+*/%()<>!]|\S/g) ?? [];
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const take = (): string | undefined => tokens[pos++];

  const primary = (): number => {
    const token = take();
    if (token === undefined) throw new ArithmeticError('syntax error: operand expected');
    if (token === '(') {
      const value = or();
      if (take() !== ')') throw new ArithmeticError("syntax error: missing `)'");
      return value;
    }
    if (token === '-') return -primary();
    if (token === '+') return primary();
    if (token === '!') return primary() === 0 ? 1 : 0;
    if (/^\d+$/.test(token)) return Number(token);
    if (/^[A-Za-z_]/.test(token)) {
      const value = Number(lookup(token) ?? '0');
      return Number.isFinite(value) ? Math.trunc(value) : 0;
    }
    throw new ArithmeticError(`syntax error: operand expected (error token is "${token}")`);
  };
  const power = (): number => {
    const base = primary();
    if (peek() === '**') {
      take();
      return base ** power();
    }
    return base;
  };
  const term = (): number => {
    let value = power();
    for (let op = peek(); op === '*' || op === '/' || op === '%'; op = peek()) {
      take();
      const right = power();
      if ((op === '/' || op === '%') && right === 0) throw new ArithmeticError('division by 0');
      value = op === '*' ? value * right : op === '/' ? Math.trunc(value / right) : value % right;
    }
    return value;
  };
  const sum = (): number => {
    let value = term();
    for (let op = peek(); op === '+' || op === '-'; op = peek()) {
      take();
      value = op === '+' ? value + term() : value - term();
    }
    return value;
  };
  const compare = (): number => {
    let value = sum();
    for (let op = peek(); op && ['<', '>', '<=', '>=', '==', '!='].includes(op); op = peek()) {
      take();
      const right = sum();
      const result =
        op === '<' ? value < right : op === '>' ? value > right : op === '<=' ? value <= right
          : op === '>=' ? value >= right : op === '==' ? value === right : value !== right;
      value = result ? 1 : 0;
    }
    return value;
  };
  const and = (): number => {
    let value = compare();
    while (peek() === '&&') {
      take();
      const right = compare();
      value = value !== 0 && right !== 0 ? 1 : 0;
    }
    return value;
  };
  const or = (): number => {
    let value = and();
    while (peek() === '||') {
      take();
      const right = and();
      value = value !== 0 || right !== 0 ? 1 : 0;
    }
    return value;
  };

  if (tokens.length === 0) return 0;
  const result = or();
  if (pos < tokens.length) throw new ArithmeticError(`syntax error in expression (error token is "${tokens.slice(pos).join(' ')}")`);
  return result;
}
