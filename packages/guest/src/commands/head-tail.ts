import { parseArgs, usageFailure, UsageError } from './support/args.ts';
import { readInputs, splitLines } from './support/inputs.ts';
import { quoteName } from './support/quote.ts';
import type { CommandContext, CommandDefinition } from './types.ts';

type Selector = (lines: string[]) => string[];

async function headOrTail(ctx: CommandContext, name: 'head' | 'tail'): Promise<number> {
  let args;
  try {
    args = parseArgs(ctx.argv.slice(1), {
      flags: 'qv',
      withValue: 'n',
      long: { lines: 'n', quiet: 'q', verbose: 'v' },
      numericShorthand: 'n',
    });
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(ctx.stderr, name, error);
    throw error;
  }
  const spec = args.values.get('n') ?? '10';
  const match = /^([+-]?)(\d+)$/.exec(spec);
  if (!match) {
    ctx.error(`invalid number of lines: ${quoteName(ctx.system, spec)}`);
    return 1;
  }
  const count = Number(match[2]);
  const sign = match[1];
  let select: Selector;
  if (name === 'head') {
    select = sign === '-' ? (lines) => lines.slice(0, Math.max(0, lines.length - count)) : (lines) => lines.slice(0, count);
  } else {
    select = sign === '+' ? (lines) => lines.slice(Math.max(0, count - 1)) : (lines) => (count === 0 ? [] : lines.slice(-count));
  }
  const { inputs, failed } = await readInputs(ctx, args.operands, (operand, message) =>
    `${name}: cannot open ${quoteName(ctx.system, operand)} for reading: ${message}`,
  );
  const headers = (inputs.length > 1 || args.flags.has('v')) && !args.flags.has('q');
  inputs.forEach((input, index) => {
    if (headers) ctx.stdout.write(`${index > 0 ? '\n' : ''}==> ${input.name || 'standard input'} <==\n`);
    ctx.stdout.write(select(splitLines(input.text)).join(''));
  });
  return failed ? 1 : 0;
}

/** `head [-n N] [FILE...]` */
export const head: CommandDefinition = {
  name: 'head',
  path: '/usr/bin/head',
  synopsis: 'head [-n lines] [file ...]',
  run: (ctx) => headOrTail(ctx, 'head'),
};

/** `tail [-n N|+N] [FILE...]` */
export const tail: CommandDefinition = {
  name: 'tail',
  path: '/usr/bin/tail',
  synopsis: 'tail [-n lines] [file ...]',
  run: (ctx) => headOrTail(ctx, 'tail'),
};
