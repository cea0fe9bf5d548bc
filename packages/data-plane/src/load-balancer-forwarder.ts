import { forwardedHeaders, type Engine, type L7Decision, type L7Program, type LoadBalancerListener, type LoadBalancerMember, type LoadBalancerPool, type LoadBalancerTarget } from '@sandcloud/engine';
import type { HttpResponse, InboundHttpRequest } from '@sandcloud/guest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createSecureContext, TLSSocket, type SecureContext } from 'node:tls';
import { afterReads, BodyTooLarge, hasBody, inboundRequest, readBody, sendError, sendGuestResponse } from './http-exchange.ts';
import type { TrafficCounters, TrafficStats } from './traffic-stats.ts';

// A load balancer's floating IP: each listener port takes connections up to its connection limit,
// keeps idle ones for its keep-alive timeout, and forwards every HTTP request (every connection
// for a TCP listener) to a member the engine's traffic module chooses (pool method, session
// persistence). Members see the load balancer's VIP as the source, as in the guide's access logs;
// their security groups apply to that second leg (the traffic module's verdict). A member that
// refuses is skipped (HAProxy's redispatch); with no member left the load balancer answers 503
// itself. What this file keeps per listener is derived from the traffic module's answers and read
// again whenever its `generation` moves.

const HAPROXY_503 = '<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n';
const HAPROXY_413 = '<html><body><h1>413 Request Entity Too Large</h1>\n</body></html>\n';
/** HAProxy's answer to `http-request deny` (an L7 REJECT policy). */
const HAPROXY_403 = '<html><body><h1>403 Forbidden</h1>\nRequest forbidden by administrative rules.\n</body></html>\n';
const REDIRECT_TEXT: Record<number, string> = { 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 307: 'Temporary Redirect', 308: 'Permanent Redirect' };
/** Octavia's HAProxy inserts this cookie for HTTP_COOKIE persistence (`cookie SRV insert indirect nocache`). */
export const PERSISTENCE_COOKIE = 'SRV';
type Traffic = Engine['modules']['traffic'];
/** What `pickMember` is told about a request. */
type BalancingRequest = Parameters<Traffic['routing']['pickMember']>[2];
/** Members tried for one request before the load balancer answers 503 itself. */
const MAX_ATTEMPTS = 8;

/** A listener's settings as the engine has them, read once per traffic change. */
interface ListenerConfig {
  loadBalancerId: string;
  vipAddress: string;
  listener: LoadBalancerListener;
  pool: LoadBalancerPool;
  /** APP_COOKIE persistence: the application's cookie. */
  appCookie: string | null;
  /** What `pickMember` needs without persistence: the client's address as the simulation sees it. */
  balancing: BalancingRequest;
  counters: TrafficCounters;
  secureContext: SecureContext | null;
  /** The listener's L7 policies, compiled by the engine; null (nothing to evaluate) without active ones or on a TCP listener. */
  l7: L7Program | null;
}

interface Route {
  key: string;
  target: LoadBalancerTarget;
  guestPort: number;
  /** TCP listeners balance connections: the member chosen for the first request keeps the connection. */
  pinned: LoadBalancerMember | null;
  /** The listener's settings as of the traffic module's `generation` (see `configOf`). */
  config: ListenerConfig | null;
  generation: number;
}

/** One request on its way to a member. */
interface Exchange {
  route: Route;
  config: ListenerConfig;
  request: InboundHttpRequest;
  res: ServerResponse;
  /** HTTP_COOKIE / APP_COOKIE: the member the client's cookie points to. */
  persistedMemberId: string | undefined;
  /** Members already tried for this request (refused, or not admitted by their security groups). */
  tried: string[];
  /** An L7 REDIRECT_TO_POOL policy matched: the pool that takes the request instead of the default one. */
  poolId: string | null;
}

interface ListenerState {
  server: Server;
  active: number;
  waiting: Socket[];
}

export class LoadBalancerForwarder {
  private readonly configs = new Map<string, ListenerConfig | null>();
  /** The traffic module's generation `configs` were read at. */
  private generation = -1;
  private readonly listeners = new Map<string, ListenerState>();
  private readonly routes = new WeakMap<Socket, Route>();
  /** APP_COOKIE persistence: the member that set each value of the application's cookie, per pool. */
  private readonly appCookies = new Map<string, Map<string, string>>();

