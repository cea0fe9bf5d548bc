import type { Engine } from '@sandcloud/engine';
import { createServer, type Server, type Socket } from 'node:net';
import { localAddressFor, type PortPlan } from './endpoints.ts';

const QUIET_LB_KINDS = new Set(['load-balancer', 'lb-listener', 'lb-pool', 'lb-member']);

// Which sockets this machine listens on, following the engine's traffic module. Every floating IP
// gets its loopback address (203.0.113.10 → 127.0.113.10); on it, a port is bound when the
// module's verdict on a connection there is accept or drop (answered, or held in silence), and left
// unbound when it is refuse (a rule admits the traffic but nothing listens): only an unbound port
// gives the client a real ECONNREFUSED. Reconciled after every change the module reports.

/** What a bound port serves, as `endpointOf` reports it. */
export type EndpointService = 'ssh' | 'http' | 'load-balancer' | 'filtered';

export interface Binding {
  readonly floatingIp: string;
  readonly address: string;
  readonly localPort: number;
  readonly guestPort: number;
  service: EndpointService;
}

export interface FloatingIpEndpoint {
  floatingIp: string;
  address: string;
  ports: { guestPort: number; localPort: number; service: EndpointService }[];
}

/**
 * Ports watched on every floating IP even while nothing listens there, so that traffic the
 * security groups drop gets the silence of a firewall rather than a refusal (SSH, HTTP, HTTPS and
 * the usual alternative web ports). Ports a guest listens on are watched too.
 */
export const WATCHED_PORTS = [22, 80, 443, 8000, 8080];

interface Bound {
  binding: Binding;
  server: Server;
}

export interface RegistryOptions {
  watchedPorts?: readonly number[];
  log: (message: string) => void;
}

export class EndpointRegistry {
  private readonly bound = new Map<string, Bound>();
  private readonly failed = new Set<string>();
  private readonly sockets = new Set<Socket>();
  private readonly unsubscribe: (() => void)[] = [];
  private work: Promise<void> = Promise.resolve();
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly engine: Engine,
    private readonly plan: PortPlan,
    private readonly onConnection: (binding: Binding, socket: Socket) => void,
    private readonly options: RegistryOptions,
  ) {}

  start(): void {
    this.unsubscribe.push(
      this.engine.modules.traffic.onChange((change) => {
        // A load balancer's sockets are its listeners' ports, fixed when a listener is created: its
        // updates (statistics, health statuses, settings) never add or remove one.
        if (change.change === 'updated' && QUIET_LB_KINDS.has(change.kind)) return;
        this.schedule();
      }),
    );
    this.schedule();
  }

  /** Resolves once the sockets match the engine's state as of now. */
  async settled(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.work;
      await current;
    } while (current !== this.work || this.scheduled);
  }

  /** How many ports are bound now, over every floating IP (the health endpoint reports it). */
  listenerCount(): number {
    return this.bound.size;
  }

  endpointOf(floatingIp: string): FloatingIpEndpoint {
    const ports = [...this.bound.values()]
      .map(({ binding }) => binding)
      .filter((binding) => binding.floatingIp === floatingIp)
      .map(({ guestPort, localPort, service }) => ({ guestPort, localPort, service }))
      .sort((a, b) => a.guestPort - b.guestPort);
    return { floatingIp, address: localAddressFor(floatingIp), ports };
  }

  /** Stops listening and cuts every connection still open. */
  async close(): Promise<void> {
    this.closed = true;
    for (const stop of this.unsubscribe) stop();
    await this.work.catch(() => undefined);
    const closing = [...this.bound.values()].map(({ server }) => new Promise<void>((resolve) => server.close(() => resolve())));
    this.bound.clear();
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(closing);
  }

  // --- reconciliation ------------------------------------------------------------------------

  schedule(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    this.work = this.work
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        this.scheduled = false;
        return this.reconcile();
      })
      .catch((error: unknown) => this.options.log(`endpoint reconciliation failed: ${(error as Error).message}`));
  }

  private desired(): Map<string, Binding> {
    const { guests, traffic } = this.engine.modules;
    const desired = new Map<string, Binding>();
    const watched = this.options.watchedPorts ?? WATCHED_PORTS;
    for (const target of traffic.floatingTargets()) {
      const { floatingIp } = target;
      const address = localAddressFor(floatingIp);
      const add = (guestPort: number, service: EndpointService) => {
        const localPort = this.plan.localPort(guestPort);
        const key = `${address}:${localPort}`;
        if (!desired.has(key)) desired.set(key, { floatingIp, address, localPort, guestPort, service });
      };
      if (target.kind === 'instance') {
        for (const port of new Set([22, ...watched, ...guests.listeningPorts(target.instance.id)])) {
          const action = traffic.connection(floatingIp, port)?.action;
          if (action === 'drop') add(port, 'filtered');
          else if (action === 'accept') add(port, port === 22 ? 'ssh' : 'http');
        }
      } else {
        for (const port of traffic.listenerPorts(target)) add(port, 'load-balancer');
        for (const port of watched) add(port, 'filtered');
      }
    }
    return desired;
  }

  private async reconcile(): Promise<void> {
    if (this.closed) return;
    const desired = this.desired();
    for (const [key, { server }] of this.bound) {
      if (!desired.has(key)) {
        this.bound.delete(key);
        server.close();
      }
    }
    const binding: Promise<void>[] = [];
    for (const [key, wanted] of desired) {
      const existing = this.bound.get(key);
      if (existing) {
        // The binding object is shared with the connection handler: update it in place.
        Object.assign(existing.binding, { service: wanted.service });
        if (existing.binding.floatingIp !== wanted.floatingIp || existing.binding.guestPort !== wanted.guestPort) {
          this.bound.delete(key);
          existing.server.close();
          binding.push(this.bind(key, wanted));
        }
      } else {
        binding.push(this.bind(key, wanted));
      }
    }
    await Promise.all(binding);
  }

  private async bind(key: string, binding: Binding, retry = true): Promise<void> {
    const server = createServer({ noDelay: true }, (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
      this.onConnection(binding, socket);
    });
    this.bound.set(key, { binding, server });
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      server.once('error', resolve);
      server.listen({ host: binding.address, port: binding.localPort, exclusive: true }, () => {
        server.off('error', resolve);
        resolve(null);
      });
    });
    if (!error) {
      this.failed.delete(key);
      server.on('error', (late) => this.options.log(`${key}: ${late.message}`));
      return;
    }
    if (this.bound.get(key)?.server === server) this.bound.delete(key);
    if (error.code === 'EADDRINUSE' && retry && !this.closed) {
      // A socket closed a moment ago may still hold the port: try once more shortly.
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (!this.bound.has(key) && !this.closed) return this.bind(key, binding, false);
      return;
    }
    if (!this.failed.has(key)) {
      this.failed.add(key);
      this.options.log(`cannot listen on ${key} for ${binding.floatingIp}:${binding.guestPort}: ${error.code ?? error.message}`);
    }
  }
}
