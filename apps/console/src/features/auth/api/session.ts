import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Language, LoginRequest, SessionDto, UserDto } from '@sandcloud/api-schemas';
import { api, ApiRequestError, setCsrfToken } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The current session, or null when logged out (a 401 is an answer here, not an error). */
async function getSession(): Promise<SessionDto | null> {
  try {
    const session = await api.get<SessionDto>('/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

export const sessionQuery = queryOptions({ queryKey: queryKeys.session, queryFn: getSession, staleTime: Infinity });

export const useSession = () => useQuery(sessionQuery);

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginRequest) => api.post<SessionDto>('/auth/login', input),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(queryKeys.session, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSuccess: () => {
      setCsrfToken(null);
      // Session first: the shell observes it and leaves for the login page; then drop the rest.
      queryClient.setQueryData(queryKeys.session, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
    },
  });
}

/** Remembers the language on the server, so it follows the user to another browser. */
export function useSaveLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (language: Language) => api.patch<UserDto>('/me', { language }),
    onSuccess: (user) =>
      queryClient.setQueryData<SessionDto | null>(queryKeys.session, (session) => (session ? { ...session, user } : session)),
  });
}
