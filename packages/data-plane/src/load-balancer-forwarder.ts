import type { Engine, Instance, LoadBalancer, LoadBalancerListener, LoadBalancerMember, LoadBalancerPool } from '@sandcloud/engine';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';
import type { Firewall, LoadBalancerTarget } from './firewall.ts';
import type { GuestDirectory } from './guest-directory.ts';
import { BodyTooLarge, guestRequest, sendError, sendGuestResponse } from './http-exchange.ts';
import type { TrafficStats } from './traffic-stats.ts';

// A load balancer's floating IP: each listener port takes connections up to its connection limit,
// keeps idle ones for its keep-alive timeout, and forwards every HTTP request (every connection
// for a TCP listener) to a member chosen by the pool's method and session persistence. Members see
// the load balancer's VIP as the source, as in the guide's access logs; their security groups
// apply to that second leg. A member that refuses is skipped (HAProxy's redispatch); with no member
// left the load balancer answers 503 itself.

const HAPROXY_503 = '<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n';
const HAPROXY_413 = '<html><body><h1>413 Request Entity Too Large</h1>\n</body></html>\n';
/** Octavia's HAProxy inserts this cookie for HTTP_COOKIE persistence (`cookie SRV insert indirect nocache`). */
export const PERSISTENCE_COOKIE = 'SRV';

interface ListenerConfig {
  loadBalancerId: string;
  vipAddress: string;
  listener: LoadBalancerListener;
  pool: LoadBalancerPool;
}

interface Route {
  key: string;
  target: LoadBalancerTarget;
  guestPort: number;
  /** TCP listeners balance connections: the member chosen for the first request keeps the connection. */
  pinned: LoadBalancerMember | null;
}

interface ListenerState {
  server: Server;
  active: number;
  waiting: Socket[];
}

export class LoadBalancerForwarder {
  private readonly configs = new Map<string, ListenerConfig | null>();
  private readonly listeners = new Map<string, ListenerState>();
  private readonly routes = new WeakMap<Socket, Route>();
  /** APP_COOKIE persistence: the member that set each value of the application's cookie, per pool. */
  private readonly appCookies = new Map<string, Map<string, string>>();

  constructor(
    private readonly engine: Engine,
    private readonly firewall: Firewall,
    private readonly stats: TrafficStats,
    private readonly guests: GuestDirectory,
  ) {}

  /** Engine state changed: listener settings are read again. */
  invalidate(): void {
    this.configs.clear();
  }

  handle(socket: Socket, target: LoadBalancerTarget, guestPort: number): void {
    const key = `${target.loadBalancerId}:${guestPort}`;
    const config = this.config(target.loadBalancerId, guestPort);
    // Octavia cannot pass TLS through to guests that do not speak it.
    if (!config || config.listener.protocol === 'HTTPS') {
      socket.destroy();
      return;
    }
    const state = this.stateOf(key, config);
    this.stats.opened(target.loadBalancerId, socket);
    socket.once('close', () => {
      this.stats.closed(socket);
      if (this.routes.has(socket) || state.waiting.includes(socket)) this.release(state, socket);
    });
    const route: Route = { key, target, guestPort, pinned: null };
    if (state.active >= config.listener.connectionLimit) {
      // Over the connection limit a connection waits, as in HAProxy's queue, until another ends.
      socket.pause();
      state.waiting.push(socket);
      this.routes.set(socket, route);
      return;
    }
    this.admit(state, socket, route, config);
  }

  close(): void {
    for (const state of this.listeners.values()) {
      state.server.closeAllConnections();
      for (const socket of state.waiting) socket.destroy();
    }
    this.listeners.clear();
  }

  private admit(state: ListenerState, socket: Socket, route: Route, config: ListenerConfig): void {
    state.active++;
    this.routes.set(socket, route);
    if (config.listener.protocol === 'TERMINATED_HTTPS' && config.listener.certificate) {
      const tls = new TLSSocket(socket, {
        isServer: true,
        secureContext: createSecureContext({ cert: config.listener.certificate.certificatePem, key: config.listener.certificate.privateKeyPem }),
      });
      tls.on('error', () => socket.destroy());
      this.routes.set(tls, route);
      state.server.emit('connection', tls);
    } else {
      state.server.emit('connection', socket);
    }
    socket.resume();
  }

  private release(state: ListenerState, socket: Socket): void {
    const waitingAt = state.waiting.indexOf(socket);
    if (waitingAt >= 0) {
      state.waiting.splice(waitingAt, 1);
      return;
    }
    state.active--;
    const next = state.waiting.shift();
    const route = next ? this.routes.get(next) : undefined;
    const config = route ? this.config(route.target.loadBalancerId, route.guestPort) : null;
    if (next && route && config) this.admit(state, next, route, config);
    else next?.destroy();
  }

