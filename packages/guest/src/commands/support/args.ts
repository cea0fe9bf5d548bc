/**
 * GNU-style option parsing shared by the commands: bundled short flags
 * (`-la`), options with values (`-n 5`, `-n5`), long options (`--all`,
 * `--lines=5`) and `--` ending options.
 */
export interface ArgSpec {
  /** Short flags without value, e.g. "laRh". */
  flags?: string;
  /** Short options taking a value, e.g. "n". */
  withValue?: string;
  /** Long option name → short equivalent (or itself for long-only). */
  long?: Record<string, string>;
  /** Long options that take a value. */
  longWithValue?: string[];
  /** Accept `-5` as `-n 5` (head/tail). */
  numericShorthand?: string;
}

export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
}

export class UsageError extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

export function parseArgs(args: string[], spec: ArgSpec): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  const withValue = spec.withValue ?? '';
  const simple = spec.flags ?? '';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const mapped = spec.long?.[name];
      if (mapped === undefined) throw new UsageError(`unrecognized option '${arg}'`);
      if (spec.longWithValue?.includes(name) || withValue.includes(mapped)) {
        const value = inline ?? args[++i];
        if (value === undefined) throw new UsageError(`option '--${name}' requires an argument`);
        values.set(mapped, value);
      } else {
        flags.add(mapped);
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      if (spec.numericShorthand && /^-\d+$/.test(arg)) {
        values.set(spec.numericShorthand, arg.slice(1));
        continue;
      }
      for (let j = 1; j < arg.length; j++) {
        const ch = arg[j] as string;
        if (withValue.includes(ch)) {
          const rest = arg.slice(j + 1);
          const value = rest !== '' ? rest : args[++i];
          if (value === undefined) throw new UsageError(`option requires an argument -- '${ch}'`);
          values.set(ch, value);
          break;
        }
        if (!simple.includes(ch)) throw new UsageError(`invalid option -- '${ch}'`);
        flags.add(ch);
      }
      continue;
    }
    operands.push(arg);
  }
  return { flags, values, operands };
}

/** Prints a GNU usage error ("ls: invalid option -- 'z'" + "Try 'ls --help'...") and returns the status. */
export function usageFailure(
  stderr: { write(text: string): void },
  name: string,
  error: UsageError,
  status = 1,
): number {
  stderr.write(`${name}: ${error.detail}\nTry '${name} --help' for more information.\n`);
  return status;
}
