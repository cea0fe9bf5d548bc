import { utf8Length } from '../filesystem/filesystem.ts';
import { parseArgs, usageFailure, UsageError } from './support/args.ts';
import { readInputs } from './support/inputs.ts';
import type { CommandDefinition } from './types.ts';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
}

function count(text: string): Counts {
  return {
    lines: (text.match(/\n/g) ?? []).length,
    words: text.split(/\s+/).filter((w) => w !== '').length,
    chars: [...text].length,
    bytes: utf8Length(text),
  };
}

/**
 * `wc [-lwcm] [FILE...]`, GNU layout: columns as wide as the total byte
 * count's digits (7 when reading stdin); a single count of a single file is
 * not padded.
 */
export const wc: CommandDefinition = {
  name: 'wc',
  path: '/usr/bin/wc',
  synopsis: 'wc [-lwc] [file ...]',
  async run(ctx) {
    let args;
    try {
      args = parseArgs(ctx.argv.slice(1), { flags: 'lwcm', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' } });
    } catch (error) {
      if (error instanceof UsageError) return usageFailure(ctx.stderr, 'wc', error);
      throw error;
    }
    const selected = (['l', 'w', 'm', 'c'] as const).filter((f) => args.flags.has(f));
    const columns = selected.length > 0 ? selected : (['l', 'w', 'c'] as const);
    const { inputs, failed } = await readInputs(ctx, args.operands, (operand, message) => `wc: ${operand}: ${message}`);
    const all = inputs.map((input) => ({ name: input.name, counts: count(input.text) }));
    const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0 };
    for (const { counts } of all) {
      total.lines += counts.lines;
      total.words += counts.words;
      total.chars += counts.chars;
      total.bytes += counts.bytes;
    }
    const readsStdin = args.operands.length === 0 || args.operands.includes('-');
    let width = Math.max(1, String(total.bytes).length);
    if (readsStdin) width = Math.max(width, 7);
    if (columns.length === 1 && all.length + (failed ? 1 : 0) <= 1) width = 1;
    const pick = (c: Counts, f: 'l' | 'w' | 'm' | 'c'): number =>
      f === 'l' ? c.lines : f === 'w' ? c.words : f === 'm' ? c.chars : c.bytes;
    const line = (counts: Counts, name: string): string =>
      `${columns.map((f) => String(pick(counts, f)).padStart(width)).join(' ')}${name ? ` ${name}` : ''}\n`;
    for (const { name, counts } of all) ctx.stdout.write(line(counts, name));
    if (all.length > 1) ctx.stdout.write(line(total, 'total'));
    return failed ? 1 : 0;
  },
};
