import type { SecurityGroupRule } from '@sandcloud/domain';
import { EngineError, type Engine, type SecurityGroup } from '@sandcloud/engine';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { osContext } from '../auth.ts';
import { parseBody } from '../common.ts';
import { OsError } from '../errors.ts';
import { neutronList, selectFields } from './neutron-list.ts';

/** Protocol names and numbers Neutron accepts, for the three Sandcloud's rules filter. */
const PROTOCOLS: Record<string, 'tcp' | 'udp' | 'icmp' | 'icmpv6' | null> = {
  tcp: 'tcp',
  '6': 'tcp',
  udp: 'udp',
  '17': 'udp',
  icmp: 'icmp',
  '1': 'icmp',
  'ipv6-icmp': 'icmpv6',
  icmpv6: 'icmpv6',
  '58': 'icmpv6',
  any: null,
};

const port = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]).nullable().optional();
const ruleSchema = z.strictObject({
  security_group_rule: z.strictObject({
    security_group_id: z.string().min(1),
    direction: z.enum(['ingress', 'egress'], { error: "Invalid input for direction. Reason: direction must be 'ingress' or 'egress'." }),
    ethertype: z.enum(['IPv4', 'IPv6'], { error: 'Invalid input for ethertype. Reason: ethertype must be IPv4 or IPv6.' }).optional(),
    protocol: z.union([z.string(), z.number().int()]).nullable().optional(),
    port_range_min: port,
    port_range_max: port,
    remote_ip_prefix: z.string().nullable().optional(),
    remote_group_id: z.string().nullable().optional(),
    remote_address_group_id: z.null().optional(),
    description: z.string().max(255).optional(),
    tenant_id: z.string().optional(),
    project_id: z.string().optional(),
  }),
});

/**
 * Neutron's port-range checks, with its messages: a TCP/UDP port is 0–65535 and min ≤ max (a max
 * without a min is refused too); an ICMP type (min) and code (max) are 0–255, and a code needs a type.
 */
function portRangeProblem(protocol: string | number | null | undefined, min: number | null, max: number | null): string | null {
  const name = protocol === null || protocol === undefined ? null : (PROTOCOLS[String(protocol).toLowerCase()] ?? undefined);
  if (name === 'tcp' || name === 'udp') {
    for (const value of [min, max]) if (value !== null && (value < 0 || value > 65535)) return `Invalid value for port ${value}.`;
    if (max !== null && (min === null || min > max)) return 'For TCP/UDP protocols, port_range_min must be <= port_range_max';
  }
  if (name === 'icmp' || name === 'icmpv6') {
    if (min !== null && (min < 0 || min > 255)) return `Invalid value for ICMP type (port-range-min): ${min}. It must be 0 to 255.`;
    if (max !== null && (max < 0 || max > 255)) return `Invalid value for ICMP code (port-range-max): ${max}. It must be 0 to 255.`;
    if (max !== null && min === null) return `ICMP code (port-range-max) ${max} is provided but ICMP type (port-range-min) is missing.`;
  }
  return null;
}

type RuleView = (rule: SecurityGroupRule, group: SecurityGroup) => object & { id: string };

/** Security group rules: Neutron's own resource, stored inside their group by the engine. */
export function securityGroupRuleRoutes(engine: Engine, ruleView: RuleView): Router {
  const router = Router();
  const { securityGroups } = engine.modules;
  const projectOf = (req: Request) => osContext(req).project.id;
  const allRules = (req: Request) => securityGroups.list(projectOf(req)).flatMap((group) => group.rules.map((rule) => ({ rule, group })));
  const findRule = (req: Request) => {
    const found = allRules(req).find(({ rule }) => rule.id === req.params.id);
    if (!found) throw new OsError(404, `Security group rule ${String(req.params.id)} does not exist`, 'SecurityGroupRuleNotFound');
    return found;
  };

  router.get('/security-group-rules', (req, res) => res.json(neutronList(req, 'security_group_rules', allRules(req).map(({ rule, group }) => ruleView(rule, group)))));
  router.get('/security-group-rules/:id', (req, res) => {
    const { rule, group } = findRule(req);
    res.json({ security_group_rule: selectFields(req, ruleView(rule, group)) });
  });
  router.delete('/security-group-rules/:id', (req, res) => {
    const { rule, group } = findRule(req);
    securityGroups.deleteRule(projectOf(req), group.id, rule.id);
    res.status(204).end();
  });

  router.post('/security-group-rules', (req, res) => {
    const { security_group_rule: input } = parseBody(ruleSchema, req.body ?? {});
    const projectId = projectOf(req);
    // Neutron validates the body before it looks anything up: both remotes, then the port range.
    if (input.remote_ip_prefix && input.remote_group_id) {
      throw new OsError(400, 'Only remote_ip_prefix or remote_group_id may be provided.', 'InvalidInput');
    }
    const portProblem = portRangeProblem(input.protocol, input.port_range_min ?? null, input.port_range_max ?? null);
    if (portProblem) throw new OsError(400, `Invalid input for operation: ${portProblem}`, 'InvalidInput');
    const group = securityGroups.list(projectId).find((g) => g.id === input.security_group_id);
    if (!group) throw new OsError(404, `Security group ${input.security_group_id} does not exist`, 'SecurityGroupNotFound');
    const etherType = input.ethertype ?? 'IPv4';
    const protocolText = input.protocol === null || input.protocol === undefined ? null : String(input.protocol).toLowerCase();
    if (protocolText !== null && !Object.hasOwn(PROTOCOLS, protocolText)) {
      throw new OsError(400, `Security group rule protocol ${protocolText} not supported. Sandcloud filters tcp, udp, icmp (and ipv6-icmp) or any protocol.`, 'SecurityGroupRuleInvalidProtocol');
    }
    const protocol = protocolText === null ? null : PROTOCOLS[protocolText]!;
    if (protocol === 'icmpv6' && etherType !== 'IPv6') {
      throw new OsError(400, `Security group rule for ethertype '${etherType}' not supported. Allowed values are ['IPv6'].`, 'SecurityGroupRuleInvalidEtherType');
    }
    try {
      const rule = securityGroups.addRule(projectId, group.id, {
        direction: input.direction,
        etherType,
        protocol: protocol === 'icmpv6' ? 'icmp' : protocol,
        portRangeMin: input.port_range_min ?? null,
        portRangeMax: input.port_range_max ?? null,
        remoteIpPrefix: input.remote_ip_prefix ?? null,
        remoteGroupId: input.remote_group_id ?? null,
        ...(input.description !== undefined ? { description: input.description } : {}),
      });
      const updated = securityGroups.get(projectId, group.id);
      const view = ruleView(rule, updated) as { id: string; protocol?: string | null };
      // Neutron answers the protocol as it was given: a number stays a number ("17"), a name a name.
      res.status(201).json({ security_group_rule: { ...view, ...(protocolText !== null && /^\d+$/.test(protocolText) ? { protocol: protocolText } : {}) } });
    } catch (error) {
      if (error instanceof EngineError && error.code === 'CONFLICT') throw new OsError(409, `Security group rule already exists. ${error.message}`, 'SecurityGroupRuleExists');
      if (error instanceof EngineError && error.code === 'INVALID_INPUT' && error.field === 'remoteGroupId') {
        throw new OsError(404, `Security group ${input.remote_group_id ?? ''} does not exist`, 'SecurityGroupNotFound');
      }
      throw error;
    }
  });

  return router;
}
