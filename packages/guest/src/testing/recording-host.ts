import type { FilesystemSnapshot } from '../filesystem/snapshot.ts';
import {
  NetworkError,
  type GuestHost,
  type HostListener,
  type HttpHandler,
  type HttpResponse,
  type OutboundHttpRequest,
  type PingOutcome,
  type PowerAction,
} from '../host.ts';

/**
 * A `GuestHost` that records what the guest asks for and answers network
 * calls from replaceable functions. Meant for tests (here and in the engine).
 */
export class RecordingHost implements GuestHost {
  rootDiskWrites: FilesystemSnapshot[] = [];
  volumeWrites = new Map<string, FilesystemSnapshot>();
  powerRequests: PowerAction[] = [];
  listeners = new Map<number, HttpHandler>();
  pingRequests: string[] = [];
  httpRequests: OutboundHttpRequest[] = [];
  /** Default: every ping is answered in 0.5 ms. */
  answerPing: (ip: string) => PingOutcome = () => ({ kind: 'reply', ttl: 64, rttMs: 0.5 });
  /** Default: nothing listens anywhere. */
  answerHttp: (request: OutboundHttpRequest) => Promise<HttpResponse> = () =>
    Promise.reject(new NetworkError('ECONNREFUSED'));
  hostnames: Record<string, string> = {};

  get lastRootDisk(): FilesystemSnapshot | undefined {
    return this.rootDiskWrites[this.rootDiskWrites.length - 1];
  }

  persistRootDisk(snapshot: FilesystemSnapshot): void {
    this.rootDiskWrites.push(snapshot);
  }

  persistVolume(volumeId: string, snapshot: FilesystemSnapshot): void {
    this.volumeWrites.set(volumeId, snapshot);
  }

  requestPowerAction(action: PowerAction): void {
    this.powerRequests.push(action);
  }

  listen(port: number, handler: HttpHandler): HostListener {
    this.listeners.set(port, handler);
    return { close: () => this.listeners.delete(port) };
  }

  ping(ip: string): Promise<PingOutcome> {
    this.pingRequests.push(ip);
    return Promise.resolve(this.answerPing(ip));
  }

  httpRequest(request: OutboundHttpRequest): Promise<HttpResponse> {
    this.httpRequests.push(request);
    return this.answerHttp(request);
  }

  resolveHostname(name: string): Promise<string | null> {
    return Promise.resolve(this.hostnames[name] ?? null);
  }
}
