import { L7_COMPARE_TYPES, L7_LIMITS, L7_POLICY_ACTIONS, L7_REDIRECT_HTTP_CODES, L7_RULE_TYPES } from '@sandcloud/domain';
import { EngineError, type Engine, type L7Policy, type L7Rule, type LoadBalancer } from '@sandcloud/engine';
import type { Request, Router } from 'express';
import { z } from 'zod';
import { osContext } from '../auth.ts';
import { baseUrl } from '../catalog.ts';
import { osTime, parseBody, queryLimit, queryString, queryValues } from '../common.ts';
import { OsError } from '../errors.ts';

// Octavia's L7 policies and rules: /v2[.0]/lbaas/l7policies and /l7policies/{id}/rules, over the
// engine's `L7Service`. Each change is a change of the load balancer (409 "immutable" while it is
// not ACTIVE, as Octavia answers); errors are Octavia's `{faultcode, faultstring}` through the
// load-balancer router's error handler. Lists follow Octavia's pagination helper: filters on any
// attribute, `fields`, `sort=key:dir,…` (or `sort_key`/`sort_dir`), `limit` + `marker`, oldest first
// by default.

const position = z.number().int().min(L7_LIMITS.position.min).max(L7_LIMITS.position.max);
const redirectCode = z.union(L7_REDIRECT_HTTP_CODES.map((code) => z.literal(code)) as [z.ZodLiteral<301>, ...z.ZodLiteral<number>[]]);
const text = (max: number) => z.string().max(max);
const ruleFields = {
  type: z.enum(L7_RULE_TYPES),
  compare_type: z.enum(L7_COMPARE_TYPES),
  value: z.string(),
  key: z.string().nullable().optional(),
  invert: z.boolean().optional(),
  admin_state_up: z.boolean().optional(),
  project_id: z.string().optional(),
};
const ruleSchema = z.strictObject(ruleFields);
const policyFields = {
  name: text(L7_LIMITS.nameLength).nullable().optional(),
  description: text(L7_LIMITS.descriptionLength).nullable().optional(),
  admin_state_up: z.boolean().optional(),
  action: z.enum(L7_POLICY_ACTIONS).optional(),
  redirect_pool_id: z.string().nullable().optional(),
  redirect_url: z.string().nullable().optional(),
  redirect_prefix: z.string().nullable().optional(),
  redirect_http_code: redirectCode.nullable().optional(),
  position: position.optional(),
};
const createPolicySchema = z.strictObject({
  l7policy: z.strictObject({ ...policyFields, action: z.enum(L7_POLICY_ACTIONS), listener_id: z.string().min(1), project_id: z.string().optional(), rules: z.array(ruleSchema).optional() }),
});
const updatePolicySchema = z.strictObject({ l7policy: z.strictObject(policyFields) });
const createRuleSchema = z.strictObject({ rule: ruleSchema });
const updateRuleSchema = z.strictObject({ rule: z.strictObject({ ...ruleFields, type: ruleFields.type.optional(), compare_type: ruleFields.compare_type.optional(), value: ruleFields.value.optional() }) });

type RuleBody = z.infer<typeof ruleSchema>;

const serving = (lb: LoadBalancer) => lb.status === 'ACTIVE' || lb.status === 'PENDING_UPDATE';
/** Octavia: ONLINE once applied while enabled; OFFLINE while disabled or not yet applied. */
const operatingStatus = (row: L7Policy | L7Rule, lb: LoadBalancer) => (row.adminStateUp && row.status !== 'PENDING_CREATE' && serving(lb) ? 'ONLINE' : 'OFFLINE');

function ruleView(rule: L7Rule, lb: LoadBalancer) {
  return {
    id: rule.id,
    type: rule.type,
    compare_type: rule.compareType,
    key: rule.key,
    value: rule.value,
    invert: rule.invert,
    admin_state_up: rule.adminStateUp,
    provisioning_status: rule.status,
    operating_status: operatingStatus(rule, lb),
    project_id: rule.projectId,
    tenant_id: rule.projectId,
    created_at: osTime(rule.createdAt),
    updated_at: osTime(rule.updatedAt),
    tags: [] as string[],
  };
}

