import { QuotaGuard } from './catalog/quota-guard.ts';
import type { Instance } from './compute/instance.ts';
import { InstanceService } from './compute/instance-service.ts';
import { ConnectivityService } from './connectivity/connectivity-service.ts';
import type { Engine } from './engine.ts';
import { FloatingIpService } from './floating-ips/floating-ip-service.ts';
import { ImageService } from './images/image-service.ts';
import { KeyPairService } from './key-pairs/key-pair-service.ts';
import { NetworkService, type Port } from './networking/network-service.ts';
import { SecurityGroupService } from './security-groups/security-group-service.ts';

/**
 * The Compute & Network services, wired to the engine's store, clock and scheduler. Each module
 * registers what it creates when the product is activated in a project, and the usage it meters.
 */
export interface EngineModules {
  quotas: QuotaGuard;
  network: NetworkService;
  images: ImageService;
  keyPairs: KeyPairService;
  securityGroups: SecurityGroupService;
  instances: InstanceService;
  floatingIps: FloatingIpService;
  connectivity: ConnectivityService;
}

export interface ModuleOptions {
  floatingPool: { start: string; end: string };
}

export function registerModules(engine: Engine, options: ModuleOptions): EngineModules {
  const { store, scheduler } = engine;
  const quotas = new QuotaGuard();
  const network = new NetworkService(store, options.floatingPool);
  const images = new ImageService(store);
  const keyPairs = new KeyPairService(store, quotas);
  const securityGroups = new SecurityGroupService(store, quotas);
  const instances = new InstanceService(store, scheduler, quotas, { images, keyPairs, network, securityGroups });
  const floatingIps = new FloatingIpService(store, network, quotas);
  const connectivity = new ConnectivityService(network, floatingIps, securityGroups);

  network.ensurePublicNetwork();
  images.seedPublicImages();
  engine.projects.onActivation((projectId) => {
    network.createDefaultNetwork(projectId);
    securityGroups.createDefault(projectId);
  });

  const instancesOf = (projectId: string) => store.list<Instance>('instance', projectId);
  quotas.meter('instances', (projectId) => store.count('instance', projectId));
  quotas.meter('vcpus', (projectId) => instancesOf(projectId).reduce((sum, i) => sum + i.vcpus, 0));
  quotas.meter('ramMb', (projectId) => instancesOf(projectId).reduce((sum, i) => sum + i.ramMb, 0));
  quotas.meter('floatingIps', (projectId) => store.count('floating-ip', projectId));
  quotas.meter('securityGroups', (projectId) => store.count('security-group', projectId));
  quotas.meter('securityGroupRules', (projectId) => securityGroups.ruleCount(projectId));
  quotas.meter('keyPairs', (projectId) => store.count('key-pair', projectId));

  securityGroups.countUsers((groupId) => store.list<Port>('port').filter((port) => port.securityGroupIds.includes(groupId)).length);
  instances.hooks.beforeDelete.push((instance) => {
    const port = instance.portId ? network.getPort(instance.portId) : undefined;
    if (port) floatingIps.releasePort(port);
  });

  return { quotas, network, images, keyPairs, securityGroups, instances, floatingIps, connectivity };
}
