/**
 * The `openstack` CLI command equivalent to a console action, with the real names and ids, so the
 * console teaches the API it sits beside (README: "Driving Sandcloud with the OpenStack CLI").
 * Names are preferred where the CLI resolves them; ids where names can repeat.
 */

/** POSIX shell quoting: bare when safe, single quotes otherwise. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

const command = (...words: string[]) => ['openstack', ...words.map(shellQuote)].join(' ');

export interface ServerCreateCommand {
  name: string;
  image: string;
  flavor: string;
  zone: string;
  keyName: string;
  network: string;
  securityGroups: string[];
  count: number;
  rootDiskGb: number;
  imageMinDiskGb: number;
  /** The first interface's network id and fixed IP, when one was chosen (then `--nic` replaces `--network`). */
  fixedIp?: { networkId: string; ip: string } | undefined;
  /** More interfaces, one `--nic` each (Nova picks the network's subnet from the fixed IP). */
  extraNics?: { networkId: string; fixedIp?: string | undefined }[] | undefined;
}

const nic = (networkId: string, fixedIp: string | undefined) => `net-id=${networkId}${fixedIp ? `,v4-fixed-ip=${fixedIp}` : ''}`;

export const openstackCli = {
  serverCreate(input: ServerCreateCommand): string {
    const words = ['server', 'create', '--image', input.image, '--flavor', input.flavor, '--availability-zone', input.zone, '--key-name', input.keyName];
    words.push(...(input.fixedIp ? ['--nic', nic(input.fixedIp.networkId, input.fixedIp.ip)] : ['--network', input.network]));
    for (const extra of input.extraNics ?? []) words.push('--nic', nic(extra.networkId, extra.fixedIp));
    for (const group of input.securityGroups) words.push('--security-group', group);
    if (input.count > 1) words.push('--min', String(input.count), '--max', String(input.count));
    words.push('--wait', input.name);
    const line = command(...words);
    // The API sizes the root disk from the image: say so when the console's choice differs.
    return input.rootDiskGb === input.imageMinDiskGb ? line : `${line}  # root disk: ${input.imageMinDiskGb} GB (the image's minimum) through the API; ${input.rootDiskGb} GB is a console choice`;
  },
  serverAction: (action: 'stop' | 'start' | 'reboot' | 'hard-reboot' | 'delete', server: string) =>
    action === 'hard-reboot'
      ? command('server', 'reboot', '--hard', '--wait', server)
      : command('server', action, ...(action === 'reboot' || action === 'delete' ? ['--wait'] : []), server),
  /** Resize waits in VERIFY_RESIZE; `openstack server resize confirm` (or `revert`) ends it, like the banner. */
  serverResize: (server: string, flavor: string) => command('server', 'resize', '--flavor', flavor, '--wait', server),
  serverRebuild: (server: string, image: string) => command('server', 'rebuild', '--image', image, '--wait', server),
  keypairDelete: (name: string) => command('keypair', 'delete', name),
  securityGroupDelete: (id: string) => command('security', 'group', 'delete', id),
  securityGroupRuleDelete: (id: string) => command('security', 'group', 'rule', 'delete', id),
  floatingIpDelete: (address: string) => command('floating', 'ip', 'delete', address),
  floatingIpUnset: (address: string) => command('floating', 'ip', 'unset', '--port', address),
  imageDelete: (id: string) => command('image', 'delete', id),
};
