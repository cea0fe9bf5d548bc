import { isFsError } from '../../filesystem/errors.ts';
import type { CommandContext } from '../types.ts';

export interface InputText {
  /** Operand as given ("-" / "" for stdin). */
  name: string;
  text: string;
}

/**
 * Reads each operand (or stdin when there is none / for "-"). Unreadable
 * files are reported through `describeError` and skipped.
 */
export async function readInputs(
  ctx: CommandContext,
  operands: string[],
  describeError: (operand: string, message: string) => string,
): Promise<{ inputs: InputText[]; failed: boolean }> {
  const inputs: InputText[] = [];
  let failed = false;
  for (const operand of operands.length > 0 ? operands : ['-']) {
    if (operand === '-') {
      inputs.push({ name: operands.length > 0 ? '-' : '', text: await ctx.readAll() });
      continue;
    }
    const path = ctx.resolve(operand);
    try {
      if (ctx.system.vfs.isDirectory(path)) {
        ctx.stderr.write(`${describeError(operand, 'Is a directory')}\n`);
        failed = true;
        continue;
      }
      inputs.push({ name: operand, text: ctx.system.vfs.readFile(path) });
    } catch (error) {
      if (!isFsError(error)) throw error;
      ctx.stderr.write(`${describeError(operand, error.message)}\n`);
      failed = true;
    }
  }
  return { inputs, failed };
}

/** Splits text into lines keeping the terminators ("a\nb" → ["a\n", "b"]). */
export function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}
