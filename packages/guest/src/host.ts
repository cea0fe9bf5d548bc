import type { FilesystemSnapshot } from './filesystem/snapshot.ts';

/**
 * What the guest needs from the cloud engine that runs it. The guest never
 * touches real sockets, files or timers: anything that leaves the machine
 * (persistence, networking, power) goes through this interface.
 */
export interface GuestHost {
  /**
   * The root disk's content reached the disk (sync, write-back, clean
   * shutdown). Store it; it is what the instance boots from next time and
   * what an image captures.
   */
  persistRootDisk(snapshot: FilesystemSnapshot): void;
  /**
   * A volume's content reached the disk (mkfs, sync, umount, write-back).
   * `snapshot` lives with the volume: attaching it elsewhere shows these files.
   */
  persistVolume(volumeId: string, snapshot: FilesystemSnapshot): void;
  /** The OS asked to power off or reboot (`shutdown -h now`, `reboot`); the engine then calls `halt()`/`boot()`. */
  requestPowerAction(action: PowerAction): void;
  /**
   * A program started listening on a TCP port (python -m SimpleHTTPServer).
   * The engine routes inbound HTTP for the instance's IPs to `handler` while
   * the returned listener is open. Port conflicts are handled by the guest.
   */
  listen(port: number, handler: HttpHandler): HostListener;
  /** One ICMP echo to `ip` through the simulated network (security groups, floating IPs...). */
  ping(ip: string, signal: AbortSignal): Promise<PingOutcome>;
  /** An outbound HTTP request (curl). Rejects with `NetworkError` when the connection fails. */
  httpRequest(request: OutboundHttpRequest, signal: AbortSignal): Promise<HttpResponse>;
  /** DNS lookup; return null when the name does not resolve. Optional: without it only IPs work. */
  resolveHostname?(name: string): Promise<string | null>;
}

export type PowerAction = 'stop' | 'reboot';

export interface HostListener {
  close(): void;
}

export interface InboundHttpRequest {
  method: string;
  /** Request target as sent: "/", "/index.html?x=1". */
  path: string;
  /** Source address as the guest sees it (the client, or the load balancer's private IP). */
  clientIp: string;
  clientPort?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Defaults to "HTTP/1.1". */
  httpVersion?: string;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

export type HttpHandler = (request: InboundHttpRequest) => Promise<HttpResponse>;

export interface OutboundHttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The guest's own IP, i.e. the source address of the connection. */
  sourceIp: string;
}

export type PingOutcome =
  | { kind: 'reply'; ttl: number; rttMs: number }
  /** No answer (filtered by a security group, host down): ping prints nothing for it. */
  | { kind: 'timeout' }
  | { kind: 'unreachable'; from: string };

export type NetworkErrorCode = 'ECONNREFUSED' | 'ETIMEDOUT' | 'EHOSTUNREACH' | 'ENOTFOUND';

export class NetworkError extends Error {
  constructor(
    readonly code: NetworkErrorCode,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'NetworkError';
  }
}
