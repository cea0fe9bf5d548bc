import { isIP } from 'node:net';
import { invalidInput } from '../core/errors.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import { SideRecords } from '../store/side-records.ts';

/** A server's access addresses: what its owner says to reach it by (Nova records them, it routes nothing). */
export interface AccessIps {
  v4: string;
  v6: string;
}

const NONE: AccessIps = { v4: '', v6: '' };

/**
 * Nova's `accessIPv4` / `accessIPv6`: addresses a user records on a server (a NAT or a proxy in
 * front of it) for clients to read. Sandcloud keeps them beside the instance, validated by version,
 * and routes nothing through them. A row per instance; it goes with it (`forget` on delete).
 */
export class AccessIpService {
  /** One row per instance. */
  private readonly rows: SideRecords<AccessIps>;

  constructor(
    private readonly store: ResourceStore,
    /** The instance, or the engine's not-found for it (checks it is the project's). */
    private readonly instanceOf: (projectId: string, id: string) => { id: string },
  ) {
    this.rows = new SideRecords(store, 'access-ip');
  }

  get(instanceId: string): AccessIps {
    const row = this.rows.get(instanceId);
    return row ? { v4: row.v4, v6: row.v6 } : { ...NONE };
  }

  /** Every recorded instance's addresses, by instance id (for listing many servers at once). */
  byInstance(projectId: string): Map<string, AccessIps> {
    return new Map([...this.rows.byOwner(projectId)].map(([id, row]) => [id, { v4: row.v4, v6: row.v6 }]));
  }

  /** Sets the given addresses (`''` clears one); an address of the wrong version is refused. */
  set(projectId: string, instanceId: string, changes: Partial<AccessIps>): AccessIps {
    if (changes.v4 !== undefined && changes.v4 !== '' && isIP(changes.v4) !== 4) throw invalidInput(`${changes.v4} is not an IPv4 address`, 'accessIPv4').coded('address.notIpv4', { address: changes.v4 });
    if (changes.v6 !== undefined && changes.v6 !== '' && isIP(changes.v6) !== 6) throw invalidInput(`${changes.v6} is not an IPv6 address`, 'accessIPv6').coded('address.notIpv6', { address: changes.v6 });
    // IPv6 is kept in its canonical text (RFC 5952: `0:0:0:0:0:babe:220.12.22.2` is `::babe:dc0c:1602`), as Nova.
    if (changes.v6) changes = { ...changes, v6: new URL(`http://[${changes.v6}]`).hostname.slice(1, -1) };
    return this.store.transaction(() => {
      const instance = this.instanceOf(projectId, instanceId);
      const next = { ...this.get(instance.id), ...changes };
      this.rows.put(projectId, instance.id, next);
      return next;
    });
  }

  /** Drops what is kept for an instance that is gone. */
  forget(instanceId: string): void {
    this.rows.forget(instanceId);
  }
}
