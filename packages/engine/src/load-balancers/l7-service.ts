import { L7_LIMITS } from '@sandcloud/domain';
import { conflict, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import { compileL7, type L7Program } from './l7-matching.ts';
import { L7_KINDS, type L7Policy, type L7Rule } from './l7-policy.ts';
import * as validate from './l7-validation.ts';
import type { L7PolicyInput, L7RuleInput } from './l7-validation.ts';
import { LB_KINDS, LISTENER_POOL_PROTOCOLS, type Listener, type LoadBalancer, type Pool } from './load-balancer.ts';
import type { LoadBalancerExtension, LoadBalancerService } from './load-balancer-service.ts';

export interface CreateL7PolicyInput extends L7PolicyInput {
  listenerId: string;
  /** Rules created with the policy, in the same change (Octavia's single-call create). */
  rules?: L7RuleInput[] | undefined;
}

/**
 * Octavia's L7 policies and rules on a load balancer's listeners. Every change is a change of the
 * load balancer (`LoadBalancerService.applyChange`: 409 while it is not ACTIVE, PENDING_UPDATE
 * until it is applied), and the rows it touches are PENDING_* until the load balancer settles them
 * (`settle`). Positions are Octavia's: 1…n per listener, a new or moved policy is inserted at its
 * position (or last) and the others renumbered. The listener's policies go with the listener; a
 * pool a REDIRECT_TO_POOL policy sends to cannot be deleted (409). What the policies do to requests
 * is `compileL7`, asked through `program` by the traffic module's routing.
 */
export class L7Service implements LoadBalancerExtension {
  constructor(
    private readonly store: ResourceStore,
    private readonly loadBalancers: LoadBalancerService,
  ) {
    loadBalancers.extend(this);
  }

  // ——— reads ———

  /** The project's policies, oldest first (Octavia's default list order). */
  listPolicies(projectId: string): L7Policy[] {
    return this.store.list<L7Policy>(L7_KINDS.policy, projectId);
  }

  getPolicy(projectId: string, id: string): L7Policy {
    const policy = this.store.get<L7Policy>(L7_KINDS.policy, id);
    if (!policy || policy.projectId !== projectId) throw notFound('L7 policy', id);
    return policy;
  }

  /** A listener's policies in position order. */
  policiesOf(listenerId: string): L7Policy[] {
    return this.store.findBy<L7Policy>(L7_KINDS.policy, 'listenerId', listenerId).sort((a, b) => a.position - b.position);
  }

  /** A policy's rules, oldest first. */
  rulesOf(policyId: string): L7Rule[] {
    return this.store.findBy<L7Rule>(L7_KINDS.rule, 'policyId', policyId).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  getRule(projectId: string, policyId: string, id: string): L7Rule {
    this.getPolicy(projectId, policyId);
    const rule = this.store.get<L7Rule>(L7_KINDS.rule, id);
    if (!rule || rule.policyId !== policyId) throw notFound('L7 rule', id);
    return rule;
  }

  /** The listener's active policies compiled for the data plane (null: none takes part). */
  program(listenerId: string): L7Program | null {
    return compileL7(this.policiesOf(listenerId), (policyId) => this.rulesOf(policyId));
  }

  // ——— policies ———

  createPolicy(projectId: string, input: CreateL7PolicyInput): L7Policy {
    const name = validate.policyName(input.name);
    const description = validate.policyDescription(input.description);
    const wanted = input.position === undefined ? L7_LIMITS.position.max : validate.position(input.position);
    const target = validate.policyTarget(input, null);
    const rules = (input.rules ?? []).map((rule) => validate.rule(rule));
    if (rules.length > L7_LIMITS.rulesPerPolicy) {
      throw conflict(`Too many rules on L7 policy ${name || target.action}`).coded('l7.tooManyRules', { policy: name || target.action, max: L7_LIMITS.rulesPerPolicy });
    }
    const listener = this.listenerIn(projectId, input.listenerId);
    return this.loadBalancers.applyChange(projectId, listener.loadBalancerId, `L7 policy ${name || target.action} added`, (lb) => {
      this.checkPool(lb, listener, target.redirectPoolId);
      this.markListener(listener);
      const policy = this.store.insert<L7Policy>(L7_KINDS.policy, {
        id: newId(),
        projectId,
        name,
        status: 'PENDING_CREATE',
        loadBalancerId: lb.id,
        listenerId: listener.id,
        description,
        ...target,
        // Placed by `reorder` below.
        position: 0,
        adminStateUp: input.adminStateUp ?? true,
      });
      for (const rule of rules) {
        this.store.insert<L7Rule>(L7_KINDS.rule, { id: newId(), projectId, name: '', status: 'PENDING_CREATE', loadBalancerId: lb.id, listenerId: listener.id, policyId: policy.id, ...rule });
      }
      return this.reorder(listener.id, policy, wanted);
    });
  }

  updatePolicy(projectId: string, id: string, input: L7PolicyInput): L7Policy {
    const current = this.getPolicy(projectId, id);
    const name = input.name === undefined ? undefined : validate.policyName(input.name);
    const description = input.description === undefined ? undefined : validate.policyDescription(input.description);
    const wanted = input.position === undefined ? undefined : validate.position(input.position);
    const target = validate.policyTarget(input, current);
    return this.loadBalancers.applyChange(projectId, current.loadBalancerId, `L7 policy ${current.name || current.id} updated`, (lb) => {
      const policy = this.getPolicy(projectId, id);
      const listener = this.listenerIn(projectId, policy.listenerId);
      this.checkPool(lb, listener, target.redirectPoolId);
      this.markListener(listener);
      const updated = this.store.update<L7Policy>(L7_KINDS.policy, policy, {
        ...target,
        ...(name !== undefined ? { name } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(input.adminStateUp !== undefined ? { adminStateUp: input.adminStateUp } : {}),
        status: 'PENDING_UPDATE',
      });
      return wanted === undefined || wanted === updated.position ? updated : this.reorder(listener.id, updated, wanted);
    });
  }

  deletePolicy(projectId: string, id: string): void {
    const policy = this.getPolicy(projectId, id);
    this.loadBalancers.applyChange(projectId, policy.loadBalancerId, `L7 policy ${policy.name || policy.id} deleted`, () => {
      const listener = this.store.get<Listener>(LB_KINDS.listener, policy.listenerId);
      if (listener) this.markListener(listener);
      this.removePolicy(policy);
      this.renumber(policy.listenerId);
    });
  }

  // ——— rules ———

  createRule(projectId: string, policyId: string, input: L7RuleInput): L7Rule {
    const policy = this.getPolicy(projectId, policyId);
    const settings = validate.rule(input);
    return this.loadBalancers.applyChange(projectId, policy.loadBalancerId, `L7 rule ${settings.type} added`, () => {
      const current = this.getPolicy(projectId, policyId);
      const count = this.rulesOf(policyId).length;
      if (count >= L7_LIMITS.rulesPerPolicy) {
        throw conflict(`Too many rules on L7 policy ${policyId}`).coded('l7.tooManyRules', { policy: current.name || current.id, max: L7_LIMITS.rulesPerPolicy });
      }
      this.markPolicy(current);
      return this.store.insert<L7Rule>(L7_KINDS.rule, {
        id: newId(),
        projectId,
        name: '',
        status: 'PENDING_CREATE',
        loadBalancerId: current.loadBalancerId,
        listenerId: current.listenerId,
        policyId,
        ...settings,
      });
    });
  }

  /** Octavia's PUT: the rule is validated as it will be, the fields not given kept. */
  updateRule(projectId: string, policyId: string, id: string, input: Partial<L7RuleInput>): L7Rule {
    const rule = this.getRule(projectId, policyId, id);
    const settings = validate.rule({
      type: input.type ?? rule.type,
      compareType: input.compareType ?? rule.compareType,
      key: input.key === undefined ? rule.key : input.key,
      value: input.value ?? rule.value,
      invert: input.invert ?? rule.invert,
      adminStateUp: input.adminStateUp ?? rule.adminStateUp,
    });
    return this.loadBalancers.applyChange(projectId, rule.loadBalancerId, `L7 rule ${settings.type} updated`, () => {
      this.markPolicy(this.getPolicy(projectId, policyId));
      return this.store.update<L7Rule>(L7_KINDS.rule, this.getRule(projectId, policyId, id), { ...settings, status: 'PENDING_UPDATE' });
    });
  }

  deleteRule(projectId: string, policyId: string, id: string): void {
    const rule = this.getRule(projectId, policyId, id);
    this.loadBalancers.applyChange(projectId, rule.loadBalancerId, `L7 rule ${rule.type} deleted`, () => {
      this.markPolicy(this.getPolicy(projectId, policyId));
      this.store.delete(L7_KINDS.rule, rule);
    });
  }

  // ——— the load balancer's hooks (`LoadBalancerExtension`) ———

  /** The load balancer's change is applied: its PENDING_* policies and rules become ACTIVE. */
  settle(lb: LoadBalancer): void {
    for (const policy of this.store.findBy<L7Policy>(L7_KINDS.policy, 'loadBalancerId', lb.id)) {
      if (policy.status.startsWith('PENDING_')) this.store.update<L7Policy>(L7_KINDS.policy, policy, { status: 'ACTIVE' });
    }
    for (const rule of this.store.findBy<L7Rule>(L7_KINDS.rule, 'loadBalancerId', lb.id)) {
      if (rule.status.startsWith('PENDING_')) this.store.update<L7Rule>(L7_KINDS.rule, rule, { status: 'ACTIVE' });
    }
  }

  /** A listener goes (alone or with its load balancer): its policies and their rules go with it. */
  listenerRemoved(listener: Listener): void {
    for (const policy of this.policiesOf(listener.id)) this.removePolicy(policy);
  }

  /** The load balancer is deleted: every policy of it goes first, so its pools are free to go. */
  removingLoadBalancer(lb: LoadBalancer): void {
    for (const policy of this.store.findBy<L7Policy>(L7_KINDS.policy, 'loadBalancerId', lb.id)) this.removePolicy(policy);
  }

  /** Octavia's PoolInUseByL7Policy: a pool a REDIRECT_TO_POOL policy sends to stays. */
  poolRemoving(pool: Pool): void {
    const user = this.store.findBy<L7Policy>(L7_KINDS.policy, 'redirectPoolId', pool.id)[0];
    if (user) {
      throw conflict(`Pool ${pool.id} is in use by L7 policy ${user.id}`).coded('l7.poolInUse', { pool: pool.name || pool.id, policy: user.name || user.id });
    }
  }

  // ——— internals ———

  private listenerIn(projectId: string, listenerId: string): Listener {
    const listener = this.store.get<Listener>(LB_KINDS.listener, listenerId);
    if (!listener || listener.projectId !== projectId) throw notFound('listener', listenerId);
    return listener;
  }

  /** REDIRECT_TO_POOL: a pool of the same load balancer whose protocol fits the listener's. */
  private checkPool(lb: LoadBalancer, listener: Listener, poolId: string | null): void {
    if (!poolId) return;
    const pool = this.store.get<Pool>(LB_KINDS.pool, poolId);
    if (!pool || pool.loadBalancerId !== lb.id) throw notFound('pool', poolId);
    if (!LISTENER_POOL_PROTOCOLS[listener.protocol].includes(pool.protocol)) {
      throw invalidInput(
        `Validation failure: The pool protocol '${pool.protocol}' is invalid while the listener protocol is '${listener.protocol}'.`,
        'redirectPoolId',
      ).coded('l7.poolProtocol', { poolProtocol: pool.protocol, listenerProtocol: listener.protocol });
    }
  }

  /** Octavia puts the listener in PENDING_UPDATE with its load balancer while a policy changes. */
  private markListener(listener: Listener): void {
    const current = this.store.get<Listener>(LB_KINDS.listener, listener.id);
    if (current && !current.status.startsWith('PENDING_')) this.store.update<Listener>(LB_KINDS.listener, current, { status: 'PENDING_UPDATE' });
  }

  private markPolicy(policy: L7Policy): void {
    if (!policy.status.startsWith('PENDING_')) this.store.update<L7Policy>(L7_KINDS.policy, policy, { status: 'PENDING_UPDATE' });
    const listener = this.store.get<Listener>(LB_KINDS.listener, policy.listenerId);
    if (listener) this.markListener(listener);
  }

  /** Moves `policy` to `wanted` (past the end: last) among its listener's policies and numbers them 1…n. */
  private reorder(listenerId: string, policy: L7Policy, wanted: number): L7Policy {
    const others = this.policiesOf(listenerId).filter((candidate) => candidate.id !== policy.id);
    others.splice(Math.min(wanted, others.length + 1) - 1, 0, policy);
    return this.number(others).find((candidate) => candidate.id === policy.id)!;
  }

  private renumber(listenerId: string): void {
    this.number(this.policiesOf(listenerId));
  }

  private number(ordered: L7Policy[]): L7Policy[] {
    return ordered.map((policy, index) => (policy.position === index + 1 ? policy : this.store.update<L7Policy>(L7_KINDS.policy, policy, { position: index + 1 })));
  }

  private removePolicy(policy: L7Policy): void {
    for (const rule of this.rulesOf(policy.id)) this.store.delete(L7_KINDS.rule, rule);
    this.store.delete(L7_KINDS.policy, policy);
  }
}