  constructor(
    private readonly traffic: Traffic,
    private readonly stats: TrafficStats,
  ) {}

  handle(socket: Socket, target: LoadBalancerTarget, guestPort: number): void {
    const key = `${target.loadBalancerId}:${guestPort}`;
    const config = this.config(target.loadBalancerId, guestPort);
    // Octavia cannot pass TLS through to guests that do not speak it.
    if (!config || config.listener.protocol === 'HTTPS') {
      socket.destroy();
      return;
    }
    const state = this.stateOf(key, config);
    this.stats.opened(target.loadBalancerId, socket, guestPort);
    socket.once('close', () => {
      this.stats.closed(socket);
      if (this.routes.has(socket) || state.waiting.includes(socket)) this.release(state, socket);
    });
    const route: Route = { key, target, guestPort, pinned: null, config, generation: this.traffic.generation };
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
      config.secureContext ??= createSecureContext({ cert: config.listener.certificate.certificatePem, key: config.listener.certificate.privateKeyPem });
      const tls = new TLSSocket(socket, { isServer: true, secureContext: config.secureContext });
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
    const config = route ? this.configOf(route) : null;
    if (next && route && config) this.admit(state, next, route, config);
    else next?.destroy();
  }

  private stateOf(key: string, config: ListenerConfig): ListenerState {
    let state = this.listeners.get(key);
    if (!state) {
      const server = createServer((req, res) => this.forward(req, res));
      server.on('clientError', (_error, socket) => socket.destroy());
      state = { server, active: 0, waiting: [] };
      this.listeners.set(key, state);
    }
    state.server.keepAliveTimeout = config.listener.keepAliveTimeoutSeconds * 1000;
    return state;
  }

  private config(loadBalancerId: string, port: number): ListenerConfig | null {
    if (this.generation !== this.traffic.generation) {
      this.configs.clear();
      this.generation = this.traffic.generation;
    }
    const key = `${loadBalancerId}:${port}`;
    if (this.configs.has(key)) return this.configs.get(key)!;
    const route = this.traffic.listenerRoute(loadBalancerId, port);
    const persistence = route?.pool.sessionPersistence;
    const config = route
      ? {
          loadBalancerId,
          vipAddress: route.vipAddress,
          listener: route.listener,
          pool: route.pool,
          appCookie: persistence?.type === 'APP_COOKIE' && persistence.cookieName ? persistence.cookieName : null,
          balancing: { clientIp: this.traffic.clientIp() },
          counters: this.stats.countersOf(loadBalancerId, port),
          secureContext: null,
          // HAProxy evaluates L7 policies in HTTP mode only (Octavia's TCP listeners ignore them).
          l7: route.listener.protocol === 'HTTP' || route.listener.protocol === 'TERMINATED_HTTPS' ? this.traffic.routing.l7(route.listener.id) : null,
        }
      : null;
    this.configs.set(key, config);
    return config;
  }

  /** The listener settings of a connection's route, read again after a traffic change. */
  private configOf(route: Route): ListenerConfig | null {
    if (route.generation !== this.traffic.generation) {
      route.config = this.config(route.target.loadBalancerId, route.guestPort);
      route.generation = this.traffic.generation;
    }
    return route.config;
  }

  // Per request: synchronous up to the guest's answer (no body to wait for in the common case), no
  // database access, no key strings; the route carries its listener settings and counters.
  private forward(req: IncomingMessage, res: ServerResponse): void {
    const route = this.routes.get(req.socket);
    const config = route ? this.configOf(route) : null;
    if (!route || !config) {
      req.socket.destroy();
      return;
    }
    config.counters.totalRequests++;
    const request = inboundRequest(req, config.vipAddress);
    // Octavia's insert_headers (X-Forwarded-For/Port/Proto), as HAProxy adds them.
    if (config.listener.insertHeaders) request.headers = { ...request.headers, ...forwardedHeaders(config.listener, config.balancing.clientIp) };
    const exchange: Exchange = { route, config, request, res, persistedMemberId: undefined, tried: [], poolId: null };
    const persistence = config.pool.sessionPersistence;
    if (persistence?.type === 'HTTP_COOKIE' || persistence?.type === 'APP_COOKIE') {
      const cookies = parseCookies(request.headers?.['cookie']);
      if (persistence.type === 'HTTP_COOKIE') exchange.persistedMemberId = cookies.get(PERSISTENCE_COOKIE);
      else if (config.appCookie) exchange.persistedMemberId = this.appCookies.get(config.pool.id)?.get(cookies.get(config.appCookie) ?? '');
    }
    if (config.l7) {
      const decision = config.l7.decide(request);
      if (decision && this.applyL7(exchange, decision)) return;
    }
    if (!hasBody(request)) {
      this.dispatch(exchange, 0);
      return;
    }
    readBody(req).then(
      (body) => {
        request.body = body;
        this.dispatch(exchange, 0);
      },
      (error: unknown) => this.fail(exchange, error),
    );
  }

