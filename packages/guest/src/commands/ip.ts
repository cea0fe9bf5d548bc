import { broadcastAddress, linkLocalFromMac } from '../machine/identity.ts';
import type { CommandDefinition } from './types.ts';

/** `ip addr` / `ip a` / `ip route` / `ip link`: the guest's loopback and eth0. */
export const ip: CommandDefinition = {
  name: 'ip',
  path: '/usr/sbin/ip',
  synopsis: 'ip addr | ip route | ip link',
  async run(ctx) {
    const object = ctx.argv[1] ?? '';
    const { ip: address, prefixLength, mac } = ctx.system.network;
    const qdisc = ctx.system.profile.generation === 'legacy' ? 'pfifo_fast' : 'fq_codel';
    if ('address'.startsWith(object) && object !== '') {
      ctx.stdout.write(
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n' +
          '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
          '    inet 127.0.0.1/8 scope host lo\n' +
          '       valid_lft forever preferred_lft forever\n' +
          '    inet6 ::1/128 scope host \n' +
          '       valid_lft forever preferred_lft forever\n' +
          `2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc ${qdisc} state UP group default qlen 1000\n` +
          `    link/ether ${mac} brd ff:ff:ff:ff:ff:ff\n` +
          `    inet ${address}/${prefixLength} brd ${broadcastAddress(address, prefixLength)} scope global dynamic eth0\n` +
          '       valid_lft 86313sec preferred_lft 86313sec\n' +
          `    inet6 ${linkLocalFromMac(mac)}/64 scope link \n` +
          '       valid_lft forever preferred_lft forever\n' +
          extraInterfaces(ctx.system.network.extra ?? [], qdisc),
      );
      return 0;
    }
    if ('route'.startsWith(object) && object !== '') {
      const network = address.split('.').slice(0, 3).join('.');
      ctx.stdout.write(
        `default via ${network}.1 dev eth0 proto dhcp metric 100 \n` +
          `${network}.0/${prefixLength} dev eth0 proto kernel scope link src ${address} metric 100 \n`,
      );
      return 0;
    }
    if ('link'.startsWith(object) && object !== '') {
      ctx.stdout.write(
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n' +
          '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' +
          `2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc ${qdisc} state UP mode DEFAULT group default qlen 1000\n` +
          `    link/ether ${mac} brd ff:ff:ff:ff:ff:ff\n`,
      );
      return 0;
    }
    ctx.stderr.write(
      object === ''
        ? 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { link | address | route | ... }\n'
        : `Object "${object}" is unknown, try "ip help".\n`,
    );
    return object === '' ? 255 : 1;
  },
};

/** `ip addr` lines of eth1, eth2…: the network interfaces attached besides the first. */
function extraInterfaces(extra: readonly { ip: string; prefixLength: number; mac: string }[], qdisc: string): string {
  return extra
    .map(
      (nic, index) =>
        `${index + 3}: eth${index + 1}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc ${qdisc} state UP group default qlen 1000\n` +
        `    link/ether ${nic.mac} brd ff:ff:ff:ff:ff:ff\n` +
        `    inet ${nic.ip}/${nic.prefixLength} brd ${broadcastAddress(nic.ip, nic.prefixLength)} scope global dynamic eth${index + 1}\n` +
        '       valid_lft 86313sec preferred_lft 86313sec\n' +
        `    inet6 ${linkLocalFromMac(nic.mac)}/64 scope link \n` +
        '       valid_lft forever preferred_lft forever\n',
    )
    .join('');
}
