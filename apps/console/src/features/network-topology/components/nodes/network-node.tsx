import { useStore, type Node, type NodeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { SIZES } from '../../model/geometry.ts';
import type { OverviewCell, WithPorts } from '../flow-elements.ts';
import type { NetworkData, Tone } from '../../model/types.ts';
import { ChevronIcon, GlobeIcon, NetworkIcon, ServerIcon } from '../icons.tsx';
import { FarLabel, isZoomedOut, Ports, selectedRing, TONE_SWATCH, TopologyActionsContext } from './node-parts.tsx';

export type NetworkNodeType = Node<WithPorts<NetworkData>, 'network'>;

const TONE_ORDER: Tone[] = ['good', 'busy', 'idle', 'bad'];
const TONE_LABEL = { good: 'topology.legend.good', busy: 'topology.legend.busy', idle: 'topology.legend.idle', bad: 'topology.legend.bad' } as const;

/** A private network and its subnet; its instances are drawn inside it (or folded into it). */
export const NetworkNode = memo(function NetworkNode({ id, data, selected }: NodeProps<NetworkNodeType>) {
  const t = useT();
  const zoomedOut = useStore(isZoomedOut);
  const { toggleCollapse } = useContext(TopologyActionsContext);
  const { network, cidr, instanceCount, tones, floatingIpCount, collapsed, collapsible } = data;

  return (
    <div className={`h-full w-full rounded-xl border-2 border-sky-200 bg-sky-50/60 ${selectedRing(selected)}`}>
      <Ports ports={data.ports} />
      {zoomedOut && (
        <FarLabel align="start">
          <NetworkIcon width={13} height={13} className="text-sky-700" />
          {network.name}
          {cidr && <span className="font-mono font-normal text-sky-800">{cidr}</span>}
          <span className="flex items-center gap-0.5 font-normal text-slate-500" title={t('topology.node.instanceCount', { count: instanceCount })}>
            <ServerIcon width={11} height={11} />
            {instanceCount}
          </span>
          {floatingIpCount > 0 && (
            <span className="flex items-center gap-0.5 font-normal text-brand-700">
              <GlobeIcon width={11} height={11} />
              {floatingIpCount}
            </span>
          )}
        </FarLabel>
      )}
      <div className="flex h-[72px] items-start gap-3 rounded-t-xl border-b border-sky-200 bg-white/80 px-4 py-3">
        <span className="mt-0.5 rounded-md bg-sky-100 p-1.5 text-sky-700">
          <NetworkIcon width={18} height={18} />
        </span>
        <div className="min-w-0 flex-1">
          <div className="truncate text-sm font-semibold text-slate-900">{network.name}</div>
          <div className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
            {cidr && <span className="rounded bg-sky-100 px-1.5 font-mono text-sky-800">{cidr}</span>}
            <span>{t('topology.node.instanceCount', { count: instanceCount })}</span>
            {floatingIpCount > 0 && (
              <span className="flex items-center gap-0.5 text-brand-700">
                <GlobeIcon width={11} height={11} />
                {floatingIpCount}
              </span>
            )}
          </div>
        </div>
        {collapsible && !zoomedOut && (
          <button
            type="button"
            aria-expanded={!collapsed}
            onClick={() => toggleCollapse(id)}
            className="nodrag flex shrink-0 items-center gap-1 rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
          >
            <ChevronIcon width={12} height={12} className={collapsed ? '-rotate-90' : ''} />
            {t(collapsed ? 'topology.node.expand' : 'topology.node.collapse')}
          </button>
        )}
      </div>
      {instanceCount === 0 && <p className="px-4 py-4 text-xs text-slate-400">{t('topology.node.networkEmpty')}</p>}
      {data.cells && <OverviewCells cells={data.cells} />}
      {collapsed && (
        <div className="px-4 py-3">
          <div className="mb-2 flex h-2 overflow-hidden rounded-full bg-slate-200">
            {TONE_ORDER.map((tone) => (tones[tone] > 0 ? <span key={tone} className={TONE_SWATCH[tone]} style={{ width: `${(tones[tone] / instanceCount) * 100}%` }} /> : null))}
          </div>
          <div className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
            {TONE_ORDER.filter((tone) => tones[tone] > 0).map((tone) => (
              <span key={tone} className="flex items-center gap-1" title={t(TONE_LABEL[tone])}>
                <span className={`h-2 w-2 rounded-full ${TONE_SWATCH[tone]}`} />
                {tones[tone]}
              </span>
            ))}
            <span className="text-slate-400">{t('topology.node.collapsedHint', { count: instanceCount })}</span>
          </div>
        </div>
      )}
    </div>
  );
});

const CELL_FILL: Record<Tone, { fill: string; stroke: string }> = {
  good: { fill: '#d1fae5', stroke: '#34d399' },
  busy: { fill: '#fef3c7', stroke: '#f59e0b' },
  bad: { fill: '#fee2e2', stroke: '#ef4444' },
  idle: { fill: '#f1f5f9', stroke: '#94a3b8' },
};

/**
 * A large graph seen whole: its instances as coloured boxes in one drawing, instead of a thousand
 * nodes. A box opens the instance's details; zooming in brings the full nodes back.
 */
const OverviewCells = memo(function OverviewCells({ cells }: { cells: readonly OverviewCell[] }) {
  const { select } = useContext(TopologyActionsContext);
  return (
    <svg className="pointer-events-none absolute inset-0 h-full w-full overflow-visible" aria-hidden>
      {cells.map((cell) => (
        <rect
          key={cell.id}
          x={cell.x}
          y={cell.y}
          width={SIZES.instance.width}
          height={SIZES.instance.height}
          rx={8}
          fill={CELL_FILL[cell.tone].fill}
          stroke={CELL_FILL[cell.tone].stroke}
          strokeWidth={4}
          className="nodrag pointer-events-auto cursor-pointer"
          onClick={(event) => {
            event.stopPropagation();
            select(cell.id);
          }}
        >
          <title>{`${cell.name} ${cell.ip}`}</title>
        </rect>
      ))}
    </svg>
  );
});
