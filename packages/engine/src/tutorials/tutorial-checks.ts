import type { SecurityGroupRule, TutorialHint, TutorialHintLink, TutorialStepDefinition } from '@sandcloud/domain';
import type { Instance } from '../compute/instance.ts';
import type { FlowLogService } from '../flow-logs/flow-log-service.ts';
import type { GuestService } from '../guests/guest-service.ts';
import type { LoadBalancer } from '../load-balancers/load-balancer.ts';
import { DEFAULT_NETWORK_NAME } from '../networking/network-service.ts';
import type { Store } from '../store/kinds.ts';
import type { TutorialObservations } from './tutorial-observations.ts';

// The checks a tutorial step can wait for, each a question to the real state of one project: the
// store's records, the guests (what listens, what is mounted), the flow log and what the data
// plane observed (ssh logins, HTTP answers). A check never looks at the console: a step turns
// green because the thing happened, however it was done (console, OpenStack CLI, Terraform).
// An open step also says why it is probably not done yet (`hint`), from the same facts.

export interface StepHint {
  code: TutorialHint;
  params: Record<string, string | number>;
  links: TutorialHintLink[];
}

export interface CheckResult {
  done: boolean;
  hint: StepHint | null;
}

export interface CheckContext {
  store: Store;
  guests: GuestService;
  flowLogs: FlowLogService;
  observations: TutorialObservations;
  projectId: string;
  /** Only what happened since the tutorial was (re)started counts. */
  since: number;
}

type Check = (ctx: CheckContext, step: TutorialStepDefinition) => CheckResult;

const DONE: CheckResult = { done: true, hint: null };
const open = (code: TutorialHint, params: StepHint['params'] = {}, links: TutorialHintLink[] = []): CheckResult => ({
  done: false,
  hint: { code, params, links },
});

const instancesOf = (ctx: CheckContext) => ctx.store.view('instance', ctx.projectId);
const activeInstances = (ctx: CheckContext) => instancesOf(ctx).filter((i) => i.status === 'ACTIVE');
const floatingIpOf = (ctx: CheckContext, instance: Instance) => (instance.portId ? ctx.store.findOne('floating-ip', 'portId', instance.portId) : undefined);
const privateImageIds = (ctx: CheckContext) =>
  new Set(ctx.store.view('image', ctx.projectId).filter((image) => image.visibility === 'private' && image.sourceInstanceId !== null).map((image) => image.id));

/** An instance the step is most likely about: one with a floating IP first, then the newest ACTIVE one. */
function reachableInstance(ctx: CheckContext): Instance | undefined {
  const active = activeInstances(ctx);
  return active.find((instance) => floatingIpOf(ctx, instance)) ?? active.at(-1);
}

/** Whether an ingress rule of the instance's groups admits TCP `port` from anywhere outside. */
function ruleAdmits(rules: readonly SecurityGroupRule[], port: number): boolean {
  return rules.some(
    (rule) =>
      rule.direction === 'ingress' &&
      rule.etherType === 'IPv4' &&
      (rule.protocol === null || rule.protocol === 'tcp') &&
      (rule.portRangeMin === null || rule.portRangeMin <= port) &&
      (rule.portRangeMax === null || port <= rule.portRangeMax) &&
      rule.remoteGroupId === null,
  );
}

/**
 * Why traffic to `port` of a running instance did not arrive: no floating IP, or no rule (and
 * whether the flow log holds the dropped attempt), or null when the way in is open.
 */
function wayInProblem(ctx: CheckContext, instance: Instance, port: number): CheckResult | null {
  const floatingIp = floatingIpOf(ctx, instance);
  if (!floatingIp) return open('no-floating-ip', { instance: instance.name }, [{ kind: 'screen', screen: 'floating-ips' }]);
  const groups = instance.securityGroupIds.flatMap((id) => ctx.store.get('security-group', id) ?? []);
  if (groups.some((group) => ruleAdmits(group.rules, port))) return null;
  const first = groups[0];
  const links: TutorialHintLink[] = [
    ...(first ? [{ kind: 'rule-dialog' as const, id: first.id }] : []),
    { kind: 'flow-log', id: instance.id },
  ];
  const params = { port, groups: groups.map((group) => group.name).join(', ') || '-', address: floatingIp.address, instance: instance.name };
  const dropped = ctx.flowLogs.list(instance.id, 50).some((entry) => entry.port === port && entry.action === 'DROP' && entry.at >= ctx.since);
  return open(dropped ? 'port-closed-dropped' : 'port-closed', params, links);
}

