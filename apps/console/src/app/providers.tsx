import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useState, type ReactNode } from 'react';
import { ToastProvider } from '../components/ui/toast.tsx';
import { sessionQuery } from '../features/auth/index.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import { I18nProvider } from '../lib/i18n/i18n.tsx';
import { currentLanguage } from '../lib/i18n/language.ts';
import { registerFeatureMessages } from '../lib/i18n/messages-store.ts';
import { featureNamespaces } from './messages.ts';

registerFeatureMessages(featureNamespaces, currentLanguage());

// Client errors (4xx) will not change on retry; only retry what may be transient.
const retry = (failureCount: number, error: unknown) =>
  !(error instanceof ApiRequestError && error.status < 500) && failureCount < 2;

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    const client = new QueryClient({ defaultOptions: { queries: { retry, staleTime: 5_000, refetchOnWindowFocus: false } } });
    // Every screen is a lazy route: ask for the session now, while the screen's chunk downloads,
    // instead of after it (the shell that needs the session renders only once the chunk is there).
    void client.prefetchQuery(sessionQuery);
    return client;
  });
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ToastProvider>
          {/* The first screen waits here for its feature's messages (they download beside its chunk). */}
          <Suspense fallback={<div aria-busy="true" />}>{children}</Suspense>
        </ToastProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
