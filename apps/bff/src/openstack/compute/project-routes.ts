import { ZONES } from '@sandcloud/domain';
import type { Engine } from '@sandcloud/engine';
import { Router, type Request } from 'express';
import { osContext } from '../auth.ts';
import { OsError } from '../errors.ts';

/** Nova limits that Sandcloud does not meter: fixed, as a default Nova shows them. */
const NOVA_DEFAULTS = {
  metadata_items: 0,
  injected_files: 0,
  injected_file_content_bytes: 10240,
  injected_file_path_bytes: 255,
  server_groups: 0,
  server_group_members: 0,
  fixed_ips: -1,
};

/** Availability zones, limits and quotas of the token's project, from the engine's quota guard. */
export function projectRoutes(engine: Engine): Router {
  const router = Router();
  const usageOf = (req: Request) => engine.modules.quotas.usage(osContext(req).project.id);

  router.get(['/os-availability-zone', '/os-availability-zone/detail'], (_req, res) => {
    res.json({ availabilityZoneInfo: ZONES.map((zoneName) => ({ zoneName, zoneState: { available: true }, hosts: null })) });
  });

  router.get('/limits', (req, res) => {
    const usage = usageOf(req);
    res.json({
      limits: {
        rate: [],
        absolute: {
          maxTotalInstances: usage.instances.limit,
          maxTotalCores: usage.vcpus.limit,
          maxTotalRAMSize: usage.ramMb.limit,
          maxTotalKeypairs: usage.keyPairs.limit,
          maxTotalFloatingIps: usage.floatingIps.limit,
          maxSecurityGroups: usage.securityGroups.limit,
          maxSecurityGroupRules: usage.securityGroupRules.limit,
          maxServerMeta: NOVA_DEFAULTS.metadata_items,
          maxImageMeta: 0,
          maxPersonality: NOVA_DEFAULTS.injected_files,
          maxPersonalitySize: NOVA_DEFAULTS.injected_file_content_bytes,
          maxServerGroups: NOVA_DEFAULTS.server_groups,
          maxServerGroupMembers: NOVA_DEFAULTS.server_group_members,
          totalInstancesUsed: usage.instances.used,
          totalCoresUsed: usage.vcpus.used,
          totalRAMUsed: usage.ramMb.used,
          totalFloatingIpsUsed: usage.floatingIps.used,
          totalSecurityGroupsUsed: usage.securityGroups.used,
          totalServerGroupsUsed: 0,
        },
      },
    });
  });

  const quotaSet = (req: Request, detail: boolean) => {
    const projectId = osContext(req).project.id;
    if (req.params.tenantId !== projectId) {
      throw new OsError(403, `Policy doesn't allow os_compute_api:os-quota-sets:show to be performed.`);
    }
    const usage = usageOf(req);
    const value = (limit: number, used: number) => (detail ? { limit, in_use: used, reserved: 0 } : limit);
    const fixed = (limit: number) => (detail ? { limit, in_use: 0, reserved: 0 } : limit);
    return {
      quota_set: {
        id: projectId,
        instances: value(usage.instances.limit, usage.instances.used),
        cores: value(usage.vcpus.limit, usage.vcpus.used),
        ram: value(usage.ramMb.limit, usage.ramMb.used),
        key_pairs: value(usage.keyPairs.limit, usage.keyPairs.used),
        floating_ips: value(usage.floatingIps.limit, usage.floatingIps.used),
        security_groups: value(usage.securityGroups.limit, usage.securityGroups.used),
        security_group_rules: value(usage.securityGroupRules.limit, usage.securityGroupRules.used),
        ...Object.fromEntries(Object.entries(NOVA_DEFAULTS).map(([name, limit]) => [name, fixed(limit)])),
      },
    };
  };
  router.get('/os-quota-sets/:tenantId', (req, res) => res.json(quotaSet(req, false)));
  router.get('/os-quota-sets/:tenantId/detail', (req, res) => res.json(quotaSet(req, true)));
  router.get('/os-quota-sets/:tenantId/defaults', (req, res) => res.json(quotaSet(req, false)));

  return router;
}