const productActivated: Check = (ctx) =>
  ctx.store.get('project', ctx.projectId)?.computeActivatedAt != null ? DONE : open('product-not-activated', {}, [{ kind: 'screen', screen: 'overview' }]);

const instanceWithDownloadedKey: Check = (ctx) => {
  const instances = instancesOf(ctx);
  if (instances.length === 0) return open('no-instance', {}, [{ kind: 'screen', screen: 'instances' }]);
  const active = instances.filter((i) => i.status === 'ACTIVE');
  const generated = (instance: Instance) => ctx.store.findByName('key-pair', ctx.projectId, instance.keyName)?.source === 'generated';
  if (active.some(generated)) return DONE;
  const last = instances.at(-1)!;
  if (active.length === 0) return open('instance-not-active', { instance: last.name, status: last.status }, [{ kind: 'instance', id: last.id }]);
  return open('key-not-downloaded', { instance: last.name }, [{ kind: 'screen', screen: 'key-pairs' }]);
};

const instanceOnDefaultNetwork: Check = (ctx) => {
  const network = ctx.store.findByName('network', ctx.projectId, DEFAULT_NETWORK_NAME);
  if (network && activeInstances(ctx).some((i) => i.networkId === network.id && i.portId !== null)) return DONE;
  return open('no-instance', {}, [{ kind: 'screen', screen: 'instances' }]);
};

const floatingIpAssociated: Check = (ctx) => {
  const instances = instancesOf(ctx);
  if (instances.some((instance) => floatingIpOf(ctx, instance))) return DONE;
  if (instances.length === 0) return open('no-instance', {}, [{ kind: 'screen', screen: 'instances' }]);
  return open('no-floating-ip', { instance: instances.at(-1)!.name }, [{ kind: 'screen', screen: 'floating-ips' }]);
};

const sshLogin: Check = (ctx, step) => {
  const port = step.check.port ?? 22;
  if (ctx.observations.sshLogins(ctx.projectId).some((login) => login.at >= ctx.since)) return DONE;
  const instance = reachableInstance(ctx);
  if (!instance) return open('no-instance', {}, [{ kind: 'screen', screen: 'instances' }]);
  const problem = wayInProblem(ctx, instance, port);
  if (problem) return problem;
  return open('no-login-yet', { address: floatingIpOf(ctx, instance)!.address, instance: instance.name }, [{ kind: 'instance', id: instance.id }]);
};

const httpThroughFloatingIp: Check = (ctx, step) => {
  const port = step.check.port ?? 80;
  const vips = new Set(ctx.store.view('load-balancer', ctx.projectId).map((lb) => lb.vipAddress));
  const answered = ctx.observations.httpAnswers(ctx.projectId).some((answer) => answer.at >= ctx.since && answer.port === port && !vips.has(answer.clientIp));
  if (answered) return DONE;
  const instance = reachableInstance(ctx);
  if (!instance) return open('no-instance', {}, [{ kind: 'screen', screen: 'instances' }]);
  const problem = wayInProblem(ctx, instance, port);
  if (problem) return problem;
  const address = floatingIpOf(ctx, instance)!.address;
  if (!ctx.guests.listeningPorts(instance.id).includes(port)) return open('nothing-listens', { port, instance: instance.name, address }, [{ kind: 'instance', id: instance.id }]);
  return open('no-request-yet', { port, address }, [{ kind: 'instance', id: instance.id }]);
};

const volumeMounted: Check = (ctx) => {
  const attached = ctx.store.view('volume', ctx.projectId).filter((volume) => volume.attachment !== null && volume.status === 'in-use');
  if (attached.some((volume) => ctx.guests.mountPointOf(volume.attachment!.instanceId, volume.attachment!.device) !== null)) return DONE;
  const first = attached[0];
  if (!first) return open('no-volume-attached', {}, [{ kind: 'screen', screen: 'block-storage' }]);
  return open('volume-not-mounted', { device: first.attachment!.device, volume: first.name, instance: first.attachment!.instanceName }, [
    { kind: 'instance', id: first.attachment!.instanceId },
  ]);
};

