import type { L7CompareType, L7PolicyAction, L7RedirectHttpCode, L7RuleType, OperatingStatus, ProvisioningStatus } from '@sandcloud/domain';
import type { ResourceBase } from '../store/resource-store.ts';

// Octavia's L7 policies and rules as rows of the generic store, beside the load balancer's other
// rows (`load-balancer.ts`). A policy belongs to a listener and has a 1-based `position` among the
// listener's policies (kept dense: 1…n); a rule belongs to a policy. Both carry Octavia's
// provisioning status, settled with their load balancer's change (PENDING_* → ACTIVE).

export const L7_KINDS = {
  policy: 'lb-l7policy',
  rule: 'lb-l7rule',
} as const;

export interface L7Policy extends ResourceBase {
  status: ProvisioningStatus;
  loadBalancerId: string;
  listenerId: string;
  description: string;
  action: L7PolicyAction;
  position: number;
  /** REDIRECT_TO_POOL: a pool of the same load balancer. */
  redirectPoolId: string | null;
  /** REDIRECT_TO_URL: the whole Location. */
  redirectUrl: string | null;
  /** REDIRECT_PREFIX: the Location is this prefix followed by the request's path and query. */
  redirectPrefix: string | null;
  /** REDIRECT_TO_URL / REDIRECT_PREFIX only. */
  redirectHttpCode: L7RedirectHttpCode | null;
  adminStateUp: boolean;
}

export interface L7Rule extends ResourceBase {
  status: ProvisioningStatus;
  loadBalancerId: string;
  listenerId: string;
  policyId: string;
  type: L7RuleType;
  compareType: L7CompareType;
  /** The header or cookie name (HEADER, COOKIE), or the DN field (SSL_DN_FIELD); null otherwise. */
  key: string | null;
  value: string;
  invert: boolean;
  adminStateUp: boolean;
}

/** Octavia: an enabled policy or rule is ONLINE once its load balancer serves; a disabled one OFFLINE. */
export function l7OperatingStatus(row: Pick<L7Policy | L7Rule, 'adminStateUp'>, serving: boolean): OperatingStatus {
  return row.adminStateUp && serving ? 'ONLINE' : 'OFFLINE';
}