  private stateOf(key: string, config: ListenerConfig): ListenerState {
    let state = this.listeners.get(key);
    if (!state) {
      const server = createServer((req, res) => void this.forward(req, res));
      server.on('clientError', (_error, socket) => socket.destroy());
      state = { server, active: 0, waiting: [] };
      this.listeners.set(key, state);
    }
    state.server.keepAliveTimeout = config.listener.keepAliveTimeoutSeconds * 1000;
    return state;
  }

  private config(loadBalancerId: string, port: number): ListenerConfig | null {
    const key = `${loadBalancerId}:${port}`;
    if (this.configs.has(key)) return this.configs.get(key)!;
    const { store } = this.engine;
    const lb = store.get<LoadBalancer>('load-balancer', loadBalancerId);
    const listener = lb
      ? store.list<LoadBalancerListener>('lb-listener', lb.projectId).find((candidate) => candidate.loadBalancerId === lb.id && candidate.protocolPort === port)
      : undefined;
    const pool = listener ? store.get<LoadBalancerPool>('lb-pool', listener.poolId) : undefined;
    const config = lb && listener && pool ? { loadBalancerId, vipAddress: lb.vipAddress, listener, pool } : null;
    this.configs.set(key, config);
    return config;
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const route = this.routes.get(req.socket);
    const config = route ? this.config(route.target.loadBalancerId, route.guestPort) : null;
    if (!route || !config) {
      req.socket.destroy();
      return;
    }
    const { loadBalancerId, vipAddress, pool } = config;
    this.stats.request(loadBalancerId);
    try {
      const request = await guestRequest(req, vipAddress);
      const cookies = parseCookies(request.headers?.cookie);
      const persistence = pool.sessionPersistence;
      const appCookie = persistence?.type === 'APP_COOKIE' && persistence.cookieName ? persistence.cookieName : null;
      const persistedMemberId =
        persistence?.type === 'HTTP_COOKIE' ? cookies.get(PERSISTENCE_COOKIE) : appCookie ? this.appCookies.get(pool.id)?.get(cookies.get(appCookie) ?? '') : undefined;
      const tried = new Set<string>();
      const clientIp = this.firewall.clientIp();
      for (let attempt = 0; attempt < 8; attempt++) {
        const member = route.pinned ?? this.engine.modules.loadBalancers.pickMember(loadBalancerId, route.guestPort, { clientIp, persistedMemberId })?.member;
        if (!member || tried.has(member.id)) break;
        tried.add(member.id);
        if (!this.admitsLoadBalancer(member, vipAddress)) continue;
        this.engine.modules.loadBalancers.trackMemberConnections(member, 1);
        let response;
        try {
          response = await this.guests.deliverHttp(member.instanceId, member.protocolPort, request);
        } finally {
          this.engine.modules.loadBalancers.trackMemberConnections(member, -1);
        }
        if (!response) continue; // refused: try another member
        if (config.listener.protocol === 'TCP') route.pinned = member;
        const extra: Record<string, string> = {};
        if (persistence?.type === 'HTTP_COOKIE' && cookies.get(PERSISTENCE_COOKIE) !== member.id) {
          extra['Set-Cookie'] = `${PERSISTENCE_COOKIE}=${member.id}; path=/`;
        }
        if (appCookie) this.learnAppCookie(pool.id, appCookie, response.headers, member.id);
        sendGuestResponse(res, response, extra);
        return;
      }
      route.pinned = null;
      this.stats.error(loadBalancerId);
      sendError(res, 503, 'Service Unavailable', HAPROXY_503);
    } catch (error) {
      this.stats.error(loadBalancerId);
      if (error instanceof BodyTooLarge) sendError(res, 413, 'Request Entity Too Large', HAPROXY_413);
      else sendError(res, 503, 'Service Unavailable', HAPROXY_503);
    }
  }

  /** The member's security groups decide whether the VIP reaches it; a drop is in the member's flow log. */
  private admitsLoadBalancer(member: LoadBalancerMember, vipAddress: string): boolean {
    const verdict = this.firewall.memberVerdict(member.instanceId, member.address, member.protocolPort, vipAddress);
    if (!verdict) return false;
    if (!verdict.allowed) {
      const instance = this.engine.store.get<Instance>('instance', member.instanceId);
      if (instance) {
        this.firewall.record(instance, { sourceIp: vipAddress, sourcePort: null, destinationIp: member.address, port: member.protocolPort }, 'drop', verdict.reason);
      }
    }
    return verdict.allowed;
  }

  private learnAppCookie(poolId: string, cookieName: string, headers: Record<string, string>, memberId: string): void {
    for (const [name, value] of Object.entries(headers)) {
      if (name.toLowerCase() !== 'set-cookie') continue;
      const match = new RegExp(`(?:^|,\\s*)${cookieName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}=([^;,]*)`).exec(value);
      if (!match?.[1]) continue;
      let table = this.appCookies.get(poolId);
      if (!table) {
        table = new Map();
        this.appCookies.set(poolId, table);
      }
      table.set(match[1], memberId);
      // A bounded table: the oldest sessions are forgotten first.
      if (table.size > 10_000) table.delete(table.keys().next().value!);
    }
  }
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return cookies;
}
