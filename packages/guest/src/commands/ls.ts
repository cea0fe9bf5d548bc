import { isFsError } from '../filesystem/errors.ts';
import { joinPath } from '../filesystem/path.ts';
import type { Stat } from '../filesystem/types.ts';
import { formatColumns } from '../format/columns.ts';
import { lsTime } from '../format/dates.ts';
import { coreutilsHuman } from '../format/human-size.ts';
import type { GuestSystem } from '../machine/system.ts';
import { parseArgs, usageFailure, UsageError } from './support/args.ts';
import { quoteIfModern } from './support/quote.ts';
import type { CommandContext, CommandDefinition } from './types.ts';

interface Entry {
  name: string;
  stat: Stat;
}

/** en_US.UTF-8 collation as ls uses it: case and leading punctuation are ignored first. */
export function compareNames(a: string, b: string): number {
  const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const ka = key(a);
  const kb = key(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function permissionString(stat: Stat, selinux: boolean): string {
  const type = stat.type === 'dir' ? 'd' : stat.type === 'blockdev' ? 'b' : stat.type === 'chardev' ? 'c' : '-';
  const bits = ['r', 'w', 'x', 'r', 'w', 'x', 'r', 'w', 'x'].map((ch, i) => ((stat.mode >> (8 - i)) & 1 ? ch : '-'));
  if (stat.mode & 0o1000) bits[8] = bits[8] === 'x' ? 't' : 'T';
  return `${type}${bits.join('')}${selinux ? '.' : ''}`;
}

function groupName(gid: number): string {
  return gid === 6 ? 'disk' : gid === 5 ? 'tty' : 'root';
}

function longLines(entries: Entry[], system: GuestSystem, human: boolean): string[] {
  const now = system.clock.now();
  // device nodes show "major, minor", each padded to its own column width
  const devices = entries.map((e) => e.stat.rdev).filter((r) => r !== undefined);
  const majorWidth = Math.max(0, ...devices.map((r) => String(r.major).length));
  const minorWidth = Math.max(0, ...devices.map((r) => String(r.minor).length));
  const sizeOf = (stat: Stat): string =>
    stat.rdev
      ? `${String(stat.rdev.major).padStart(majorWidth)}, ${String(stat.rdev.minor).padStart(minorWidth)}`
      : human
        ? coreutilsHuman(stat.size)
        : String(stat.size);
  const rows = entries.map((e) => ({
    perm: permissionString(e.stat, system.profile.selinux),
    links: String(e.stat.nlink),
    owner: 'root',
    group: groupName(e.stat.gid),
    size: sizeOf(e.stat),
    time: lsTime(e.stat.mtimeMs, now),
    name: e.name,
  }));
  const width = (key: 'links' | 'owner' | 'group' | 'size'): number => Math.max(0, ...rows.map((r) => r[key].length));
  const [wl, wo, wg, ws] = [width('links'), width('owner'), width('group'), width('size')];
  return rows.map(
    (r) => `${r.perm} ${r.links.padStart(wl)} ${r.owner.padEnd(wo)} ${r.group.padEnd(wg)} ${r.size.padStart(ws)} ${r.time} ${r.name}`,
  );
}

function totalLine(entries: Entry[], human: boolean): string {
  const bytes = entries.reduce((sum, e) => sum + e.stat.allocated, 0);
  return `total ${human ? coreutilsHuman(bytes) : String(bytes / 1024)}`;
}

function sortEntries(entries: Entry[], byTime: boolean, reverse: boolean): Entry[] {
  const sorted = [...entries].sort((a, b) =>
    byTime ? b.stat.mtimeMs - a.stat.mtimeMs || compareNames(a.name, b.name) : compareNames(a.name, b.name),
  );
  return reverse ? sorted.reverse() : sorted;
}

function render(ctx: CommandContext, entries: Entry[], opts: { long: boolean; human: boolean; onePerLine: boolean }): string[] {
  if (opts.long) return longLines(entries, ctx.system, opts.human);
  const names = entries.map((e) => e.name);
  if (opts.onePerLine || !ctx.stdout.isTTY) return names;
  return formatColumns(names, ctx.shell.terminalColumns);
}

/** `ls [-laAdhrt1] [FILE...]` with GNU's output formats (columns on a terminal, one per line in a pipe). */
export const ls: CommandDefinition = {
  name: 'ls',
  path: '/usr/bin/ls',
  synopsis: 'ls [-laAdhrt1] [file ...]',
  async run(ctx) {
    let args;
    try {
      args = parseArgs(ctx.argv.slice(1), {
        flags: 'laAdhrt1RF',
        long: { all: 'a', 'almost-all': 'A', 'human-readable': 'h', directory: 'd', reverse: 'r', color: 'color' },
      });
    } catch (error) {
      if (error instanceof UsageError) return usageFailure(ctx.stderr, 'ls', error, 2);
      throw error;
    }
    const { flags } = args;
    const opts = { long: flags.has('l'), human: flags.has('h'), onePerLine: flags.has('1') };
    const vfs = ctx.system.vfs;
    const operands = args.operands.length > 0 ? args.operands : ['.'];
    const files: Entry[] = [];
    const dirs: { name: string; path: string }[] = [];
    let status = 0;
    for (const operand of operands) {
      const path = ctx.resolve(operand);
      try {
        const stat = vfs.stat(path);
        if (stat.type === 'dir' && !flags.has('d')) dirs.push({ name: operand, path });
        else files.push({ name: operand, stat });
      } catch (error) {
        if (!isFsError(error)) throw error;
        ctx.stderr.write(`ls: cannot access ${quoteIfModern(ctx.system, operand)}: ${error.message}\n`);
        status = 2;
      }
    }
    const sections: string[][] = [];
    if (files.length > 0) sections.push(render(ctx, sortEntries(files, flags.has('t'), flags.has('r')), opts));
    const showHeaders = operands.length > 1;
    const sortedDirs = [...dirs].sort((a, b) => compareNames(a.name, b.name));
    for (const dir of sortedDirs) {
      const entries: Entry[] = [];
      try {
        for (const name of vfs.readdir(dir.path)) {
          if (name.startsWith('.') && !flags.has('a') && !flags.has('A')) continue;
          entries.push({ name, stat: vfs.stat(joinPath(dir.path, name)) });
        }
      } catch (error) {
        if (!isFsError(error)) throw error;
        ctx.stderr.write(`ls: cannot open directory ${dir.name}: ${error.message}\n`);
        status = 2;
        continue;
      }
      let sorted = sortEntries(entries, flags.has('t'), flags.has('r'));
      if (flags.has('a')) {
        const parent = dir.path === '/' ? '/' : dir.path.slice(0, dir.path.lastIndexOf('/')) || '/';
        sorted = [{ name: '.', stat: vfs.stat(dir.path) }, { name: '..', stat: vfs.stat(parent) }, ...sorted];
      }
      const lines = render(ctx, sorted, opts);
      if (opts.long) lines.unshift(totalLine(sorted, opts.human));
      if (showHeaders) lines.unshift(`${dir.name}:`);
      sections.push(lines);
    }
    const text = sections.map((lines) => lines.map((l) => `${l}\n`).join('')).join('\n');
    ctx.stdout.write(text);
    return status;
  },
};
