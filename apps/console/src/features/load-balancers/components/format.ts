import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import type { Translate } from '../../../lib/i18n/i18n.tsx';

/** Why an action on the load balancer cannot run now (it is PENDING_* or ERROR), or undefined when it can. */
export function blockedReason(loadBalancer: Pick<LoadBalancerDto, 'allowedActions' | 'provisioningStatus'>, action: 'update' | 'delete', t: Translate): string | undefined {
  return loadBalancer.allowedActions.includes(action) ? undefined : t('lb.busy', { status: loadBalancer.provisioningStatus });
}

/** "HTTP 80 → 80, TCP 443 → 8443" */
export const listenerSummary = (loadBalancer: Pick<LoadBalancerDto, 'listeners'>) =>
  loadBalancer.listeners.map((listener) => `${listener.protocol} ${listener.protocolPort} → ${listener.pool.memberPort}`).join(', ');
