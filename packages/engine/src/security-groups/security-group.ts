import type { ResourceBase } from '../store/resource.ts';
import type { SecurityGroupRule } from '@sandcloud/domain';

/** Neutron security group; its rules live inside it, so a group and its rules change atomically. */
export interface SecurityGroup extends ResourceBase {
  description: string;
  rules: SecurityGroupRule[];
}
