export { Engine, createEngine, type EngineOptions } from './engine.ts';
export { ManualClock, SystemClock, type Clock } from './core/clock.ts';
export { EngineError, type EngineErrorCode } from './core/errors.ts';
export type { ResourceEvent } from './core/events.ts';
export { allowedActions, type TransitionTable } from './core/state-machine.ts';
export type { TaskFailure, TaskFailureListener } from './core/scheduler.ts';
export type { User, Session, Language, LoginLimitOptions } from './identity/identity-service.ts';
export type { Project, ProjectMember, Permission } from './projects/project-service.ts';
export type { Network, NeutronAttributes, Subnet, Router, Port } from './networking/network-service.ts';
export { parseFloatingPool } from './networking/floating-pool.ts';
export { DEFAULT_NETWORK_NAME, isRouterPort, ROUTER_INTERFACE_OWNER } from './networking/network-service.ts';
export type { InterfaceService, InterfaceTarget } from './networking/interface-service.ts';
export type { Image } from './images/image.ts';
export type { Volume, VolumeAttachment, VolumeSnapshot } from './block-storage/volume.ts';
export { CONTAINER_FORMATS, DISK_FORMATS, isUploaded, MAX_UPLOAD_BYTES, type ImageUpload, type UploadedImage } from './images/image-uploads.ts';
export { MAX_VOLUME_METADATA_ITEMS, type VolumeMetadataService } from './block-storage/volume-metadata-service.ts';
export type { AttachProblem, CreateVolumeInput, VolumeAttachmentFact, VolumeHooks } from './block-storage/volume-service.ts';
export type { KeyPair } from './key-pairs/key-pair-service.ts';
export { generateKeyPairSync } from './key-pairs/ssh-keys.ts';
export type { SecurityGroup } from './security-groups/security-group-service.ts';
export { describeRule } from './network/reachability.ts';
export type { Instance } from './compute/instance.ts';
export type { FloatingIp } from './floating-ips/floating-ip-service.ts';
export type { ConnectivityResult, ConnectivitySnapshot, ConnectivityVerdict, InstanceVerdicts } from './connectivity/connectivity-service.ts';
export { DEFAULT_INTERNET_SOURCE } from './connectivity/connectivity-service.ts';
export type {
  LoadBalancer,
  Listener as LoadBalancerListener,
  Pool as LoadBalancerPool,
  Member as LoadBalancerMember,
  HealthMonitor,
  LoadBalancerStats,
} from './load-balancers/load-balancer.ts';
export type { HealthProbe } from './load-balancers/health.ts';
export type { CreateLoadBalancerInput, ListenerView, LoadBalancerView } from './load-balancers/load-balancer-service.ts';
export type { CreatePoolInput, LoadBalancerParts, PoolView as LoadBalancerPoolView } from './load-balancers/load-balancer-service.ts';
export type { LoadBalancerReachabilityVerdict } from './load-balancers/reachability.ts';
export type { FlowAction, FlowLogEntry, FlowRecord } from './flow-logs/flow-log-service.ts';
export type { Destination as NetworkDestination } from './guests/guest-network.ts';
export type { ReachabilityVerdict, TrafficSource } from './network/reachability.ts';
export { TRAFFIC_KINDS, type Connection, type InstanceTarget, type ListenerRoute, type LoadBalancerTarget, type TrafficChange, type TrafficService, type TrafficTarget } from './traffic/traffic-service.ts';
export type { ConnectionAction, ConnectionVerdict } from './traffic/connection-verdict.ts';
export type { PickedMember } from './traffic/load-balancer-routing.ts';
export type { EngineQueries, InstanceView, PortTarget, Slice, TopologySnapshot } from './queries/engine-queries.ts';
export { sliceOf } from './queries/engine-queries.ts';
export { isInstancePort, isLoadBalancerPort, portOwnerType, type PortOwnerType } from './queries/port-owner.ts';
export { DatabaseStartupError } from './store/database.ts';
export type { ResetReport } from './sandbox/project-reset.ts';
export { STATE_FORMAT, STATE_VERSION, parseState, type ImportReport, type StateDocument, type StateResource } from './sandbox/project-state.ts';
export type { Seed, SeedReport } from './sandbox/seed.ts';
export { QuotaGuard } from './catalog/quota-guard.ts';
export { ActivityLog, ACTIVITY_RETENTION_MS, type ActivityRow, type ActivityFilter } from './activity/activity-log.ts';
export { runInRequest, currentRequest, type ActivityActor, type RequestInfo, type RequestContext } from './activity/activity-context.ts';
export { assertTutorialsConsistent, TUTORIAL_PROGRESS_KIND, type TutorialProgress, type TutorialProgressView, type TutorialStepView } from './tutorials/tutorial-service.ts';
export type { StepHint } from './tutorials/tutorial-checks.ts';
export type { ServerGroup } from './server-groups/server-group.ts';
export type { ServerGroupService } from './server-groups/server-group-service.ts';
export type { ImageMember, ImageMembers } from './images/image-members.ts';
export { MetricsService, METRICS_INTERVAL_MS, type CountedSocket } from './metrics/metrics-service.ts';
export { CLASSROOM_KIND, MAX_LEARNERS, usernameFor, type Classroom, type ClassroomLearner, type EnrollInput, type EnrollResult, type LearnerInput, type LearnerProgress } from './classroom/classroom-service.ts';
export { learnersFromCsv } from './classroom/learners-csv.ts';
export type { SandboxResetReport } from './sandbox/sandbox-reset.ts';
export type { AccessIps, AccessIpService } from './access-ips/access-ip-service.ts';
export { GUEST_PROCESSES_KIND, type GuestProcesses, type ResumableProcess } from './sandbox/guest-processes.ts';
export type { L7Policy, L7Rule } from './load-balancers/l7-policy.ts';
export { L7_KINDS, l7OperatingStatus } from './load-balancers/l7-policy.ts';
export type { L7Decision, L7Program, L7Request } from './load-balancers/l7-matching.ts';
export type { CreateL7PolicyInput, L7Service } from './load-balancers/l7-service.ts';
export type { L7PolicyInput, L7RuleInput } from './load-balancers/l7-validation.ts';
export { forwardedHeaders, INSERT_HEADERS } from './load-balancers/insert-headers.ts';
