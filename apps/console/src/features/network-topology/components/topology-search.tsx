import type { TopologyDto } from '@sandcloud/api-schemas';
import { useId, useMemo, useState } from 'react';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { searchTopology, type SearchHit } from '../model/build-topology.ts';
import { SearchIcon } from './icons.tsx';

const KIND_LABEL = {
  instance: 'topology.kind.instance',
  network: 'topology.kind.network',
  router: 'topology.kind.router',
  loadBalancer: 'topology.kind.loadBalancer',
  volume: 'topology.kind.volume',
} as const;

/** Find a resource by name or IP (private or floating); picking one centres the graph on it. */
export function TopologySearch({ topology, onPick }: { topology: TopologyDto | undefined; onPick: (hit: SearchHit) => void }) {
  const t = useT();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const hits = useMemo(() => (topology ? searchTopology(topology, text) : []), [topology, text]);
  const shown = open && text.trim().length > 0;

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onPick(hit);
    setOpen(false);
  };

  return (
    <div className="relative w-72">
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-slate-400" width={15} height={15} />
      <input
        type="search"
        role="combobox"
        aria-label={t('topology.search.label')}
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={t('topology.search.placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive((index) => Math.min(index + 1, Math.max(0, hits.length - 1)));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((index) => Math.max(index - 1, 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            pick(hits[active]);
          } else if (event.key === 'Escape') {
            setOpen(false);
          }
        }}
        className="w-full rounded-md border border-slate-300 bg-white py-1.5 pr-2.5 pl-8 text-sm focus:border-brand-500 focus:ring-1 focus:ring-brand-500 focus:outline-none"
      />
      {shown && (
        <ul
          id={listId}
          role="listbox"
          aria-label={t('topology.search.results')}
          className="absolute top-full right-0 left-0 z-20 mt-1 max-h-80 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {hits.length === 0 ? (
            <li className="px-3 py-2 text-slate-500">{t('topology.search.none')}</li>
          ) : (
            hits.map((hit, index) => (
              <li
                key={hit.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(hit);
                }}
                onMouseEnter={() => setActive(index)}
                className={`flex cursor-pointer items-center gap-2 px-3 py-1.5 ${index === active ? 'bg-brand-50' : ''}`}
              >
                <span className="w-20 shrink-0 text-xs text-slate-500">{t(KIND_LABEL[hit.kind])}</span>
                <span className="min-w-0 flex-1 truncate font-medium text-slate-900">{hit.name}</span>
                <span className="shrink-0 font-mono text-xs text-slate-500">{hit.detail}</span>
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
