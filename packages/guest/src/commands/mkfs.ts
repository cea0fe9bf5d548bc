import { devicePath } from '../storage/block-device.ts';
import { mkfsReport } from '../storage/mkfs-report.ts';
import { StorageError } from '../storage/storage-manager.ts';
import { dateCommandFormat } from '../format/dates.ts';
import { LineReader } from '../shell/streams.ts';
import type { CommandContext, CommandDefinition } from './types.ts';

const USAGE =
  'Usage: mkfs.ext4 [-c|-l filename] [-b block-size] [-C cluster-size]\n' +
  '\t[-i bytes-per-inode] [-I inode-size] [-J journal-options]\n' +
  '\t[-G flex-group-size] [-N number-of-inodes]\n' +
  '\t[-m reserved-blocks-percentage] [-o creator-os]\n' +
  '\t[-g blocks-per-group] [-L volume-label] [-M last-mounted-directory]\n' +
  '\t[-O feature[,...]] [-r fs-revision] [-E extended-option[,...]]\n' +
  '\t[-t fs-type] [-T usage-type ] [-U UUID] [-jnqvDFKSV] device [blocks-count]\n';

async function makeFilesystem(ctx: CommandContext, name: string, argv: string[]): Promise<number> {
  const { e2fsprogs, generation } = ctx.system.profile;
  const banner = `mke2fs ${e2fsprogs.version} (${e2fsprogs.date})\n`;
  let force = false;
  let quiet = false;
  let label = '';
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-F') force = true;
    else if (arg === '-q') quiet = true;
    else if (arg === '-L') label = argv[++i] ?? '';
    else if (arg === '-t' || arg === '-T' || arg === '-m' || arg === '-b' || arg === '-O' || arg === '-E') i++;
    else if (arg.startsWith('-')) continue;
    else operands.push(arg);
  }
  const target = operands[0];
  if (target === undefined) {
    ctx.stderr.write(USAGE.replace('mkfs.ext4', name));
    return 1;
  }
  const storage = ctx.system.storage;
  const device = target.startsWith('/dev/') ? storage.get(target) : undefined;
  if (!device) {
    const path = ctx.resolve(target);
    const exists = ctx.system.vfs.exists(path);
    ctx.stderr.write(
      exists
        ? `${banner}${target} is not a block special device.\n`
        : `${banner}The file ${target} does not exist and no size was specified.\n`,
    );
    return 1;
  }
  if (generation === 'modern' && device.content.type === 'ext4' && !force && !storage.isMounted(device.name)) {
    ctx.stdout.write(
      `${banner}${devicePath(device.name)} contains a ext4 file system${device.content.snapshot.label ? ` labelled '${device.content.snapshot.label}'` : ''}\n` +
        `\tcreated on ${dateCommandFormat(device.content.snapshot.root.mtimeMs).replace(' UTC', '')}\nProceed anyway? (y,N) `,
    );
    const answer = await new LineReader(ctx.stdin, ctx.signal).next();
    if (!answer?.trim().toLowerCase().startsWith('y')) return 1;
  } else if (!quiet) {
    ctx.stdout.write(banner);
  }
  try {
    const { layout, uuid } = storage.makeExt4(device.name, label);
    if (!quiet) ctx.stdout.write(mkfsReport(layout, e2fsprogs, uuid, label).slice(banner.length));
    return 0;
  } catch (error) {
    if (!(error instanceof StorageError)) throw error;
    const path = devicePath(device.name);
    ctx.stderr.write(
      error.code === 'already-mounted'
        ? `${path} is mounted; will not make a filesystem here!\n`
        : `${path} is apparently in use by the system; will not make a filesystem here!\n`,
    );
    return 1;
  }
}

/** `mkfs.ext4 [-F] [-L label] DEVICE`: formats a block device, printing mke2fs's report. */
export const mkfsExt4: CommandDefinition = {
  name: 'mkfs.ext4',
  path: '/usr/sbin/mkfs.ext4',
  synopsis: 'mkfs.ext4 [-F] [-L label] device',
  run: (ctx) => makeFilesystem(ctx, 'mkfs.ext4', ctx.argv.slice(1)),
};

/** `mke2fs -t ext4 DEVICE` */
export const mke2fs: CommandDefinition = {
  name: 'mke2fs',
  path: '/usr/sbin/mke2fs',
  synopsis: 'mke2fs -t ext4 device',
  run: (ctx) => makeFilesystem(ctx, 'mke2fs', ctx.argv.slice(1)),
};

/** `mkfs -t ext4 DEVICE` (only ext4 is supported). */
export const mkfs: CommandDefinition = {
  name: 'mkfs',
  path: '/usr/sbin/mkfs',
  synopsis: 'mkfs -t ext4 device',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const typeIndex = args.indexOf('-t');
    const type = typeIndex >= 0 ? args[typeIndex + 1] : 'ext2';
    if (type !== 'ext4') {
      ctx.stderr.write(`mkfs: failed to execute mkfs.${type}: No such file or directory\n`);
      return 1;
    }
    return makeFilesystem(ctx, 'mkfs.ext4', args.filter((_, i) => i !== typeIndex && i !== typeIndex + 1));
  },
};
