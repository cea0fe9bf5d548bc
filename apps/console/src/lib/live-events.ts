import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ResourceEventDto } from '@sandcloud/api-schemas';
import { invalidatedBy } from './query-keys.ts';

/**
 * Subscribes to the server's event stream and invalidates what an event touches (by the resource's
 * kind: `invalidatedBy` in query-keys.ts), so every open screen refreshes itself. Returns whether
 * the stream is connected.
 */
export function useLiveEvents(enabled: boolean): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(true);

  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/events');
    // Events sent while the stream was down are lost: back up, everything is refreshed once.
    let missedEvents = false;
    source.onopen = () => {
      setConnected(true);
      if (missedEvents) void queryClient.invalidateQueries();
      missedEvents = false;
    };
    source.onerror = () => {
      setConnected(false);
      missedEvents = true;
    };
    source.onmessage = (message: MessageEvent<string>) => {
      const stale = invalidatedBy(JSON.parse(message.data) as ResourceEventDto);
      void queryClient.invalidateQueries({ predicate: (query) => stale(query.queryKey) });
    };
    return () => source.close();
  }, [enabled, queryClient]);

  return connected;
}
