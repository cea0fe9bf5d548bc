export { Engine, createEngine, type EngineOptions } from './engine.ts';
export { ManualClock, SystemClock, type Clock } from './core/clock.ts';
export { EngineError, type EngineErrorCode } from './core/errors.ts';
export type { ResourceEvent } from './core/events.ts';
export { allowedActions, type TransitionTable } from './core/state-machine.ts';
export type { TaskFailure, TaskFailureListener } from './core/scheduler.ts';
export type { User, Session, Language } from './identity/identity-service.ts';
export type { Project, ProjectRole, ProjectMember, Permission } from './projects/project-service.ts';
export type { Network, Subnet, Router, Port } from './networking/network-service.ts';
export { parseFloatingPool } from './networking/floating-pool.ts';
export { FLAVORS, findFlavor, type Flavor } from './catalog/flavors.ts';
export { ZONES } from './catalog/zones.ts';
export type { QuotaUsage, Quotas } from './catalog/quotas.ts';
export type { Image, ImageAction } from './images/image.ts';
export { CONTAINER_FORMATS, DISK_FORMATS, isUploaded, MAX_UPLOAD_BYTES, type ImageUpload, type UploadedImage } from './images/image-uploads.ts';
export { VOLUME_TYPES, MIN_VOLUME_GB, MAX_VOLUME_GB, type Volume, type VolumeAction, type VolumeAttachment, type VolumeSnapshot, type VolumeType } from './block-storage/volume.ts';
export { MAX_VOLUME_METADATA_ITEMS, type VolumeMetadataService } from './block-storage/volume-metadata-service.ts';
export type { AttachProblem, CreateVolumeInput, VolumeAttachmentFact, VolumeHooks } from './block-storage/volume-service.ts';
export type { KeyPair } from './key-pairs/key-pair-service.ts';
export type { SecurityGroup } from './security-groups/security-group-service.ts';
export type { SecurityGroupRule } from './network/security-rules.ts';
export { RULE_TEMPLATES } from './network/rule-templates.ts';
export { describeRule } from './network/reachability.ts';
export type { Instance, InstanceAction } from './compute/instance.ts';
export type { FloatingIp } from './floating-ips/floating-ip-service.ts';
export type { ConnectivityResult, ConnectivitySnapshot, ConnectivityTest, ConnectivityVerdict, InstanceVerdicts } from './connectivity/connectivity-service.ts';
export { DEFAULT_INTERNET_SOURCE } from './connectivity/connectivity-service.ts';
export type {
  LoadBalancer,
  Listener as LoadBalancerListener,
  Pool as LoadBalancerPool,
  Member as LoadBalancerMember,
  HealthMonitor,
  LoadBalancerStats,
  LoadBalancerAction,
  OperatingStatus as LoadBalancerOperatingStatus,
  ProvisioningStatus as LoadBalancerProvisioningStatus,
} from './load-balancers/load-balancer.ts';
export type { HealthProbe } from './load-balancers/health.ts';
export type { CreateLoadBalancerInput, ListenerView, LoadBalancerView } from './load-balancers/load-balancer-service.ts';
export type { LoadBalancerReachabilityVerdict } from './load-balancers/reachability.ts';
export type { FlowAction, FlowLogEntry, FlowRecord } from './flow-logs/flow-log-service.ts';
export type { Destination as NetworkDestination } from './guests/guest-network.ts';
export type { ReachabilityVerdict, TrafficSource } from './network/reachability.ts';
