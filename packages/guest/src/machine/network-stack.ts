import type { GuestHost, HostListener, HttpHandler, HttpResponse, InboundHttpRequest } from '../host.ts';

export interface PortBinding {
  port: number;
  pid: number;
  handler: HttpHandler;
}

/**
 * The guest's TCP port table. Binding is local (EADDRINUSE is decided here),
 * and each binding is announced to the host so the engine can deliver
 * requests from the simulated network.
 */
export class NetworkStack {
  private bindings = new Map<number, { binding: PortBinding; hostListener: HostListener }>();

  constructor(
    private readonly host: GuestHost,
    readonly ip: string,
  ) {}

  isBound(port: number): boolean {
    return this.bindings.has(port);
  }

  /** Returns an unbind function, or undefined when the port is taken. */
  bind(port: number, pid: number, handler: HttpHandler): (() => void) | undefined {
    if (this.bindings.has(port)) return undefined;
    const binding: PortBinding = { port, pid, handler };
    const hostListener = this.host.listen(port, handler);
    this.bindings.set(port, { binding, hostListener });
    return () => {
      const current = this.bindings.get(port);
      if (current?.binding !== binding) return;
      this.bindings.delete(port);
      current.hostListener.close();
    };
  }

  /** Delivers a request to whatever listens on `port`; null means connection refused. */
  async deliver(port: number, request: InboundHttpRequest): Promise<HttpResponse | null> {
    const entry = this.bindings.get(port);
    if (!entry) return null;
    return entry.binding.handler(request);
  }

  listening(): PortBinding[] {
    return [...this.bindings.values()].map((b) => b.binding);
  }

  /** Addresses that reach this guest without leaving it. */
  isLocalAddress(address: string): boolean {
    return address === 'localhost' || address === this.ip || address === '0.0.0.0' || address.startsWith('127.');
  }

  closeAll(): void {
    for (const { hostListener } of this.bindings.values()) hostListener.close();
    this.bindings.clear();
  }
}
