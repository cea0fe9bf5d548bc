import type { VolumeSnapshot, Volume } from '../block-storage/volume.ts';
import type { Instance } from '../compute/instance.ts';
import type { FloatingIp } from '../floating-ips/floating-ip.ts';
import type { Image } from '../images/image.ts';
import type { KeyPair } from '../key-pairs/key-pair-service.ts';
import type { Listener, LoadBalancer, Member, Pool } from '../load-balancers/load-balancer.ts';
import type { L7Policy, L7Rule } from '../load-balancers/l7-policy.ts';
import type { Network, Port, Router, Subnet } from '../networking/network.ts';
import type { Project } from '../projects/project.ts';
import type { SecurityGroup } from '../security-groups/security-group.ts';
import type { ServerGroup } from '../server-groups/server-group.ts';
import type { ResourceStore } from './resource-store.ts';

/**
 * Every kind of resource the engine stores, and its record type: `store.get('instance', id)` is an
 * `Instance` without a type argument. A new kind is one line here.
 */
export interface ResourceKinds {
  project: Project;
  network: Network;
  subnet: Subnet;
  router: Router;
  port: Port;
  'floating-ip': FloatingIp;
  'security-group': SecurityGroup;
  'key-pair': KeyPair;
  image: Image;
  instance: Instance;
  volume: Volume;
  'volume-snapshot': VolumeSnapshot;
  'load-balancer': LoadBalancer;
  'lb-listener': Listener;
  'lb-pool': Pool;
  'lb-member': Member;
  'server-group': ServerGroup;
  'lb-l7policy': L7Policy;
  'lb-l7rule': L7Rule;
}

export type ResourceKind = keyof ResourceKinds;

/** The engine's store, typed by its kinds. */
export type Store = ResourceStore<ResourceKinds>;
