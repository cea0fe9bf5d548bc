import type { CommandDefinition } from './types.ts';

/** Interprets echo -e escapes; returns the text and whether \c stopped output. */
export function interpretEscapes(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch !== '\\' || i + 1 >= text.length) {
      out += ch;
      continue;
    }
    const next = text[++i] as string;
    switch (next) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'e': case 'E': out += '\x1b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case 'c': return { text: out, stop: true };
      case '0': {
        const digits = /^[0-7]{0,3}/.exec(text.slice(i + 1))?.[0] ?? '';
        out += String.fromCharCode(parseInt(digits || '0', 8));
        i += digits.length;
        break;
      }
      case 'x': {
        const digits = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1))?.[0];
        if (digits) {
          out += String.fromCharCode(parseInt(digits, 16));
          i += digits.length;
        } else {
          out += '\\x';
        }
        break;
      }
      default: out += `\\${next}`;
    }
  }
  return { text: out, stop: false };
}

/** `echo` (builtin): -n no newline, -e escapes, -E no escapes; other "options" are text. */
export const echo: CommandDefinition = {
  name: 'echo',
  builtin: true,
  synopsis: 'echo [-neE] [arg ...]',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let newline = true;
    let escapes = false;
    while (args.length > 0 && /^-[neE]+$/.test(args[0] as string)) {
      const flags = args.shift() as string;
      for (const flag of flags.slice(1)) {
        if (flag === 'n') newline = false;
        else if (flag === 'e') escapes = true;
        else escapes = false;
      }
    }
    let text = args.join(' ');
    if (escapes) {
      const result = interpretEscapes(text);
      text = result.text;
      if (result.stop) {
        ctx.stdout.write(text);
        return 0;
      }
    }
    ctx.stdout.write(newline ? `${text}\n` : text);
    return 0;
  },
};
