import {
  DESCRIPTION_MAX_LENGTH,
  ETHER_TYPES,
  NAME_MAX_LENGTH,
  RULE_DIRECTIONS,
  RULE_PROTOCOLS,
  SECURITY_GROUP_NAME_PATTERN,
  type RuleProtocol,
  type RuleTemplateId,
  type SecurityGroupRule,
} from '@sandcloud/domain';
import { z } from 'zod';

export const securityGroupNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a security group name')
  .max(NAME_MAX_LENGTH, `Security group names have at most ${NAME_MAX_LENGTH} characters`)
  .regex(SECURITY_GROUP_NAME_PATTERN, 'Use letters, digits, spaces, ".", "_" and "-"');

export const createSecurityGroupRequestSchema = z.strictObject({
  name: securityGroupNameSchema,
  description: z.string().max(DESCRIPTION_MAX_LENGTH).default(''),
});
export const updateSecurityGroupRequestSchema = z.strictObject({
  name: securityGroupNameSchema.optional(),
  description: z.string().max(DESCRIPTION_MAX_LENGTH).optional(),
});

const port = z.number({ error: 'Ports are numbers from 1 to 65535' }).int('Ports are whole numbers');

/** A rule as the `[+ Rule 추가]` dialog sends it; the engine validates the combinations. */
export const createSecurityGroupRuleRequestSchema = z.strictObject({
  direction: z.enum(RULE_DIRECTIONS, { error: `Direction is ${RULE_DIRECTIONS.join(' or ')}` }),
  etherType: z.enum(ETHER_TYPES, { error: `Ether type is ${ETHER_TYPES.join(' or ')}` }).default('IPv4'),
  protocol: z.enum(RULE_PROTOCOLS, { error: `Protocol is ${RULE_PROTOCOLS.join(', ')} or empty for any` }).nullable(),
  portRangeMin: port.nullable().default(null),
  portRangeMax: port.nullable().default(null),
  remoteIpPrefix: z.string().trim().nullable().default(null),
  remoteGroupId: z.string().nullable().default(null),
  description: z.string().max(DESCRIPTION_MAX_LENGTH).default(''),
});
export type CreateSecurityGroupRuleRequest = z.infer<typeof createSecurityGroupRuleRequestSchema>;

/** The domain's rule as the console shows it: with the remote group's name and a one-line summary. */
export interface SecurityGroupRuleDto extends SecurityGroupRule {
  remoteGroupName: string | null;
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
  id: RuleTemplateId;
  label: string;
  protocol: RuleProtocol;
  portRangeMin: number | null;
  portRangeMax: number | null;
  customizable: boolean;
}
