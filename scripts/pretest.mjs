// `npm test`'s first step: the system tools the tests drive must be on this machine. On Debian as
// root the missing ones are installed with apt-get; anywhere else this stops and prints the one
// command that installs them. `node scripts/pretest.mjs --bench` also checks what the benchmarks
// use (nginx and wrk), which the tests do not need.
//
//   tool                                   used by                               Debian package
//   Chromium (/usr/bin/chromium or $CHROMIUM_PATH)  Playwright (e2e/)           chromium
//   ssh, ssh-keygen, scp, sftp             data plane and e2e tests              openssh-client
//   tmux                                   the ssh PTY test (data-plane.test.ts) tmux
//   /usr/bin/openstack + octavia client    OpenStack CLI tests                   python3-openstackclient, python3-octaviaclient
//   /usr/bin/tempest + octavia plugin      OpenStack API conformance             tempest, octavia-tempest-plugin
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const withBench = process.argv.includes('--bench');

/** An executable file on PATH (or at this absolute path). */
function executable(name) {
  const candidates = name.startsWith('/') ? [name] : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  return candidates.some((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Python modules importable by Debian's interpreter, the one /usr/bin/openstack and /usr/bin/tempest run on. */
function pythonModules(names) {
  if (!existsSync('/usr/bin/python3')) return false;
  const code = `import importlib.util as u, sys; sys.exit(0 if all(u.find_spec(m) for m in ${JSON.stringify(names)}) else 1)`;
  return spawnSync('/usr/bin/python3', ['-c', code], { stdio: 'ignore' }).status === 0;
}

const requirements = [
  { what: `Chromium (${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'})`, packages: ['chromium'], present: () => executable(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
  { what: 'ssh, ssh-keygen, scp, sftp', packages: ['openssh-client'], present: () => ['ssh', 'ssh-keygen', 'scp', 'sftp'].every(executable) },
  { what: 'tmux', packages: ['tmux'], present: () => executable('tmux') },
  { what: 'the OpenStack client (/usr/bin/openstack)', packages: ['python3-openstackclient'], present: () => executable('/usr/bin/openstack') },
  { what: 'the Octavia client (openstack loadbalancer)', packages: ['python3-octaviaclient'], present: () => pythonModules(['octaviaclient']) },
  { what: 'tempest (/usr/bin/tempest)', packages: ['tempest'], present: () => executable('/usr/bin/tempest') },
  { what: 'the Octavia tempest plugin', packages: ['octavia-tempest-plugin'], present: () => pythonModules(['octavia_tempest_plugin']) },
  ...(withBench
    ? [
        { what: 'nginx (benchmarks)', packages: ['nginx'], present: () => executable('nginx') || executable('/usr/sbin/nginx') },
        { what: 'wrk (benchmarks)', packages: ['wrk'], present: () => executable('wrk') },
      ]
    : []),
];

const missing = requirements.filter((requirement) => !requirement.present());
if (missing.length === 0) process.exit(0);

const packages = [...new Set(missing.flatMap((requirement) => requirement.packages))];
const isDebian = existsSync('/etc/debian_version') && executable('apt-get');
const isRoot = process.getuid?.() === 0;
console.log(`pretest: missing ${missing.map((requirement) => requirement.what).join('; ')}`);

if (isDebian && isRoot) {
  console.log(`pretest: apt-get install -y ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
  } catch {
    console.error('pretest: apt-get failed (its messages are above).');
    process.exit(1);
  }
  const still = requirements.filter((requirement) => !requirement.present());
  if (still.length === 0) process.exit(0);
  console.error(`pretest: still missing after apt-get: ${still.map((requirement) => requirement.what).join('; ')}`);
  process.exit(1);
}

const command = `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;
console.error(isDebian ? `\nInstall them, then run npm test again:\n\n  ${command}\n` : `\nInstall them with your system's package manager (on Debian: ${command}), then run npm test again.\n`);
process.exit(1);
