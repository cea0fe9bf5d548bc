import type { ReactNode } from 'react';

export interface DescriptionItem {
  label: string;
  value: ReactNode;
}

/** Label/value pairs of one resource, in two columns on wide screens. */
export function DescriptionList({ items }: { items: readonly DescriptionItem[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-8 gap-y-3 text-sm md:grid-cols-2">
      {items.map((item) => (
        <div key={item.label} className="grid grid-cols-[10rem_1fr] gap-2">
          <dt className="text-slate-500">{item.label}</dt>
          <dd className="min-w-0 break-words text-slate-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