  /** Picks a member (another one after a refusal, HAProxy's redispatch) and hands it the request. */
  private dispatch(exchange: Exchange, firstAttempt: number): void {
    const { route, config, request } = exchange;
    const balancing = exchange.persistedMemberId === undefined ? config.balancing : { ...config.balancing, persistedMemberId: exchange.persistedMemberId };
    const { routing } = this.traffic;
    try {
      for (let attempt = firstAttempt; attempt < MAX_ATTEMPTS; attempt++) {
        const member = exchange.poolId
          ? routing.pickPoolMember(config.loadBalancerId, exchange.poolId, balancing)
          : (route.pinned ?? routing.pickMember(config.loadBalancerId, route.guestPort, balancing)?.member);
        if (!member || exchange.tried.includes(member.id)) break;
        exchange.tried.push(member.id);
        // The member's security groups decide whether the VIP reaches it (a drop goes to its flow log).
        if (!this.traffic.admitsLoadBalancer(member, config.vipAddress)) continue;
        routing.trackMemberConnections(member, 1);
        this.stats.memberRequest(member.id);
        this.traffic.deliverHttp(member.instanceId, member.protocolPort, request).then(
          (response) => {
            routing.trackMemberConnections(member, -1);
            if (response) afterReads(() => this.answer(exchange, member, response));
            else this.dispatch(exchange, attempt + 1); // refused: try another member
          },
          (error: unknown) => {
            routing.trackMemberConnections(member, -1);
            this.fail(exchange, error);
          },
        );
        return;
      }
    } catch (error) {
      this.fail(exchange, error);
      return;
    }
    route.pinned = null;
    exchange.config.counters.requestErrors++;
    sendError(exchange.res, 503, 'Service Unavailable', HAPROXY_503);
  }

  private answer(exchange: Exchange, member: LoadBalancerMember, response: HttpResponse): void {
    const { route, config } = exchange;
    try {
      if (config.listener.protocol === 'TCP') route.pinned = member;
      let extra: Record<string, string> | undefined;
      if (config.pool.sessionPersistence?.type === 'HTTP_COOKIE' && exchange.persistedMemberId !== member.id && member.poolId === config.pool.id) {
        extra = { 'Set-Cookie': `${PERSISTENCE_COOKIE}=${member.id}; path=/` };
      }
      if (config.appCookie && member.poolId === config.pool.id) this.learnAppCookie(config.pool.id, config.appCookie, response.headers, member.id);
      sendGuestResponse(exchange.res, response, extra);
    } catch (error) {
      this.fail(exchange, error);
    }
  }

  /**
   * What a matching L7 policy does: REJECT answers 403 and redirects answer their code with the
   * Location (both as HAProxy, without reaching a member); REDIRECT_TO_POOL only changes the pool the
   * request is balanced over. True when the request is answered here.
   */
  private applyL7(exchange: Exchange, decision: L7Decision): boolean {
    const { res } = exchange;
    switch (decision.action) {
      case 'REJECT':
        sendError(res, 403, 'Forbidden', HAPROXY_403);
        return true;
      case 'REDIRECT_TO_URL':
      case 'REDIRECT_PREFIX':
        res.writeHead(decision.status, REDIRECT_TEXT[decision.status] ?? 'Found', { Location: decision.location, 'Content-Length': '0', 'Cache-Control': 'no-cache' });
        res.end();
        return true;
      case 'REDIRECT_TO_POOL':
        exchange.poolId = decision.poolId;
        exchange.persistedMemberId = undefined;
        return false;
    }
  }

  private fail(exchange: Exchange, error: unknown): void {
    exchange.config.counters.requestErrors++;
    if (error instanceof BodyTooLarge) sendError(exchange.res, 413, 'Request Entity Too Large', HAPROXY_413);
    else sendError(exchange.res, 503, 'Service Unavailable', HAPROXY_503);
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
