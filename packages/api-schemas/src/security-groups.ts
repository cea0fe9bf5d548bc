import { z } from 'zod';

export const securityGroupNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a security group name')
  .max(255, 'Security group names have at most 255 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, 'Use letters, digits, spaces, ".", "_" and "-"');

export const createSecurityGroupRequestSchema = z.strictObject({
  name: securityGroupNameSchema,
  description: z.string().max(255).default(''),
});
export const updateSecurityGroupRequestSchema = z.strictObject({
  name: securityGroupNameSchema.optional(),
  description: z.string().max(255).optional(),
});

const port = z.number({ error: 'Ports are numbers from 1 to 65535' }).int('Ports are whole numbers');

/** A rule as the `[+ Rule 추가]` dialog sends it; the engine validates the combinations. */
export const createSecurityGroupRuleRequestSchema = z.strictObject({
  direction: z.enum(['ingress', 'egress'], { error: 'Direction is ingress or egress' }),
  etherType: z.enum(['IPv4', 'IPv6'], { error: 'Ether type is IPv4 or IPv6' }).default('IPv4'),
  protocol: z.enum(['tcp', 'udp', 'icmp'], { error: 'Protocol is tcp, udp, icmp or empty for any' }).nullable(),
  portRangeMin: port.nullable().default(null),
  portRangeMax: port.nullable().default(null),
  remoteIpPrefix: z.string().trim().nullable().default(null),
  remoteGroupId: z.string().nullable().default(null),
  description: z.string().max(255).default(''),
});
export type CreateSecurityGroupRuleRequest = z.infer<typeof createSecurityGroupRuleRequestSchema>;

export interface SecurityGroupRuleDto {
  id: string;
  securityGroupId: string;
  direction: 'ingress' | 'egress';
  etherType: 'IPv4' | 'IPv6';
  protocol: 'tcp' | 'udp' | 'icmp' | null;
  portRangeMin: number | null;
  portRangeMax: number | null;
  remoteIpPrefix: string | null;
  remoteGroupId: string | null;
  remoteGroupName: string | null;
  description: string;
  summary: string;
}

export interface SecurityGroupDto {
  id: string;
  name: string;
  description: string;
  isDefault: boolean;
  rules: SecurityGroupRuleDto[];
  /** Instances using the group: a group in use cannot be deleted. */
  instanceCount: number;
  createdAt: string;
}

export interface RuleTemplateDto {
  id: string;
  label: string;
  protocol: 'tcp' | 'udp' | 'icmp' | null;
  portRangeMin: number | null;
  portRangeMax: number | null;
  customizable: boolean;
}
