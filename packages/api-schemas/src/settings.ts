import { z } from 'zod';

export interface SettingsDto {
  /** The address traffic from this machine has inside the simulation ("My IP" in the rule dialog). */
  clientPublicIp: string;
}

export const updateSettingsRequestSchema = z.strictObject({
  clientPublicIp: z.ipv4({ error: 'Enter an IPv4 address, e.g. 103.243.200.42' }),
});