function policyView(policy: L7Policy, rules: L7Rule[], lb: LoadBalancer) {
  return {
    id: policy.id,
    name: policy.name,
    description: policy.description,
    provisioning_status: policy.status,
    operating_status: operatingStatus(policy, lb),
    admin_state_up: policy.adminStateUp,
    project_id: policy.projectId,
    tenant_id: policy.projectId,
    action: policy.action,
    listener_id: policy.listenerId,
    redirect_pool_id: policy.redirectPoolId,
    redirect_url: policy.redirectUrl,
    redirect_prefix: policy.redirectPrefix,
    redirect_http_code: policy.redirectHttpCode,
    position: policy.position,
    rules: rules.map((rule) => ({ id: rule.id })),
    created_at: osTime(policy.createdAt),
    updated_at: osTime(policy.updatedAt),
    tags: [] as string[],
  };
}

const NOT_FILTERS = new Set(['fields', 'limit', 'marker', 'sort', 'sort_key', 'sort_dir', 'page_reverse']);

function filterMatches(value: unknown, wanted: string[]): boolean {
  if (value === null || value === undefined) return wanted.some((w) => w === '' || w === 'None');
  if (typeof value === 'boolean') return wanted.some((w) => w.toLowerCase() === String(value));
  if (typeof value === 'object') return true;
  return wanted.includes(String(value));
}

/** `sort=description:desc,id` or `sort_key=…&sort_dir=…` as [key, direction] pairs; created_at then id by default. */
function sortKeys(req: Request): [string, 1 | -1][] {
  const keys: [string, 1 | -1][] = [];
  for (const part of queryValues(req.query.sort).flatMap((value) => value.split(','))) {
    const [key, dir] = part.split(':');
    if (!key) continue;
    if (dir !== undefined && dir !== 'asc' && dir !== 'desc') throw new OsError(400, `Invalid sort direction ${dir}: use asc or desc`);
    keys.push([key.trim(), dir === 'desc' ? -1 : 1]);
  }
  const sortKey = queryString(req.query.sort_key);
  if (sortKey) keys.push([sortKey, queryString(req.query.sort_dir) === 'desc' ? -1 : 1]);
  return keys;
}

interface Entry<V> {
  view: V;
  row: { id: string; createdAt: number; updatedAt: number };
}

/** Octavia's pagination helper over views: filters, sort, marker + limit (with a next link), fields. */
function octaviaList<V extends { id: string }>(req: Request, collection: string, entries: Entry<V>[]): Record<string, unknown> {
  let list = entries;
  for (const [param, raw] of Object.entries(req.query)) {
    if (NOT_FILTERS.has(param)) continue;
    const wanted = queryValues(raw);
    list = list.filter(({ view }) => !(param in view) || filterMatches((view as Record<string, unknown>)[param], wanted));
  }
  const value = (entry: Entry<V>, key: string): unknown =>
    key === 'created_at' ? entry.row.createdAt : key === 'updated_at' ? entry.row.updatedAt : (entry.view as Record<string, unknown>)[key];
  const keys: [string, 1 | -1][] = [...sortKeys(req), ['created_at', 1], ['id', 1]];
  list = [...list].sort((a, b) => {
    for (const [key, direction] of keys) {
      const x = value(a, key);
      const y = value(b, key);
      if (x === y) continue;
      if (typeof x === 'number' && typeof y === 'number') return (x - y) * direction;
      const [sx, sy] = [String(x ?? ''), String(y ?? '')];
      if (sx !== sy) return (sx < sy ? -1 : 1) * direction;
    }
    return 0;
  });
  const marker = queryString(req.query.marker);
  if (marker !== undefined) {
    const at = list.findIndex(({ view }) => view.id === marker);
    if (at < 0) throw new OsError(400, `Marker ${marker} could not be found`);
    list = list.slice(at + 1);
  }
  const limit = queryLimit(req.query.limit, (message) => new OsError(400, message));
  const links: { rel: string; href: string }[] = [];
  if (limit !== undefined && limit > 0 && list.length > limit) {
    list = list.slice(0, limit);
    links.push({ rel: 'next', href: `${baseUrl(req)}${req.originalUrl.split('?')[0]}?limit=${limit}&marker=${list[list.length - 1]!.view.id}` });
  }
  const fields = queryValues(req.query.fields);
  const pick = (view: V) => (fields.length === 0 ? view : Object.fromEntries(Object.entries(view).filter(([key]) => fields.includes(key))));
  return { [collection]: list.map(({ view }) => pick(view)), [`${collection}_links`]: links };
}

