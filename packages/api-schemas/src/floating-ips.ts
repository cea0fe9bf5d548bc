import type { FloatingIpStatus, PortDeviceType } from '@sandcloud/domain';
import { z } from 'zod';

/** `[+생성]` takes no options: the address comes from the public pool. */
export const allocateFloatingIpRequestSchema = z.strictObject({});

export const associateFloatingIpRequestSchema = z.strictObject({
  portId: z.string().min(1, 'Choose the port to connect'),
});

export interface FloatingIpDto {
  id: string;
  address: string;
  /** Neutron: DOWN while unassociated, ACTIVE when it forwards to a port. */
  status: FloatingIpStatus;
  portId: string | null;
  fixedIp: string | null;
  /** What the port belongs to: an instance now, a load balancer later. */
  target: { type: PortDeviceType; id: string; name: string } | null;
  createdAt: string;
}

/** A port a floating IP can be connected to (`[연결될 포트]`). */
export interface AttachablePortDto {
  id: string;
  fixedIp: string;
  deviceType: PortDeviceType;
  deviceId: string;
  deviceName: string;
  hasFloatingIp: boolean;
}
