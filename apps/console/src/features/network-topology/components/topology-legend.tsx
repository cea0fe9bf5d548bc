import { useState } from 'react';
import { useT } from '../../../lib/i18n/i18n.tsx';
import type { Tone } from '../model/types.ts';
import { CheckIcon, CrossIcon } from './icons.tsx';
import { TONE_SWATCH } from './nodes/node-parts.tsx';

const TONES: { tone: Tone; label: 'topology.legend.good' | 'topology.legend.busy' | 'topology.legend.idle' | 'topology.legend.bad' }[] = [
  { tone: 'good', label: 'topology.legend.good' },
  { tone: 'busy', label: 'topology.legend.busy' },
  { tone: 'idle', label: 'topology.legend.idle' },
  { tone: 'bad', label: 'topology.legend.bad' },
];

const Line = ({ color, dash }: { color: string; dash?: string }) => (
  <svg width="28" height="8" aria-hidden className="shrink-0">
    <line x1="1" y1="4" x2="27" y2="4" stroke={color} strokeWidth="2" strokeDasharray={dash} />
  </svg>
);

/** What the colours and lines mean. */
export function TopologyLegend({ overlay }: { overlay: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(true);
  return (
    <div className="w-60 rounded-lg border border-slate-200 bg-white/95 text-xs shadow-sm backdrop-blur">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center justify-between px-3 py-2 font-semibold text-slate-700"
      >
        {t('topology.legend.title')}
        <span className="text-slate-400">{open ? '−' : '+'}</span>
      </button>
      {open && (
        <div className="space-y-3 border-t border-slate-100 px-3 py-2.5 text-slate-600">
          <div>
            <div className="mb-1 font-medium text-slate-500">{t('topology.legend.statuses')}</div>
            <ul className="space-y-1">
              {TONES.map(({ tone, label }) => (
                <li key={tone} className="flex items-center gap-2">
                  <span className={`h-2.5 w-2.5 rounded-full ${TONE_SWATCH[tone]}`} />
                  {t(label)}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <div className="mb-1 font-medium text-slate-500">{t('topology.legend.links')}</div>
            <ul className="space-y-1">
              <li className="flex items-center gap-2">
                <span className="h-3 w-7 shrink-0 rounded-sm border-2 border-sky-200 bg-sky-50" />
                {t('topology.legend.private')}
              </li>
              <li className="flex items-center gap-2">
                <Line color="#2f6fed" />
                {t('topology.legend.floatingPath')}
              </li>
              <li className="flex items-center gap-2">
                <Line color="#8b5cf6" dash="6 4" />
                {t('topology.legend.member')}
              </li>
              <li className="flex items-center gap-2">
                <Line color="#f59e0b" dash="2 3" />
                {t('topology.legend.volume')}
              </li>
            </ul>
          </div>
          {overlay && (
            <div>
              <div className="mb-1 font-medium text-slate-500">{t('topology.legend.reachability')}</div>
              <ul className="space-y-1">
                <li className="flex items-center gap-2">
                  <span className="flex items-center gap-0.5 rounded bg-emerald-50 px-1 font-semibold text-emerald-700 ring-1 ring-emerald-600/25">
                    <CheckIcon width={9} height={9} />
                    SSH
                  </span>
                  {t('topology.legend.allowed')}
                </li>
                <li className="flex items-center gap-2">
                  <span className="flex items-center gap-0.5 rounded bg-red-50 px-1 font-semibold text-red-700 ring-1 ring-red-600/25">
                    <CrossIcon width={9} height={9} />
                    SSH
                  </span>
                  {t('topology.legend.blocked')}
                </li>
              </ul>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
