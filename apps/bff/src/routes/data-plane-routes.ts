import { isInstancePort, type Engine, type FloatingIp, type Instance, type Port } from '@sandcloud/engine';
import { type ConnectInfoDto, type EndpointPortDto, type FloatingIpEndpointDto, type FlowLogEntryDto } from '@sandcloud/api-schemas';
import type { CodedMessage } from '@sandcloud/domain';
import { detectPrivilegedPorts, httpUrl, localAddressFor, portPlan, sshCommand } from '@sandcloud/data-plane';
import { Router } from 'express';
import { currentProject } from '../http/project-access.ts';
import { iso } from './dto.ts';
import { listPage, listSpec } from './paginate.ts';

/**
 * How to reach instances and load balancers from this machine. Endpoints follow the loopback
 * scheme of the data plane (floating IP a.b.c.d ↔ 127.b.c.d, ports offset by 10000 below 1024 when
 * privileged ports cannot be bound), so they are computed here without asking the running sockets.
 */
export function dataPlaneRoutes(engine: Engine, options: { privilegedPorts?: boolean } = {}): Router {
  const router = Router();
  const plan = portPlan(options.privilegedPorts ?? detectPrivilegedPorts());
  const { instances, floatingIps, network, guests, flowLogs, loadBalancers, traffic } = engine.modules;

  const floatingIpOf = (instance: Instance): FloatingIp | undefined => (instance.portId ? floatingIps.forPort(instance.portId) : undefined);

  /** A reason this route words itself, with its message code so the console shows it in the user's language. */
  const codedReason = (reason: string, ...[code, params]: CodedMessage): Pick<ConnectInfoDto, 'reason' | 'reasonMessageCode' | 'reasonParams'> => ({
    reason,
    reasonMessageCode: code,
    ...(params ? { reasonParams: params } : {}),
  });

  /** Why this machine cannot reach the instance's SSH now, if it cannot (the data plane's own verdict). */
  const sshProblem = (instance: Instance, floatingIp: string): Pick<ConnectInfoDto, 'reason' | 'reasonMessageCode' | 'reasonParams'> | undefined => {
    const connection = traffic.connection(floatingIp, 22);
    if (connection?.kind !== 'instance') return undefined;
    if (!connection.verdict.allowed) return { reason: connection.verdict.reason.message };
    if (!guests.isSimulated(instance)) {
      return codedReason(`${instance.name} runs ${instance.imageName}, which has no SSH server`, 'connect.noSshServer', { name: instance.name, image: instance.imageName });
    }
    return undefined;
  };

  router.get('/instances/:instanceId/connect-info', (req, res) => {
    const instance = instances.get(currentProject(req).id, String(req.params.instanceId));
    const floating = floatingIpOf(instance);
    if (!floating) {
      res.json({
        sshCommand: null,
        httpUrl: null,
        localAddress: null,
        ...codedReason(`${instance.name} has no floating IP, so this machine cannot reach it. Connect a floating IP first.`, 'connect.noFloatingIp', { name: instance.name }),
      } satisfies ConnectInfoDto);
      return;
    }
    res.json({
      sshCommand: sshCommand(instance.keyName || 'my_keypair', floating.address, plan),
      httpUrl: httpUrl(floating.address, 80, plan),
      localAddress: localAddressFor(floating.address),
      ...sshProblem(instance, floating.address),
    } satisfies ConnectInfoDto);
  });

  router.get('/floating-ips/:floatingIpId/endpoint', (req, res) => {
    const projectId = currentProject(req).id;
    const floating = floatingIps.get(projectId, String(req.params.floatingIpId));
    const port: Port | undefined = floating.portId ? network.getPort(floating.portId) : undefined;
    const entry = (guestPort: number, service: EndpointPortDto['service']): EndpointPortDto => ({
      guestPort,
      localPort: plan.localPort(guestPort),
      service,
      url: service === 'ssh' ? null : httpUrl(floating.address, guestPort, plan),
    });
    let ports: EndpointPortDto[] = [];
    let ssh: string | null = null;
    if (port && isInstancePort(port)) {
      const instance = instances.get(projectId, port.deviceId);
      const web = [...new Set([80, ...guests.listeningPorts(instance.id).filter((listening) => listening !== 22)])].sort((a, b) => a - b);
      ports = [entry(22, 'ssh'), ...web.map((guestPort) => entry(guestPort, 'http'))];
      ssh = sshCommand(instance.keyName || 'my_keypair', floating.address, plan);
    } else if (port) {
      const lb = loadBalancers.get(projectId, port.deviceId);
      ports = loadBalancers
        .view(lb)
        .listeners.map(({ listener }) => listener.protocolPort)
        .sort((a, b) => a - b)
        .map((guestPort) => entry(guestPort, 'load-balancer'));
    }
    const web = ports.find((candidate) => candidate.service !== 'ssh');
    res.json({
      floatingIpId: floating.id,
      floatingIp: floating.address,
      localAddress: localAddressFor(floating.address),
      privilegedPorts: plan.privilegedPorts,
      ports,
      sshCommand: ssh,
      httpUrl: web?.url ?? null,
      clientPublicIp: traffic.clientIp(),
    } satisfies FloatingIpEndpointDto);
  });

  router.get('/instances/:instanceId/flow-logs', (req, res) => {
    const instance = instances.get(currentProject(req).id, String(req.params.instanceId));
    const entries = flowLogs.list(instance.id).map(
      (entry): FlowLogEntryDto => ({
        id: entry.id,
        at: iso(entry.at)!,
        sourceIp: entry.sourceIp,
        sourcePort: entry.sourcePort,
        destinationIp: entry.destinationIp,
        protocol: entry.protocol,
        port: entry.port,
        action: entry.action,
        reasonCode: entry.reasonCode,
        message: entry.message,
      }),
    );
    res.json(
      listPage(entries, req.query, listSpec('flow-logs', {
        id: (entry) => String(entry.id).padStart(12, '0'),
        sort: { at: (entry) => entry.at, action: (entry) => entry.action, sourceIp: (entry) => entry.sourceIp, port: (entry) => entry.port, protocol: (entry) => entry.protocol },
        search: (entry) => [entry.sourceIp, entry.destinationIp, entry.reasonCode, entry.message],
        filters: { action: (entry) => entry.action, protocol: (entry) => entry.protocol },
      })),
    );
  });

  return router;
}
