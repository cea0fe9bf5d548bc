import { invalidInput } from '../core/errors.ts';
import { ipFamily } from '@sandcloud/domain';
import type { ResourceStore } from '../store/resource-store.ts';

/**
 * The address traffic from this machine appears to come from when it enters the simulation (the
 * "My IP" of the rule dialog). The guide's access log shows 103.243.200.42; it is the default.
 */
export const DEFAULT_CLIENT_PUBLIC_IP = '103.243.200.42';

const CLIENT_PUBLIC_IP = 'client_public_ip';

/** Cloud-wide settings, kept in the database so they survive restarts. */
export class SettingsService {
  constructor(private readonly store: ResourceStore) {}

  clientPublicIp(): string {
    return this.read(CLIENT_PUBLIC_IP) ?? DEFAULT_CLIENT_PUBLIC_IP;
  }

  setClientPublicIp(address: string): string {
    if (ipFamily(address) !== 'IPv4') throw invalidInput(`${address} is not an IPv4 address`, 'clientPublicIp').coded('address.notIpv4', { address });
    this.store.transaction(() => {
      this.store.settings.write(CLIENT_PUBLIC_IP, address);
      this.store.emit('settings', { id: CLIENT_PUBLIC_IP, projectId: null, status: address }, 'updated');
    });
    return address;
  }

  private read(key: string): string | undefined {
    return this.store.settings.read(key);
  }
}
