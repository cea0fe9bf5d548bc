import { describe, expect, it } from 'vitest';
import { openstackCli, shellQuote } from './openstack-cli.ts';

describe('openstack CLI commands shown by the console', () => {
  it('quotes words for the shell only when needed', () => {
    expect(shellQuote('m2.c1m2')).toBe('m2.c1m2');
    expect(shellQuote('Default Network')).toBe("'Default Network'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });

  it('writes server create as the CLI scenario runs it, with --min/--max for several', () => {
    const base = { name: 'web', image: 'Ubuntu Server 22.04 LTS (2024.08)', flavor: 'm2.c1m2', zone: 'kr-pub-a', keyName: 'my_keypair', network: 'Default Network', securityGroups: ['default'], count: 1, rootDiskGb: 20, imageMinDiskGb: 20 };
    expect(openstackCli.serverCreate(base)).toBe(
      "openstack server create --image 'Ubuntu Server 22.04 LTS (2024.08)' --flavor m2.c1m2 --availability-zone kr-pub-a --key-name my_keypair --network 'Default Network' --security-group default --wait web",
    );
    expect(openstackCli.serverCreate({ ...base, count: 2, rootDiskGb: 50 })).toBe(
      "openstack server create --image 'Ubuntu Server 22.04 LTS (2024.08)' --flavor m2.c1m2 --availability-zone kr-pub-a --key-name my_keypair --network 'Default Network' --security-group default --min 2 --max 2 --wait web  " +
        "# root disk: 20 GB (the image's minimum) through the API; 50 GB is a console choice",
    );
    expect(openstackCli.serverCreate({ ...base, network: 'vpc-b', fixedIp: { networkId: 'net-b', ip: '10.20.1.10' }, extraNics: [{ networkId: 'net-b', fixedIp: '10.20.2.10' }, { networkId: 'net-c' }] })).toBe(
      "openstack server create --image 'Ubuntu Server 22.04 LTS (2024.08)' --flavor m2.c1m2 --availability-zone kr-pub-a --key-name my_keypair " +
        '--nic net-id=net-b,v4-fixed-ip=10.20.1.10 --nic net-id=net-b,v4-fixed-ip=10.20.2.10 --nic net-id=net-c --security-group default --wait web',
    );
    expect(openstackCli.serverAction('reboot', 'web')).toBe('openstack server reboot --wait web');
    expect(openstackCli.floatingIpUnset('203.0.113.10')).toBe('openstack floating ip unset --port 203.0.113.10');
    expect(openstackCli.serverResize('web 1', 'm2.c2m4')).toBe("openstack server resize --flavor m2.c2m4 --wait 'web 1'");
    expect(openstackCli.serverRebuild('web', '5f0c1e9a-image')).toBe('openstack server rebuild --image 5f0c1e9a-image --wait web');
  });
});
