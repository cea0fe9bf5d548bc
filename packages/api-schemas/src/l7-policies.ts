import type { L7CompareType, L7PolicyAction, L7RuleType, ProvisioningStatus } from '@sandcloud/domain';

/** One rule of an L7 policy (read-only in the console; changed through Octavia's API). */
export interface L7RuleDto {
  id: string;
  type: L7RuleType;
  compareType: L7CompareType;
  key: string | null;
  value: string;
  invert: boolean;
  adminStateUp: boolean;
}

/** A listener's L7 policy: what it does with a request whose enabled rules all match. */
export interface L7PolicyDto {
  id: string;
  name: string;
  listenerId: string;
  /** 1…n per listener: the order policies are evaluated in. */
  position: number;
  action: L7PolicyAction;
  redirectPoolId: string | null;
  redirectPoolName: string | null;
  redirectUrl: string | null;
  redirectPrefix: string | null;
  redirectHttpCode: number | null;
  adminStateUp: boolean;
  provisioningStatus: ProvisioningStatus;
  rules: L7RuleDto[];
}
