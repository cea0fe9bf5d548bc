import { procpsHuman } from '../format/human-size.ts';
import type { CommandDefinition } from './types.ts';

/** `free [-h|-m|-g]` in procps-ng layout (3.3.10 on CentOS 7, "Mi"/"Gi" units in newer ones). */
export const free: CommandDefinition = {
  name: 'free',
  path: '/usr/bin/free',
  synopsis: 'free [-h|-m|-g]',
  async run(ctx) {
    const m = ctx.system.memory;
    const flags = ctx.argv.slice(1).join('');
    const modern = ctx.system.profile.generation === 'modern';
    const format = (kb: number): string => {
      if (flags.includes('h')) return procpsHuman(kb, modern);
      if (flags.includes('g')) return String(Math.floor(kb / 1024 / 1024));
      if (flags.includes('m')) return String(Math.floor(kb / 1024));
      return String(kb);
    };
    const row = (label: string, values: number[]): string => `${label.padEnd(7)}${values.map((v) => ` ${format(v).padStart(11)}`).join('')}\n`;
    ctx.stdout.write(
      `${' '.repeat(7)}${['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((h) => ` ${h.padStart(11)}`).join('')}\n` +
        row('Mem:', [m.totalKb, m.usedKb, m.freeKb, m.sharedKb, m.buffCacheKb, m.availableKb]) +
        row('Swap:', [m.swapTotalKb, 0, m.swapTotalKb]),
    );
    return 0;
  },
};
