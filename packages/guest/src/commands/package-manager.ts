import { findPackage, findService, installPackage, isDebianFamily, isInstalled, type GuestPackage } from '../machine/packages.ts';
import { serviceProcess, startService, stopService } from '../machine/services.ts';
import type { GuestSystem } from '../machine/system.ts';
import type { CommandContext, CommandDefinition } from './types.ts';

/** Installs what it can, printing the family's summary; a web server starts on Debian-family images. */
async function install(ctx: CommandContext, names: string[], debian: boolean): Promise<number> {
  const { system } = ctx;
  const missing = names.find((name) => !findPackage(system.profile, name));
  if (missing !== undefined) {
    if (debian) {
      ctx.stdout.write('Reading package lists... Done\nBuilding dependency tree... Done\n');
      ctx.stderr.write(`E: Unable to locate package ${missing}\n`);
      return 100;
    }
    ctx.stdout.write(`No package ${missing} available.\nError: Nothing to do\n`);
    return 1;
  }
  const packages = names.map((name) => [name, findPackage(system.profile, name) as GuestPackage] as const);
  const fresh = packages.filter(([, pkg]) => !isInstalled(system.vfs, pkg));
  if (debian) ctx.stdout.write('Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n');
  for (const [name, pkg] of packages) {
    if (!fresh.some(([n]) => n === name)) ctx.stdout.write(debian ? `${name} is already the newest version (${pkg.version}).\n` : `Package ${name}-${pkg.version} already installed and latest version\n`);
  }
  if (fresh.length === 0) {
    ctx.stdout.write(debian ? '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n' : 'Nothing to do\n');
    return 0;
  }
  const size = fresh.reduce((sum, [, pkg]) => sum + pkg.sizeKb, 0);
  if (debian) {
    ctx.stdout.write(`The following NEW packages will be installed:\n  ${fresh.map(([n]) => n).join(' ')}\n`);
    ctx.stdout.write(`0 upgraded, ${fresh.length} newly installed, 0 to remove and 0 not upgraded.\nAfter this operation, ${size} kB of additional disk space will be used.\n`);
  } else {
    ctx.stdout.write(`Resolving Dependencies\nInstalling:\n${fresh.map(([n, p]) => ` ${n.padEnd(20)} x86_64  ${p.version}`).join('\n')}\nTotal download size: ${size} k\n`);
  }
  for (const [name, pkg] of fresh) {
    installPackage(system.vfs, system.profile, pkg);
    ctx.stdout.write(debian ? `Setting up ${name} (${pkg.version}) ...\n` : `  Installing : ${name}-${pkg.version}.x86_64\n`);
    if (debian && pkg.service) {
      ctx.stdout.write(`Created symlink /etc/systemd/system/multi-user.target.wants/${pkg.service.unit}.service → /lib/systemd/system/${pkg.service.unit}.service.\n`);
      startService(system, pkg.service);
    }
  }
  if (!debian) ctx.stdout.write(`\nInstalled:\n  ${fresh.map(([n, p]) => `${n}-${p.version}`).join(' ')}\n\nComplete!\n`);
  return 0;
}

function packageManager(name: string, path: string, debian: boolean): CommandDefinition {
  return {
    name,
    path,
    synopsis: `${name} [-y] install <package>...`,
    isInstalled: (system) => isDebianFamily(system.profile) === debian,
    async run(ctx) {
      const args = ctx.argv.slice(1).filter((arg) => !arg.startsWith('-'));
      const [sub, ...names] = args;
      if (sub === 'update' || sub === 'makecache' || sub === 'upgrade') {
        ctx.stdout.write(debian ? 'Reading package lists... Done\n' : 'Metadata cache created.\n');
        return 0;
      }
      if (sub !== 'install' || names.length === 0) {
        ctx.stderr.write(debian ? `E: Invalid operation ${sub ?? ''}\n` : `${name}: usage: ${name} install <package>...\n`);
        return debian ? 100 : 1;
      }
      return install(ctx, names, debian);
    },
  };
}

export const aptGet = packageManager('apt-get', '/usr/bin/apt-get', true);
export const apt = packageManager('apt', '/usr/bin/apt', true);
export const yum = packageManager('yum', '/usr/bin/yum', false);
export const dnf = packageManager('dnf', '/usr/bin/dnf', false);

