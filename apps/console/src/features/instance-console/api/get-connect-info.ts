import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InstanceDto } from '@sandcloud/api-schemas';
import { api, ApiRequestError } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/**
 * How to reach the instance from this machine (the data plane answers it).
 * TODO(lead): replace with the DTO from @sandcloud/api-schemas once the endpoint lands.
 */
export interface ConnectInfo {
  sshCommand: string | null;
  httpUrl: string | null;
  /** Why there is no command (no floating IP, not running…). */
  reason?: string;
}

/** The guide's form of the command, from the floating IP: what to show until the server says better. */
export function guideConnectInfo(instance: Pick<InstanceDto, 'keyName' | 'floatingIp'>): ConnectInfo {
  return {
    sshCommand: instance.floatingIp ? `ssh -i ${instance.keyName}.pem root@${instance.floatingIp}` : null,
    httpUrl: null,
  };
}

export const connectInfoQuery = (projectId: string, instance: Pick<InstanceDto, 'id' | 'keyName' | 'floatingIp'>) =>
  queryOptions({
    queryKey: [...queryKeys.resource(projectId, 'instances', instance.id), 'connect-info', instance.floatingIp] as const,
    queryFn: async () => {
      try {
        return await api.get<ConnectInfo>(`/projects/${projectId}/instances/${instance.id}/connect-info`);
      } catch (error) {
        // A server without the data plane has no such route yet: fall back to the guide's command.
        if (error instanceof ApiRequestError && error.status === 404) return guideConnectInfo(instance);
        throw error;
      }
    },
  });

export const useConnectInfo = (projectId: string, instance: Pick<InstanceDto, 'id' | 'keyName' | 'floatingIp'>) =>
  useQuery(connectInfoQuery(projectId, instance));
