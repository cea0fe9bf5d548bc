import type { Engine } from '@sandcloud/engine';
import type { Socket } from 'node:net';
import { EndpointRegistry, type Binding, type FloatingIpEndpoint } from './endpoint-registry.ts';
import { portPlan, type PortPlan } from './endpoints.ts';
import { createHealthProbe } from './health-probe.ts';
import { InstanceHttpForwarder } from './http-forwarder.ts';
import { LoadBalancerForwarder } from './load-balancer-forwarder.ts';
import { detectPrivilegedPorts } from './privileges.ts';
import { loadOrCreateHostKey } from './ssh/host-key.ts';
import { GuestSshServer } from './ssh-server.ts';
import { TrafficStats } from './traffic-stats.ts';

export interface DataPlaneOptions {
  /** Where the SSH host key is kept (the server's data directory). */
  dataDir: string;
  /** Bind guest ports as they are (true) or privileged ones at 10000 + p (false); detected when omitted. */
  privilegedPorts?: boolean;
  /** How long a dropped connection stays open and silent before it is closed. */
  dropHoldMs?: number;
  /** How often load balancer statistics are added to the engine. */
  statsIntervalMs?: number;
  /** Ports watched for drops on every floating IP (see WATCHED_PORTS). */
  watchedPorts?: readonly number[];
  log?: (message: string) => void;
}

export interface DataPlane {
  readonly plan: PortPlan;
  /** The SSH host key's fingerprint (`SHA256:…`). */
  readonly hostKeyFingerprint: string;
  /** The loopback address of a floating IP and the ports bound on it now. */
  endpointOf(floatingIp: string): FloatingIpEndpoint;
  /** How many ports are bound now, over every floating IP. */
  listenerCount(): number;
  /** Resolves once the sockets follow every engine change made so far. */
  settled(): Promise<void>;
  /** Writes load balancer statistics and flow logs now instead of at the next interval. */
  flush(): void;
  close(): Promise<void>;
}

/**
 * Starts the data plane: SSH, HTTP and load balancers on loopback endpoints of the floating IPs,
 * behind the engine's security groups, following the engine's changes. Start it after the engine.
 */
export async function startDataPlane(engine: Engine, options: DataPlaneOptions): Promise<DataPlane> {
  const log = options.log ?? ((message: string) => console.warn(`[data-plane] ${message}`));
  const plan = portPlan(options.privilegedPorts ?? detectPrivilegedPorts());
  const dropHoldMs = options.dropHoldMs ?? 30_000;
  const hostKey = loadOrCreateHostKey(options.dataDir);
  const { traffic } = engine.modules;
  const stats = new TrafficStats(engine);
  const ssh = new GuestSshServer(engine, hostKey, () => traffic.clientIp());
  const http = new InstanceHttpForwarder(traffic);
  const loadBalancers = new LoadBalancerForwarder(traffic, stats);

  const drop = (socket: Socket) => {
    // A firewall's drop: no answer at all; the client gives up on its own, or we close after a while.
    socket.pause();
    socket.setTimeout(dropHoldMs, () => socket.destroy());
  };

  // Socket plumbing only: the traffic module decides what the connection gets, and why.
  const onConnection = (binding: Binding, socket: Socket) => {
    const connection = traffic.connection(binding.floatingIp, binding.guestPort);
    if (!connection) {
      drop(socket);
      return;
    }
    if (connection.kind === 'load-balancer') {
      if (connection.action === 'drop') drop(socket);
      else loadBalancers.handle(socket, connection.target, binding.guestPort);
      return;
    }
    traffic.recordConnection(connection, socket.remotePort ?? null, binding.guestPort);
    // The monitoring graphs count an accepted connection's bytes (one registration, read at each sample).
    if (connection.action === 'accept') engine.modules.metrics.trackConnection(connection.target.instance.id, socket);
    if (connection.action === 'drop') drop(socket);
    else if (connection.action === 'refuse') socket.resetAndDestroy();
    else if (binding.guestPort === 22) ssh.handle(socket, connection.target.instance);
    else http.handle(socket, connection.target.instance.id, binding.guestPort);
  };

  const registry = new EndpointRegistry(engine, plan, onConnection, { log, ...(options.watchedPorts ? { watchedPorts: options.watchedPorts } : {}) });
  registry.start();
  traffic.setHealthProbe(createHealthProbe(engine));
  stats.start(options.statsIntervalMs ?? 1_000);
  await registry.settled();

  return {
    plan,
    hostKeyFingerprint: hostKey.fingerprint,
    endpointOf: (floatingIp) => registry.endpointOf(floatingIp),
    listenerCount: () => registry.listenerCount(),
    settled: () => registry.settled(),
    flush: () => {
      stats.flush();
      engine.modules.flowLogs.flush();
    },
    close: async () => {
      traffic.setHealthProbe(null);
      ssh.close();
      http.close();
      loadBalancers.close();
      await registry.close();
      stats.stop();
      engine.modules.flowLogs.flush();
    },
  };
}
