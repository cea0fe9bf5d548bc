import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ResourceEventDto } from '@sandcloud/api-schemas';
import { queryKeys } from './query-keys.ts';

/**
 * Subscribes to the server's event stream and invalidates what an event touches, so every open
 * screen refreshes itself. Returns whether the stream is connected.
 */
export function useLiveEvents(enabled: boolean): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(true);

  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/events');
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as ResourceEventDto;
      if (event.kind === 'user') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      } else if (event.kind === 'project' || event.kind === 'project-member') {
        // A membership changes what the user may see and do; every project key starts with `projects`.
        void queryClient.invalidateQueries({ queryKey: queryKeys.projects });
      } else if (event.projectId) {
        // Resources refer to each other (an instance shows its floating IP), so refresh the project's views.
        void queryClient.invalidateQueries({ queryKey: queryKeys.project(event.projectId) });
      } else {
        void queryClient.invalidateQueries();
      }
    };
    return () => source.close();
  }, [enabled, queryClient]);

  return connected;
}
