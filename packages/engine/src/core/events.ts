/** What the console needs to refresh a screen: which resource changed, in which project, and its state now. */
export interface ResourceEvent {
  kind: string;
  id: string;
  projectId: string | null;
  change: 'created' | 'updated' | 'deleted';
  status: string | null;
  at: number;
  /** The resource's name when it has one (the activity log keeps it, even after a delete). */
  name?: string;
}

export type EventListener = (event: ResourceEvent) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: ResourceEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken subscriber (a closed stream) must not stop the others from hearing.
      }
    }
  }
}