const imageFromStoppedInstance: Check = (ctx) => {
  const images = ctx.store.view('image', ctx.projectId).filter((image) => image.visibility === 'private' && image.sourceInstanceId !== null);
  if (images.some((image) => image.status === 'active')) return DONE;
  const stopped = instancesOf(ctx).some((instance) => instance.status === 'SHUTOFF');
  if (!stopped) return open('instance-not-stopped', {}, [{ kind: 'screen', screen: 'instances' }]);
  return open('no-private-image', {}, [{ kind: 'screen', screen: 'images' }]);
};

const instancesFromImage: Check = (ctx, step) => {
  const need = step.check.count ?? 2;
  const images = privateImageIds(ctx);
  const have = activeInstances(ctx).filter((instance) => images.has(instance.imageId)).length;
  return have >= need ? DONE : open('too-few-instances-from-image', { have, need }, [{ kind: 'screen', screen: 'instances' }]);
};

/** The load balancers whose members are instances launched from a private image. */
function candidateBalancers(ctx: CheckContext, need: number): { lb: LoadBalancer; members: string[]; online: number }[] {
  const images = privateImageIds(ctx);
  return ctx.store.view('load-balancer', ctx.projectId).map((lb) => {
    const members = ctx.store.findBy('lb-member', 'loadBalancerId', lb.id).filter((member) => {
      const instance = ctx.store.get('instance', member.instanceId);
      return instance !== undefined && images.has(instance.imageId);
    });
    return { lb, members: members.map((m) => m.instanceId), online: members.filter((m) => m.operatingStatus === 'ONLINE').length };
  }).filter((candidate) => candidate.members.length >= Math.min(need, 1));
}

const loadBalancerAlternates: Check = (ctx, step) => {
  const need = step.check.count ?? 2;
  const balancers = ctx.store.view('load-balancer', ctx.projectId);
  if (balancers.length === 0) return open('no-load-balancer', {}, [{ kind: 'screen', screen: 'load-balancers' }]);
  const candidates = candidateBalancers(ctx, need).filter((c) => c.members.length >= need);
  if (candidates.length === 0) return open('members-missing', { need, loadBalancer: balancers.at(-1)!.name }, [{ kind: 'load-balancer', id: balancers.at(-1)!.id }]);
  const answers = ctx.observations.httpAnswers(ctx.projectId).filter((answer) => answer.at >= ctx.since);
  for (const { lb, members } of candidates) {
    const served = answers.filter((answer) => answer.clientIp === lb.vipAddress && members.includes(answer.instanceId));
    const alternated = served.some((answer, index) => index > 0 && served[index - 1]!.instanceId !== answer.instanceId);
    if (alternated && new Set(served.map((answer) => answer.instanceId)).size >= need) return DONE;
  }
  const { lb, online } = candidates[0]!;
  const floatingIp = lb.vipPortId ? ctx.store.findOne('floating-ip', 'portId', lb.vipPortId) : undefined;
  if (!floatingIp) return open('load-balancer-no-floating-ip', { loadBalancer: lb.name }, [{ kind: 'load-balancer', id: lb.id }]);
  if (online < need) return open('members-offline', { loadBalancer: lb.name, online, need }, [{ kind: 'load-balancer', id: lb.id }]);
  return open('no-alternation-yet', { loadBalancer: lb.name, address: floatingIp.address }, [{ kind: 'load-balancer', id: lb.id }]);
};

export const TUTORIAL_CHECK_FUNCTIONS: Record<TutorialStepDefinition['check']['kind'], Check> = {
  'product-activated': productActivated,
  'instance-with-downloaded-key': instanceWithDownloadedKey,
  'instance-on-default-network': instanceOnDefaultNetwork,
  'floating-ip-associated': floatingIpAssociated,
  'ssh-login': sshLogin,
  'http-through-floating-ip': httpThroughFloatingIp,
  'volume-mounted': volumeMounted,
  'image-from-stopped-instance': imageFromStoppedInstance,
  'instances-from-image': instancesFromImage,
  'load-balancer-alternates': loadBalancerAlternates,
};

/** Checks whose facts change without an engine event (guest mounts, the flow log): re-run on a timer while open. */
export const POLLED_CHECKS: ReadonlySet<string> = new Set(['volume-mounted', 'ssh-login', 'http-through-floating-ip']);
