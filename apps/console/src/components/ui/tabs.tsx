import * as RadixTabs from '@radix-ui/react-tabs';
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

/**
 * A row of tabs on Radix's: one Tab stop, arrow keys (and Home/End) move and select; the caller
 * renders the selected panel (so no tab points at a panel that is not there).
 */
export function Tabs<T extends string>({ label, items, value, onChange }: TabsProps<T>) {
  return (
    <RadixTabs.Root value={value} onValueChange={(next) => onChange(next as T)} activationMode="automatic">
      <RadixTabs.List aria-label={label} className="mb-4 flex gap-1 border-b border-slate-200">
        {items.map((item) => (
          <RadixTabs.Trigger
            key={item.id}
            value={item.id}
            data-tab={item.id}
            aria-controls={undefined}
            className="-mb-px border-b-2 border-transparent px-4 py-2 text-sm font-medium text-slate-600 transition-colors hover:text-slate-800 data-[state=active]:border-brand-500 data-[state=active]:text-brand-700"
          >
            {item.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
    </RadixTabs.Root>
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
