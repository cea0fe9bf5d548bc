import type { ReactNode } from 'react';

/** What to do next when a list is empty: a sentence and, usually, the button that creates the first one. */
export function EmptyState({ message, action }: { message: string; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-3 px-6 py-14 text-center text-sm text-slate-500">
      <p>{message}</p>
      {action}
    </div>
  );
}
