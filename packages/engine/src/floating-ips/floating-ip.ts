import type { FloatingIpStatus } from '@sandcloud/domain';
import type { ResourceBase } from '../store/resource.ts';

/** Neutron floating IP: DOWN while free, ACTIVE while it forwards to a port's fixed IP. */
export interface FloatingIp extends ResourceBase {
  status: FloatingIpStatus;
  /** The public address; also the resource's name, as consoles show it. */
  address: string;
  portId: string | null;
  fixedIp: string | null;
}
