import type { Engine, Instance } from '@sandcloud/engine';
import type { HttpResponse, InboundHttpRequest } from '@sandcloud/guest';

/**
 * `guests.deliverHttp` without a database read per request: the instance rows are kept until an
 * instance changes (the data plane forwards every engine change here), and the running guest is
 * asked directly — booting it first if Sandcloud restarted since, as `deliverHttp` does.
 */
export class GuestDirectory {
  private readonly instances = new Map<string, Instance | null>();

  constructor(private readonly engine: Engine) {}

  invalidate(): void {
    this.instances.clear();
  }

  deliverHttp(instanceId: string, port: number, request: InboundHttpRequest): Promise<HttpResponse | null> {
    let instance = this.instances.get(instanceId);
    if (instance === undefined) {
      instance = this.engine.store.get<Instance>('instance', instanceId) ?? null;
      this.instances.set(instanceId, instance);
    }
    const guest = instance ? this.engine.modules.guests.guestOf(instance) : undefined;
    return guest ? guest.deliverHttpRequest(port, request) : Promise.resolve(null);
  }
}
