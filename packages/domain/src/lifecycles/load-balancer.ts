// Octavia load balancers' lifecycle, as data (see `lifecycle.ts`; the engine's lifecycle runner
// executes it). Octavia refuses changes while a load balancer is PENDING_* ("immutable"); an ERROR
// one can only be deleted. Listeners, pools and members carry the same provisioning statuses and
// follow their load balancer (its task functions settle them).
import type { Lifecycle } from './lifecycle.ts';

import type { LoadBalancerAction, ProvisioningStatus } from '../load-balancing.ts';

export type LoadBalancerState = { status: ProvisioningStatus };
export type LoadBalancerLifecycleAction = 'create' | LoadBalancerAction;

const FAILED: LoadBalancerState = { status: 'ERROR' };

export const LOAD_BALANCER_LIFECYCLE = {
  noun: 'load balancer',
  actions: {
    create: { from: 'new', steps: [{ state: { status: 'PENDING_CREATE' }, ms: 4_000 }], to: [{ status: 'ACTIVE' }], error: FAILED },
    /** Any change to the load balancer, its listeners, pools, members or health checks. */
    update: { from: ['ACTIVE'], steps: [{ state: { status: 'PENDING_UPDATE' }, ms: 1_000 }], to: [{ status: 'ACTIVE' }], error: FAILED },
    delete: { from: ['ACTIVE', 'ERROR'], steps: [{ state: { status: 'PENDING_DELETE' }, ms: 2_000 }], to: 'deleted', error: FAILED },
  },
} as const satisfies Lifecycle<ProvisioningStatus, LoadBalancerState, LoadBalancerLifecycleAction>;