/** The unit named on the command line, if its package is installed. */
function installedService(system: GuestSystem, unit: string) {
  const service = findService(system.profile, unit);
  const pkg = service ? findPackage(system.profile, service.unit) : undefined;
  return service && pkg && isInstalled(system.vfs, pkg) ? service : undefined;
}

async function controlService(ctx: CommandContext, verb: string, unit: string): Promise<number> {
  const service = installedService(ctx.system, unit);
  const name = unit.replace(/\.service$/, '');
  if (!service) {
    if (verb === 'is-active') {
      ctx.stdout.write('inactive\n');
      return 3;
    }
    ctx.stderr.write(`Failed to ${verb} ${name}.service: Unit ${name}.service not found.\n`);
    return 5;
  }
  switch (verb) {
    case 'start':
    case 'restart':
    case 'reload': {
      if (verb === 'restart') stopService(ctx.system, service);
      if (startService(ctx.system, service) === 'port-in-use') {
        ctx.stderr.write(`Job for ${name}.service failed because the control process exited with error code.\nSee "systemctl status ${name}.service" and "journalctl -xe" for details.\n`);
        return 1;
      }
      return 0;
    }
    case 'stop':
      stopService(ctx.system, service);
      return 0;
    case 'enable':
      ctx.stdout.write(`Created symlink /etc/systemd/system/multi-user.target.wants/${name}.service → /usr/lib/systemd/system/${name}.service.\n`);
      return 0;
    case 'is-active': {
      const active = serviceProcess(ctx.system, service) !== undefined;
      ctx.stdout.write(active ? 'active\n' : 'inactive\n');
      return active ? 0 : 3;
    }
    case 'status': {
      const pid = serviceProcess(ctx.system, service);
      ctx.stdout.write(
        `● ${name}.service - ${name === 'nginx' ? 'The nginx HTTP and reverse proxy server' : 'The Apache HTTP Server'}\n` +
          `   Active: ${pid === undefined ? 'inactive (dead)' : 'active (running)'}\n` +
          (pid === undefined ? '' : ` Main PID: ${pid} (${name})\n`),
      );
      return pid === undefined ? 3 : 0;
    }
    default:
      ctx.stderr.write(`Unknown command verb ${verb}.\n`);
      return 1;
  }
}

/** `systemctl start|stop|restart|enable|status|is-active <unit>` for the web servers a package brings. */
export const systemctl: CommandDefinition = {
  name: 'systemctl',
  path: '/usr/bin/systemctl',
  synopsis: 'systemctl start|stop|restart|enable|status|is-active <unit>',
  async run(ctx) {
    const args = ctx.argv.slice(1).filter((arg) => !arg.startsWith('-'));
    const [verb, ...units] = args;
    if (verb === undefined || units.length === 0) {
      ctx.stderr.write('Too few arguments.\n');
      return 1;
    }
    let code = 0;
    for (const unit of units) code = Math.max(code, await controlService(ctx, verb, unit));
    return code;
  },
};

/** `service <name> start|stop|restart|status` (SysV style, forwarded to systemctl). */
export const service: CommandDefinition = {
  name: 'service',
  path: '/usr/sbin/service',
  synopsis: 'service <name> start|stop|restart|status',
  async run(ctx) {
    const [unit, verb] = ctx.argv.slice(1);
    if (unit === undefined || verb === undefined) {
      ctx.stderr.write('Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n');
      return 1;
    }
    return controlService(ctx, verb, unit);
  },
};

/** `nginx` run by hand: the master process daemonises and the shell gets its prompt back. */
export const nginx: CommandDefinition = {
  name: 'nginx',
  path: '/usr/sbin/nginx',
  synopsis: 'nginx [-s stop]',
  isInstalled: (system) => system.vfs.exists('/usr/sbin/nginx'),
  async run(ctx) {
    const service = findService(ctx.system.profile, 'nginx');
    if (!service) return 1;
    const args = ctx.argv.slice(1);
    if (args[0] === '-v') {
      ctx.stderr.write('nginx version: nginx/1.20.1\n');
      return 0;
    }
    if (args[0] === '-s' && (args[1] === 'stop' || args[1] === 'quit')) {
      stopService(ctx.system, service);
      return 0;
    }
    const result = startService(ctx.system, service);
    if (result === 'port-in-use') {
      ctx.stderr.write('nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n');
      return 1;
    }
    return 0;
  },
};
