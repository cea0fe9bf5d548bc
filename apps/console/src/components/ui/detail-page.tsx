import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiRequestError, errorMessage } from '../../lib/api-client.ts';
import { useT } from '../../lib/i18n/i18n.tsx';
import { Button } from './button.tsx';
import { EmptyState } from './empty-state.tsx';
import { SkeletonRows } from './skeleton.tsx';
import { Panel } from './table.tsx';

/** "← Instance": the way from a resource's page (or a wizard) back to its list. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Link to={to} className="text-sm text-brand-600 hover:underline">
      ← {label}
    </Link>
  );
}

interface DetailFallbackProps {
  /** The detail query while it is not (yet) successful. */
  query: { isPending: boolean; error: Error | null; refetch: () => unknown };
  /** The way back to the list (a BackLink). */
  back: ReactNode;
  /** Said instead of the server's message when the resource does not exist (404). */
  notFoundMessage?: string;
  /** Offers `[다시 시도]` for other errors; otherwise the way back. */
  retry?: boolean;
}

/**
 * What a resource's page shows until the resource is there: placeholder rows while loading, "not
 * found" with the way back, or the error. Written once for every detail page:
 * `if (!query.isSuccess) return <DetailFallback query={query} … />`.
 */
export function DetailFallback({ query, back, notFoundMessage, retry = true }: DetailFallbackProps) {
  const t = useT();
  if (query.isPending) {
    return (
      <Panel>
        <SkeletonRows />
      </Panel>
    );
  }
  const gone = notFoundMessage !== undefined && query.error instanceof ApiRequestError && query.error.status === 404;
  const action = gone || !retry ? back : <Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>;
  return (
    <Panel>
      <EmptyState message={gone ? notFoundMessage : errorMessage(query.error)} action={action} />
    </Panel>
  );
}

interface DetailHeaderProps {
  title: string;
  /** Status badges beside the name. */
  badges: ReactNode;
  /** One line of key facts under the name (addresses, image, zone). */
  summary: ReactNode;
  actions: ReactNode;
}

/** The top of a resource's page: its name with status badges, a line of key facts, its actions on the right. */
export function DetailHeader({ title, badges, summary, actions }: DetailHeaderProps) {
  return (
    <div className="flex items-start justify-between gap-4">
      <div>
        <div className="flex items-center gap-3">
          <h1 className="text-xl font-semibold">{title}</h1>
          {badges}
        </div>
        <p className="mt-1 text-sm text-slate-500">{summary}</p>
      </div>
      {actions}
    </div>
  );
}
