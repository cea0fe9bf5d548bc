import type { KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router-dom';

export interface TabItem<T extends string> {
  id: T;
  label: string;
}

interface TabsProps<T extends string> {
  /** Names the tab list for screen readers. */
  label: string;
  items: readonly TabItem<T>[];
  value: T;
  onChange: (value: T) => void;
}

/** A row of tabs (arrow keys move between them); the caller renders the selected panel. */
export function Tabs<T extends string>({ label, items, value, onChange }: TabsProps<T>) {
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = items.findIndex((item) => item.id === value);
    const next = items[(index + (event.key === 'ArrowRight' ? 1 : items.length - 1)) % items.length];
    if (!next) return;
    onChange(next.id);
    event.currentTarget.querySelector<HTMLElement>(`[data-tab="${next.id}"]`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="mb-4 flex gap-1 border-b border-slate-200" onKeyDown={move}>
      {items.map((item) => {
        const selected = item.id === value;
        return (
          <button
            key={item.id}
            type="button"
            role="tab"
            data-tab={item.id}
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(item.id)}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium transition-colors ${
              selected ? 'border-brand-500 text-brand-700' : 'border-transparent text-slate-500 hover:text-slate-800'
            }`}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}

/**
 * The selected tab kept in the URL (`?tab=`) so a reload or a shared link opens the same tab. The
 * first tab is the default and keeps the URL clean; an unknown value falls back to it.
 */
export function useTabParam<T extends string>(tabs: readonly [T, ...T[]]): [T, (next: T) => void] {
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab');
  const tab = tabs.find((candidate) => candidate === requested) ?? tabs[0];
  const select = (next: T) => setSearch(next === tabs[0] ? {} : { tab: next }, { replace: true });
  return [tab, select];
}
