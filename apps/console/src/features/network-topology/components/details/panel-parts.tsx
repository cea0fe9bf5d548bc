import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** Label above value: the panel is narrow. */
export function Fields({ items }: { items: readonly { label: string; value: ReactNode }[] }) {
  return (
    <dl className="space-y-3 text-sm">
      {items.map((item) => (
        <div key={item.label}>
          <dt className="text-xs font-medium text-slate-500">{item.label}</dt>
          <dd className="mt-0.5 min-w-0 break-words text-slate-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-slate-100 px-4 py-3">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {children}
    </section>
  );
}

export const Mono = ({ children }: { children: ReactNode }) => <span className="font-mono text-[13px]">{children}</span>;

export const Dash = () => <span className="text-slate-300">—</span>;

/** A secondary action that navigates: looks like the other action buttons. */
export function ActionLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link
      to={to}
      className="inline-flex items-center justify-center gap-1.5 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
    >
      {children}
    </Link>
  );
}
