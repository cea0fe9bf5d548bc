import { curl } from '../net/curl.ts';
import { ping } from '../net/ping.ts';
import { python, python2, python3 } from '../net/python.ts';
import { bash, sh } from './bash.ts';
import { cat } from './cat.ts';
import { cd, pwd } from './cd.ts';
import { chmod } from './chmod.ts';
import { cp, mv } from './cp.ts';
import { df } from './df.ts';
import { du } from './du.ts';
import { echo } from './echo.ts';
import { exit, falseCommand, logout, trueCommand } from './exit.ts';
import { free } from './free.ts';
import { grep } from './grep.ts';
import { head, tail } from './head-tail.ts';
import { dot, help, source, type } from './help.ts';
import { history } from './history.ts';
import { hostname, id, uname, whoami } from './identity.ts';
import { ip } from './ip.ts';
import { fg, jobs, kill, wait } from './jobs.ts';
import { ls } from './ls.ts';
import { blkid, lsblk } from './lsblk.ts';
import { mkdir, rmdir } from './mkdir.ts';
import { mke2fs, mkfs, mkfsExt4 } from './mkfs.ts';
import { mount, sync, umount } from './mount.ts';
import { nohup } from './nohup.ts';
import { nproc } from './nproc.ts';
import { apt, aptGet, dnf, nginx, service, systemctl, yum } from './package-manager.ts';
import { halt, poweroff, reboot, shutdown } from './power.ts';
import { ps } from './ps.ts';
import { CommandRegistry } from './registry.ts';
import { rm } from './rm.ts';
import { clear, which } from './terminal.ts';
import { date, sleep, uptime } from './time.ts';
import { yes } from './yes.ts';
import { touch } from './touch.ts';
import type { CommandDefinition } from './types.ts';
import { env, exportCommand, unset } from './variables.ts';
import { wc } from './wc.ts';

/** Every command the simulated guest knows. */
export const ALL_COMMANDS: CommandDefinition[] = [
  // shell builtins
  cd, pwd, echo, exportCommand, unset, exit, logout, trueCommand, falseCommand, history, jobs, fg, wait, kill,
  help, type, source, dot,
  // files
  ls, cat, touch, mkdir, rmdir, rm, cp, mv, head, tail, grep, wc, du, chmod,
  // storage
  df, mkfsExt4, mke2fs, mkfs, mount, umount, sync, lsblk, blkid,
  // system
  uname, hostname, whoami, id, ip, ps, date, uptime, sleep, free, clear, which, env,
  shutdown, poweroff, halt, reboot, bash, sh, nproc, nohup, yes,
  // packages and services
  aptGet, apt, yum, dnf, systemctl, service, nginx,
  // network
  python, python2, python3, ping, curl,
];

export function createCommandRegistry(extra: CommandDefinition[] = []): CommandRegistry {
  return new CommandRegistry([...ALL_COMMANDS, ...extra]);
}