const selected = <V extends object>(req: Request, view: V) => {
  const fields = queryValues(req.query.fields);
  return fields.length === 0 ? view : Object.fromEntries(Object.entries(view).filter(([key]) => fields.includes(key)));
};

const ruleInput = (body: RuleBody) => ({
  type: body.type,
  compareType: body.compare_type,
  value: body.value,
  ...(body.key !== undefined ? { key: body.key } : {}),
  ...(body.invert !== undefined ? { invert: body.invert } : {}),
  ...(body.admin_state_up !== undefined ? { adminStateUp: body.admin_state_up } : {}),
});

/** Octavia wraps a rule's validation failure: "Error parsing L7Rule: Invalid L7 Rule: …". */
function asRuleError(error: unknown): never {
  if (error instanceof EngineError && error.code === 'INVALID_INPUT') throw new OsError(400, `Error parsing L7Rule: ${error.message}`);
  throw error;
}

/** Registers the L7 routes on the Octavia API router (behind its token check and error handler). */
export function registerL7Routes(api: Router, engine: Engine): void {
  const { l7, loadBalancers } = engine.modules;
  const projectOf = (req: Request) => osContext(req).project.id;
  const lbOf = (req: Request, id: string) => loadBalancers.get(projectOf(req), id);
  const mutable = (lb: LoadBalancer) => {
    if (lb.status !== 'ACTIVE') throw new OsError(409, `Load Balancer ${lb.id} is immutable and cannot be updated.`);
  };
  const findPolicy = (req: Request, id: string): L7Policy => {
    const policy = l7.listPolicies(projectOf(req)).find((candidate) => candidate.id === id);
    if (!policy) throw new OsError(404, `L7 Policy ${id} not found.`);
    return policy;
  };
  const findRule = (req: Request, policy: L7Policy, id: string): L7Rule => {
    const rule = l7.rulesOf(policy.id).find((candidate) => candidate.id === id);
    if (!rule) throw new OsError(404, `L7 Rule ${id} not found.`);
    return rule;
  };
  const policyJson = (req: Request, id: string) => {
    const policy = findPolicy(req, id);
    return policyView(policy, l7.rulesOf(policy.id), lbOf(req, policy.loadBalancerId));
  };
  /** The pool a policy redirects to must be one of the load balancer's ("Pool … not found.", as Octavia's `_pool_check`). */
  const checkPool = (req: Request, lbId: string, poolId: string | null | undefined) => {
    if (!poolId) return;
    if (!loadBalancers.parts(lbOf(req, lbId)).pools.some((entry) => entry.pool.id === poolId)) throw new OsError(404, `Pool ${poolId} not found.`);
  };
  const policyInput = (body: z.infer<typeof updatePolicySchema>['l7policy']) => ({
    ...(body.action !== undefined ? { action: body.action } : {}),
    ...(body.name !== undefined && body.name !== null ? { name: body.name } : {}),
    ...(body.description !== undefined && body.description !== null ? { description: body.description } : {}),
    ...(body.admin_state_up !== undefined ? { adminStateUp: body.admin_state_up } : {}),
    ...(body.position !== undefined ? { position: body.position } : {}),
    ...(body.redirect_pool_id !== undefined ? { redirectPoolId: body.redirect_pool_id } : {}),
    ...(body.redirect_url !== undefined ? { redirectUrl: body.redirect_url } : {}),
    ...(body.redirect_prefix !== undefined ? { redirectPrefix: body.redirect_prefix } : {}),
    ...(body.redirect_http_code !== undefined ? { redirectHttpCode: body.redirect_http_code } : {}),
  });

  // Policies.
  api.get('/lbaas/l7policies', (req, res) => {
    const projectId = projectOf(req);
    const lbs = new Map(loadBalancers.list(projectId).map((lb) => [lb.id, lb]));
    const entries = l7.listPolicies(projectId).flatMap((policy) => {
      const lb = lbs.get(policy.loadBalancerId);
      return lb ? [{ view: policyView(policy, l7.rulesOf(policy.id), lb), row: policy }] : [];
    });
    res.json(octaviaList(req, 'l7policies', entries));
  });
  api.get('/lbaas/l7policies/:id', (req, res) => res.json({ l7policy: selected(req, policyJson(req, String(req.params.id))) }));
  api.post('/lbaas/l7policies', (req, res) => {
    const { l7policy: body } = parseBody(createPolicySchema, req.body ?? {});
    const projectId = projectOf(req);
    const listener = loadBalancers
      .list(projectId)
      .flatMap((lb) => loadBalancers.parts(lb).listeners)
      .find((candidate) => candidate.id === body.listener_id);
    if (!listener) throw new OsError(404, `Listener ${body.listener_id} not found.`);
    checkPool(req, listener.loadBalancerId, body.redirect_pool_id);
    mutable(lbOf(req, listener.loadBalancerId));
    let policy: L7Policy;
    try {
      policy = l7.createPolicy(projectId, { ...policyInput(body), listenerId: listener.id, ...(body.rules ? { rules: body.rules.map(ruleInput) } : {}) });
    } catch (error) {
      if (body.rules && error instanceof EngineError && error.code === 'INVALID_INPUT' && /L7 Rule/.test(error.message)) asRuleError(error);
      throw error;
    }
    res.status(201).json({ l7policy: policyJson(req, policy.id) });
  });
  api.put('/lbaas/l7policies/:id', (req, res) => {
    const { l7policy: body } = parseBody(updatePolicySchema, req.body ?? {});
    const policy = findPolicy(req, String(req.params.id));
    checkPool(req, policy.loadBalancerId, body.redirect_pool_id);
    mutable(lbOf(req, policy.loadBalancerId));
    l7.updatePolicy(projectOf(req), policy.id, policyInput(body));
    res.json({ l7policy: policyJson(req, policy.id) });
  });
  api.delete('/lbaas/l7policies/:id', (req, res) => {
    const policy = findPolicy(req, String(req.params.id));
    mutable(lbOf(req, policy.loadBalancerId));
    l7.deletePolicy(projectOf(req), policy.id);
    res.status(204).end();
  });

  // Rules.
  const ruleJson = (req: Request, policy: L7Policy, id: string) => ruleView(findRule(req, policy, id), lbOf(req, policy.loadBalancerId));
  api.get('/lbaas/l7policies/:policyId/rules', (req, res) => {
    const policy = findPolicy(req, String(req.params.policyId));
    const lb = lbOf(req, policy.loadBalancerId);
    res.json(octaviaList(req, 'rules', l7.rulesOf(policy.id).map((rule) => ({ view: ruleView(rule, lb), row: rule }))));
  });
  api.get('/lbaas/l7policies/:policyId/rules/:id', (req, res) => {
    const policy = findPolicy(req, String(req.params.policyId));
    res.json({ rule: selected(req, ruleJson(req, policy, String(req.params.id))) });
  });
  api.post('/lbaas/l7policies/:policyId/rules', (req, res) => {
    const { rule: body } = parseBody(createRuleSchema, req.body ?? {});
    const policy = findPolicy(req, String(req.params.policyId));
    mutable(lbOf(req, policy.loadBalancerId));
    let rule: L7Rule;
    try {
      rule = l7.createRule(projectOf(req), policy.id, ruleInput(body));
    } catch (error) {
      asRuleError(error);
    }
    res.status(201).json({ rule: ruleJson(req, policy, rule.id) });
  });
  api.put('/lbaas/l7policies/:policyId/rules/:id', (req, res) => {
    const { rule: body } = parseBody(updateRuleSchema, req.body ?? {});
    const policy = findPolicy(req, String(req.params.policyId));
    const rule = findRule(req, policy, String(req.params.id));
    mutable(lbOf(req, policy.loadBalancerId));
    try {
      l7.updateRule(projectOf(req), policy.id, rule.id, {
        ...(body.type !== undefined ? { type: body.type } : {}),
        ...(body.compare_type !== undefined ? { compareType: body.compare_type } : {}),
        ...(body.value !== undefined ? { value: body.value } : {}),
        ...(body.key !== undefined ? { key: body.key } : {}),
        ...(body.invert !== undefined ? { invert: body.invert } : {}),
        ...(body.admin_state_up !== undefined ? { adminStateUp: body.admin_state_up } : {}),
      });
    } catch (error) {
      asRuleError(error);
    }
    res.json({ rule: ruleJson(req, policy, rule.id) });
  });
  api.delete('/lbaas/l7policies/:policyId/rules/:id', (req, res) => {
    const policy = findPolicy(req, String(req.params.policyId));
    const rule = findRule(req, policy, String(req.params.id));
    mutable(lbOf(req, policy.loadBalancerId));
    l7.deleteRule(projectOf(req), policy.id, rule.id);
    res.status(204).end();
  });
}
