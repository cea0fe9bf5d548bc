import { isFsError } from '../filesystem/errors.ts';
import { normalizePath } from '../filesystem/path.ts';
import { parseFstab } from '../storage/fstab.ts';
import { StorageError } from '../storage/storage-manager.ts';
import type { CommandContext, CommandDefinition } from './types.ts';

/** util-linux's wording of mount failures: 2.23 (CentOS 7) or 2.37+. */
function mountFailure(ctx: CommandContext, error: StorageError, given: { device: string; target: string }, typed: boolean): string {
  const legacy = ctx.system.profile.generation === 'legacy';
  const target = error.detail.target ?? given.target;
  switch (error.code) {
    case 'no-device':
      return legacy
        ? `mount: special device ${given.device} does not exist`
        : `mount: ${target}: special device ${given.device} does not exist.`;
    case 'mountpoint-missing':
      return legacy ? `mount: mount point ${given.target} does not exist` : `mount: ${target}: mount point does not exist.`;
    case 'mountpoint-not-dir':
      return legacy ? `mount: mount point ${target} is not a directory` : `mount: ${target}: mount point is not a directory.`;
    case 'already-mounted':
      return legacy
        ? `mount: ${error.detail.device} is already mounted or ${target} busy\n       ${error.detail.device} is already mounted on ${error.detail.mountedOn}`
        : `mount: ${target}: ${error.detail.device} already mounted on ${error.detail.mountedOn}.`;
    case 'no-filesystem':
      if (legacy && !typed) return 'mount: you must specify the filesystem type';
      return legacy
        ? `mount: wrong fs type, bad option, bad superblock on ${given.device},\n       missing codepage or helper program, or other error\n\n       In some cases useful info is found in syslog - try\n       dmesg | tail or so.`
        : `mount: ${target}: wrong fs type, bad option, bad superblock on ${given.device}, missing codepage or helper program, or other error.`;
    default:
      return `mount: ${target}: ${error.code}`;
  }
}

function listMounts(ctx: CommandContext, type?: string): void {
  for (const mount of ctx.system.vfs.mounts()) {
    if (type && mount.fsType !== type) continue;
    ctx.stdout.write(`${mount.source} on ${mount.target} type ${mount.fsType} (${mount.options})\n`);
  }
}

/** `mount`, `mount -a`, `mount [-t ext4] [-o opts] DEVICE DIR`, `mount DIR` (from fstab). */
export const mount: CommandDefinition = {
  name: 'mount',
  path: '/usr/bin/mount',
  synopsis: 'mount [-a] [-t type] [-o options] [device dir]',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const operands: string[] = [];
    let type: string | undefined;
    let options: string[] = [];
    let all = false;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as string;
      if (arg === '-t') type = args[++i];
      else if (arg === '-o') options = (args[++i] ?? '').split(',');
      else if (arg === '-a') all = true;
      else if (arg === '-v' || arg === '-w') continue;
      else if (arg === '-r') options.push('ro');
      else if (arg.startsWith('-')) {
        ctx.stderr.write(`mount: invalid option -- '${arg.slice(1)}'\n`);
        return 1;
      } else operands.push(arg);
    }
    const storage = ctx.system.storage;
    if (all) {
      const report = storage.mountFstab();
      for (const failure of report.failed) {
        const message =
          failure.reason === 'no-device'
            ? new StorageError('no-device', { target: failure.entry.target })
            : new StorageError(failure.reason as 'busy', { target: failure.entry.target });
        ctx.stderr.write(`${mountFailure(ctx, message, { device: failure.entry.spec, target: failure.entry.target }, true)}\n`);
      }
      return report.failed.length > 0 ? 32 : 0;
    }
    if (operands.length === 0) {
      listMounts(ctx, type);
      return 0;
    }
    let [device, target] = operands as [string, string | undefined];
    if (target === undefined) {
      // `mount DIR` or `mount DEVICE`: complete the pair from /etc/fstab
      let fstab = '';
      try {
        fstab = ctx.system.vfs.readFile('/etc/fstab');
      } catch (error) {
        if (!isFsError(error)) throw error;
      }
      const wanted = device.startsWith('/dev/') || device.includes('=') ? device : normalizePath(ctx.resolve(device));
      const entry = parseFstab(fstab).find((e) => e.spec === wanted || normalizePath(e.target) === wanted);
      if (!entry) {
        ctx.stderr.write(
          ctx.system.profile.generation === 'legacy'
            ? `mount: can't find ${device} in /etc/fstab\n`
            : `mount: ${device}: can't find in /etc/fstab.\n`,
        );
        return 1;
      }
      device = entry.spec;
      target = entry.target;
      options = entry.options;
    }
    if (type !== undefined && type !== 'ext4' && type !== 'auto') {
      ctx.stderr.write(`mount: unknown filesystem type '${type}'\n`);
      return 32;
    }
    const resolvedDevice = storage.resolveSpec(device);
    const targetPath = ctx.resolve(target);
    try {
      if (!resolvedDevice) throw new StorageError('no-device', { device, target: targetPath });
      storage.mount(resolvedDevice.name, targetPath, options);
      return 0;
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      ctx.stderr.write(`${mountFailure(ctx, error, { device, target }, type !== undefined)}\n`);
      return 32;
    }
  },
};

/** `umount DIR|DEVICE`: flushes and unmounts; refuses while a process uses it. */
export const umount: CommandDefinition = {
  name: 'umount',
  path: '/usr/bin/umount',
  synopsis: 'umount dir|device',
  async run(ctx) {
    const operands = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
    const legacy = ctx.system.profile.generation === 'legacy';
    if (operands.length === 0) {
      ctx.stderr.write("umount: bad usage\nTry 'umount --help' for more information.\n");
      return 1;
    }
    let status = 0;
    for (const operand of operands) {
      const target = operand.startsWith('/dev/') ? operand : ctx.resolve(operand);
      const vfs = ctx.system.vfs;
      try {
        const pseudo = vfs.mountAt(target);
        if (pseudo && pseudo.device === undefined) {
          vfs.unmount(target);
          continue;
        }
        ctx.system.storage.umount(target);
      } catch (error) {
        if (!(error instanceof StorageError)) throw error;
        status = 32;
        if (error.code === 'busy') {
          const at = error.detail.target ?? target;
          ctx.stderr.write(
            legacy
              ? `umount: ${at}: target is busy.\n        (In some cases useful info about processes that use\n         the device is found by lsof(8) or fuser(1))\n`
              : `umount: ${at}: target is busy.\n`,
          );
        } else if (!vfs.exists(target) && !target.startsWith('/dev/')) {
          ctx.stderr.write(legacy ? `umount: ${target}: mountpoint not found\n` : `umount: ${target}: no mount point specified.\n`);
        } else {
          ctx.stderr.write(legacy ? `umount: ${target}: not mounted\n` : `umount: ${target}: not mounted.\n`);
        }
      }
    }
    return status;
  },
};

/** `sync`: writes every dirty filesystem to its device (and so to the host). */
export const sync: CommandDefinition = {
  name: 'sync',
  path: '/usr/bin/sync',
  synopsis: 'sync',
  async run(ctx) {
    ctx.system.storage.syncAll();
    return 0;
  },
};
